package io.cellfloor.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RestCollapseDetectorTest {
    private static final RestRules RULES = RestRules.DEFAULTS;

    private static RestObservation rest(final Direction after, final boolean cutoff, final double from,
                                        final double to) {
        return new RestObservation(6, after, cutoff, 1_000, from, 121_000, to, 13);
    }

    @Test
    void shouldFlagARestVoltagePulledTowardsZeroAfterAStripThatReachedTheCutoff() {
        final BreakdownEvent e = RestCollapseDetector.judge(rest(Direction.CHARGE, true, 1.48, 0.55),
                CellKind.ASYMMETRIC, Double.NaN, 1.5, RULES);

        assertThat(e.type()).isEqualTo(BreakdownType.REST_VOLTAGE_COLLAPSE);
        assertThat(e.cycleNumber()).isEqualTo(6);
        assertThat(e.halfCycle()).isEqualTo(Direction.REST);
        assertThat(e.evidence().get("ratio")).isCloseTo(0.372, within(0.001));
    }

    @Test
    void shouldNotFlagTheSmallRelaxationOfAHealthyEmptyCollector() {
        assertThat(RestCollapseDetector.judge(rest(Direction.CHARGE, true, 1.48, 1.33), CellKind.ASYMMETRIC,
                Double.NaN, 1.5, RULES)).isNull();
    }

    @Test
    void shouldNotJudgeTheRestNearZeroAfterALowStripCutoffThatLeavesLithiumOnTheCollector() {
        assertThat(RestCollapseDetector.judge(rest(Direction.CHARGE, true, 0.098, 0.002), CellKind.ASYMMETRIC,
                Double.NaN, 0.1, RULES)).isNull();
        assertThat(RestCollapseDetector.judge(rest(Direction.CHARGE, true, 0.51, 0.002), CellKind.ASYMMETRIC,
                Double.NaN, 0.5, RULES)).isNull();
        assertThat(RestCollapseDetector.judge(rest(Direction.CHARGE, true, 1.0, 0.002), CellKind.ASYMMETRIC,
                Double.NaN, 1.0, RULES)).isNotNull();
    }

    @Test
    void shouldNotJudgeARestAfterAStripThatNeverReachedTheCutoff() {
        assertThat(RestCollapseDetector.judge(rest(Direction.CHARGE, false, 0.05, 0.0), CellKind.ASYMMETRIC,
                Double.NaN, 1.5, RULES)).isNull();
    }

    @Test
    void shouldNotJudgeTheRestAfterPlatingOrALithiumLithiumCell() {
        assertThat(RestCollapseDetector.judge(rest(Direction.DISCHARGE, false, -0.03, 0.0), CellKind.ASYMMETRIC,
                Double.NaN, 1.5, RULES)).isNull();
        assertThat(RestCollapseDetector.judge(rest(Direction.CHARGE, false, 0.05, 0.0), CellKind.SYMMETRIC,
                Double.NaN, 1.5, RULES)).isNull();
    }

    @Test
    void shouldFlagAFullCellWhoseOpenCircuitVoltageDecaysFasterThanItsOwnBaseline() {
        final BreakdownEvent e = RestCollapseDetector.judge(rest(Direction.CHARGE, true, 4.15, 3.77), CellKind.FULL,
                0.025, 1.5, RULES);

        assertThat(e.evidence().get("decayV")).isCloseTo(0.38, within(1e-9));
    }

    @Test
    void shouldNotFlagAFullCellsOrdinaryRelaxationAfterCharge() {
        assertThat(RestCollapseDetector.judge(rest(Direction.CHARGE, true, 4.15, 4.12), CellKind.FULL, 0.025, 4.2,
                RULES))
                .isNull();
    }

    @Test
    void shouldReportTheCollapseAfterAStripWithTheNextCycleUnderItsOwnNumber() {
        final Detected detected = new Detected();
        new LiCell(detected.assembler(LiCell.SPEC)).healthy(4).cycle(s -> s.leak = true).healthy(2);

        assertThat(detected.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(BreakdownType.REST_VOLTAGE_COLLAPSE);
            assertThat(e.cycleNumber()).isEqualTo(5);
        });
        assertThat(detected.cycle(5).events()).isEmpty();
        assertThat(detected.cycle(6).events()).hasSize(1);
        assertThat(detected.cycle(6).stageChange().to()).isEqualTo(CellStage.RECOVERABLE);
    }
}
