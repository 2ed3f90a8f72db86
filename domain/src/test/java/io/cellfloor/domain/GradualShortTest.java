package io.cellfloor.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A short that comes on gradually, end to end through the assembler: a parallel path that pulls every |V| of the
 * cycle towards 0 V by a few percent more each cycle, with healthy rests and an unchanged CE, so that only the
 * comparison with the cell's early life ({@link DriftCusum}) can see it.
 */
class GradualShortTest {
    /** The paper's collapse, 154 to 32 ohm over 20 cycles: every |V|/|I| 8 % lower each cycle. */
    private static final double PER_CYCLE = Math.log(154.0 / 32.0) / 19;

    @Test
    void shouldFindAGradualShortOnItsSixthCycleAndCallItIrrecoverableOnTheNext() {
        final Detected detected = new Detected();
        final LiCell cell = new LiCell(detected.assembler(LiCell.SPEC)).noise(2e-4).healthy(5);
        for (int n = 0; n < 8; n++) {
            final double f = Math.exp(-PER_CYCLE * n);
            cell.cycle(s -> {
                s.platingOverlay = t -> f;
                s.strippingOverlay = t -> f;
            });
        }

        final List<BreakdownEvent> events = detected.events();
        assertThat(events).extracting(BreakdownEvent::cycleNumber).containsExactly(11, 12, 13);
        assertThat(events).extracting(BreakdownEvent::type).containsOnly(BreakdownType.VOLTAGE_DROP);
        assertThat(events.get(0).halfCycle()).isNull();
        assertThat(detected.cycle(10).stage()).isEqualTo(CellStage.STABLE);
        assertThat(detected.cycle(11).stage()).isEqualTo(CellStage.RECOVERABLE);
        assertThat(detected.cycle(12).stage()).isEqualTo(CellStage.IRRECOVERABLE);
    }

    @Test
    void shouldLeaveAHealthyCellWhoseOverpotentialSettlesByAFewPercentAlone() {
        final Detected detected = new Detected();
        final LiCell cell = new LiCell(detected.assembler(LiCell.SPEC)).noise(2e-4).healthy(3);
        for (int n = 0; n < 30; n++) {
            final double f = 0.92 + 0.08 * Math.exp(-n / 5.0); // contact improving under pressure: 8 % lower, settled
            cell.cycle(s -> {
                s.platingOverlay = t -> f;
                s.strippingOverlay = t -> f;
            });
        }

        assertThat(detected.events()).isEmpty();
        assertThat(detected.state.stage()).isEqualTo(CellStage.STABLE);
    }
}
