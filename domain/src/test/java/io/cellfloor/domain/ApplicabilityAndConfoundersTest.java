package io.cellfloor.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * What real cells and cyclers do that is not a breakdown (SCIENCE.md), and the honest answer where detection does not
 * apply: each case here raised events before issue 13.
 */
class ApplicabilityAndConfoundersTest {
    private static final double I = LiCell.I;

    @Test
    void shouldAnswerNotApplicableForACommercialCellWithoutACellTest() {
        final Detected detected = new Detected();
        final LiCell cell = new LiCell(detected.assembler(null)).interval(10);
        for (int c = 0; c < 6; c++) {
            cell.step(1e-3, 3600, s -> 3.6 + 0.6 * s / 3600)
                    .rest(600, 4.2, 4.1, 60)
                    .step(-1e-3, 3600, s -> s > 1800 && s < 1900 ? 2.0 : 4.0 - 0.9 * s / 3600)
                    .rest(600, 3.1, 3.3, 60);
        }

        assertThat(detected.events()).isEmpty();
        assertThat(detected.cycle(5).stage()).isEqualTo(CellStage.STABLE);
        assertThat(detected.cycle(5).features().notApplicable()).contains("no cell test", "below 0 V");
    }

    @Test
    void shouldJudgeAnUnknownCellOnceItsPlatingRunsBelowZeroVolts() {
        final Detected detected = new Detected();
        new LiCell(detected.assembler(null)).healthy(3);

        assertThat(detected.cycle(3).features().notApplicable()).isNull();
    }

    @Test
    void shouldNotTakeAnAlloyingPlateauAboveZeroVoltsForADrop() {
        final Detected detected = new Detected();
        final LiCell cell = new LiCell(detected.assembler(LiCell.SPEC));
        for (int c = 0; c < 6; c++) {
            // Li-Au alloying at +80 mV for 5 minutes, a slow 0 V crossing, then Li plating at -50 mV
            cell.step(-I, 1200, s -> s < 300 ? 0.080 : s < 400 ? 0.080 - 0.130 * (s - 300) / 100 : -0.050)
                    .rest(120, -0.030, 0.0, 10)
                    .step(I, 700, s -> 0.050 + 1.45 * Math.exp(-(700 - s) / 10))
                    .rest(120, 1.45, 1.3, 120);
        }

        assertThat(detected.events()).isEmpty();
        assertThat(detected.cycle(6).features().platingOverpotentialV()).isCloseTo(0.050, within(0.002));
    }

    @Test
    void shouldNameAnAlloyingFirstCycleCeInsteadOfFlaggingIt() {
        final Detected detected = new Detected();
        new LiCell(detected.assembler(LiCell.SPEC)).cycle(s -> s.ce = 109.5).healthy(4);

        assertThat(detected.events()).isEmpty();
        assertThat(detected.cycle(1).features().normalBehaviour()).contains("109.5", "alloyed");
        assertThat(detected.cycle(2).features().normalBehaviour()).isNull();
    }

    @Test
    void shouldStillFlagAFirstCycleThatStripsFarMoreThanAnyCoatingHolds() {
        final Detected detected = new Detected();
        new LiCell(detected.assembler(LiCell.SPEC)).cycle(s -> s.ce = 160).healthy(2);

        assertThat(detected.events(BreakdownType.CE_JUMP)).extracting(BreakdownEvent::cycleNumber)
                .containsExactly(1);
    }

    @Test
    void shouldWeightTheStripPlateauByTimeWhenTheCyclerLogsOnChange() {
        final Detected detected = new Detected();
        final LiCell cell = new LiCell(detected.assembler(LiCell.SPEC));
        for (int c = 0; c < 4; c++) {
            cell.interval(2).step(-I, 720, s -> -0.050).rest(120, -0.030, 0.0, 10);
            // a flat 40 mV plateau logged once in 10 minutes, then 1,000 s of rise to the cut-off logged every 2 s
            cell.interval(600).step(I, 1800, s -> 0.040)
                    .interval(2).step(I, 1000, s -> 0.040 + 1.46 * Math.pow(s / 1000, 3))
                    .rest(120, 1.45, 1.3, 120);
        }

        assertThat(detected.cycle(4).features().strippingOverpotentialV()).isCloseTo(0.040, within(0.005));
        assertThat(detected.events()).isEmpty();
    }
}
