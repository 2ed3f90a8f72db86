package io.cellfloor.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reservoir protocol (paper eq. 2) recognised from the data: plate Q_T, strip and plate Q_C n times, strip
 * everything to the cut-off.
 */
class AverageCeTest {
    /** Q_T = 0.5 mAh, Q_C = 0.1 mAh, n = 5 on a Li/LPSC/SS pellet at 1 mA/cm2 (0.785 mA). */
    static final AverageCeProtocol PROTOCOL = new AverageCeProtocol(0.5, 0.1, 5);
    static final CellSpec CELL = new CellSpec(CellKind.ASYMMETRIC, CellSpec.PELLET_AREA_CM2, "LPSC", "SS", 1.0,
            0.1 / CellSpec.PELLET_AREA_CM2, -0.5, 1.5, 100, CeDirection.CHARGE_OVER_DISCHARGE, PROTOCOL);
    static final double I = CELL.nominalCurrentA();

    private final Detected detected = new Detected();
    private final LiCell trace = new LiCell(detected.assembler(CELL));

    /** Seconds to pass {@code mAh} at the protocol's current. */
    private static double seconds(final double mAh) {
        return mAh / 1000 / I * 3600;
    }

    private void runProtocol(final double[] cycledStripMAh, final double finalMAh, final boolean finalAtCutoff) {
        trace.step(-I, seconds(0.5), s -> -0.05).rest(60, -0.03, 0, 10);
        for (final double strip : cycledStripMAh) {
            final double t = seconds(strip);
            final boolean early = strip < 0.095;
            trace.step(I, t, s -> early ? 0.05 + 1.45 * Math.exp(-(t - s) / 5) : 0.05).rest(60, 0.03, 0, 10);
            trace.step(-I, seconds(0.1), s -> -0.05).rest(60, -0.03, 0, 10);
        }
        final double t = seconds(finalMAh);
        trace.step(I, t, s -> finalAtCutoff ? 0.05 + 1.45 * Math.exp(-(t - s) / 5) : 0.05).rest(60, 1.3, 1.2, 100);
    }

    private AverageCeResult result() {
        return detected.cycles.stream().map(Cycle::averageCe).filter(r -> r != null).findFirst().orElseThrow();
    }

    @Test
    void shouldComputeTheAverageCeOfTheReservoirProtocolFromItsPhases() {
        runProtocol(new double[] {0.1, 0.1, 0.1, 0.1, 0.1}, 0.45, true);

        final AverageCeResult r = result();
        assertThat(r.determinable()).isTrue();
        assertThat(r.cePercent()).isCloseTo((5 * 0.1 + 0.45) / (5 * 0.1 + 0.5) * 100, within(0.05));
        assertThat(r.cycles()).isEqualTo(5);
        assertThat(r.reservoirMAh()).isCloseTo(0.5, within(1e-6));
        assertThat(r.finalStripMAh()).isCloseTo(0.45, within(1e-6));
        assertThat(detected.cycles.get(detected.cycles.size() - 1).averageCe()).isSameAs(r);
    }

    @Test
    void shouldFlagAnAverageCeAbove100PercentAsABreakdownIndication() {
        runProtocol(new double[] {0.1, 0.1, 0.1, 0.1, 0.1}, 0.53, true);

        assertThat(result().cePercent()).isCloseTo(103.0, within(0.05));
        assertThat(detected.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(BreakdownType.AVERAGE_CE_ABOVE_100);
            assertThat(e.evidence().get("averageCePercent")).isCloseTo(103.0, within(0.05));
        });
    }

    @Test
    void shouldReportNotDeterminableWhenTheReservoirRunsOutDuringTheCycles() {
        runProtocol(new double[] {0.1, 0.1, 0.06}, 0.0, true);

        final AverageCeResult r = result();
        assertThat(r.determinable()).isFalse();
        assertThat(r.cePercent()).isNaN();
        assertThat(r.reason()).contains("reservoir ran out", "strip 3 of 5");
    }

    @Test
    void shouldReportNotDeterminableWhenTheFinalStripHasTooLittleLithium() {
        runProtocol(new double[] {0.1, 0.1, 0.1, 0.1, 0.1}, 0.004, true);

        assertThat(result().determinable()).isFalse();
        assertThat(result().reason()).contains("too little Li left to strip");
    }

    @Test
    void shouldNotTakeTheProtocolsOwnCyclesForCeJumps() {
        runProtocol(new double[] {0.1, 0.1, 0.1, 0.1, 0.1}, 0.45, true);

        assertThat(detected.events()).isEmpty();
        assertThat(detected.cycles).extracting(Cycle::cePercent).first().satisfies(ce ->
                assertThat((double) ce).isCloseTo(20.0, within(0.01)));
    }

    @Test
    void shouldNotLookForTheProtocolWhenTheCellDeclaresNone() {
        final Detected plain = new Detected();
        new LiCell(plain.assembler(LiCell.SPEC)).healthy(3);

        assertThat(plain.cycles).extracting(Cycle::averageCe).containsOnlyNulls();
        assertThat(List.copyOf(plain.cycles)).hasSize(3);
    }
}
