package io.cellfloor.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cellfloor.avro.Alert;
import io.cellfloor.avro.AlertSeverity;
import io.cellfloor.avro.ChannelStatus;
import io.cellfloor.domain.AverageCeResult;
import io.cellfloor.domain.BreakdownEvent;
import io.cellfloor.domain.BreakdownType;
import io.cellfloor.domain.CeDirection;
import io.cellfloor.domain.CellStage;
import io.cellfloor.domain.Cycle;
import io.cellfloor.domain.CycleFeatures;
import io.cellfloor.domain.Direction;
import io.cellfloor.domain.EndReason;
import io.cellfloor.domain.HalfCycle;
import io.cellfloor.domain.StageChange;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelStatusUpdateTest {
    static final long HOUR = 3_600_000L;

    @Test
    void shouldTrackInitialAndStableCeAndTimeToFirstBreakdown() {
        ChannelStatus s = null;
        s = apply(s, cycle(1, 65.1, CellStage.STABLE, List.of(), null));
        s = apply(s, cycle(2, 60.0, CellStage.STABLE, List.of(), null));
        s = apply(s, cycle(3, 58.0, CellStage.STABLE, List.of(), null));
        final BreakdownEvent drop = new BreakdownEvent(BreakdownType.VOLTAGE_DROP, 4, Direction.DISCHARGE,
                3 * 2 * HOUR + HOUR / 2, 3 * 2 * HOUR + HOUR / 2 + 60_000, 0.7, true, Map.of("depthV", 0.02));
        s = apply(s, cycle(4, 64.6, CellStage.RECOVERABLE, List.of(drop),
                new StageChange(4, CellStage.STABLE, CellStage.RECOVERABLE, "voltage drop")));

        assertThat(s.getInitialCePercent()).isEqualTo(65.1);
        assertThat(s.getStableCeCount()).isEqualTo(2);
        assertThat(s.getStableCeSum()).isCloseTo(118.0, within(1e-9));
        assertThat(s.getCyclesToFirstBreakdown()).isEqualTo(4);
        assertThat(s.getHoursToFirstBreakdown()).isCloseTo(6.5, within(1e-9));
        assertThat(s.getStage()).isEqualTo(io.cellfloor.avro.CellStage.RECOVERABLE);
        assertThat(s.getLastCycle()).isEqualTo(4);
        assertThat(s.getLastCePercent()).isEqualTo(64.6);
        assertThat(s.getCyclesToIrrecoverable()).isNull();
        assertThat(s.getCohort()).isEqualTo("LPSC | SS | 1 mA/cm2 | 0.5 mAh/cm2 | 1.5 V | 50 MPa");
    }

    @Test
    void shouldKeepTheLatestDeterminableAverageCe() {
        ChannelStatus s = apply(null, cycle(1, 90.0, CellStage.STABLE, List.of(), null));
        assertThat(s.getAverageCePercent()).isNull();

        s = apply(s, withAverageCe(cycle(2, 91.0, CellStage.STABLE, List.of(), null), true, 97.25));
        s = apply(s, withAverageCe(cycle(3, 92.0, CellStage.STABLE, List.of(), null), false, Double.NaN));

        assertThat(s.getAverageCePercent()).isEqualTo(97.25);
        s = apply(s, withAverageCe(cycle(4, 93.0, CellStage.STABLE, List.of(), null), true, 101.5));
        assertThat(s.getAverageCePercent()).isEqualTo(101.5);
    }

    @Test
    void shouldStartOverWhenTheChannelStartsANewTest() {
        final ChannelStatus old = apply(null, cycle(1, 65.0, CellStage.HARD_SHORT, List.of(), null));

        final ChannelStatus s = ChannelStatusUpdate.apply(old, "st-1", "ch-1", "test-2",
                CellfloorTopologyTest.LI_LPSC_SS, cycle(1, 70.0, CellStage.STABLE, List.of(), null));

        assertThat(s.getTestId()).isEqualTo("test-2");
        assertThat(s.getStage()).isEqualTo(io.cellfloor.avro.CellStage.STABLE);
        assertThat(s.getInitialCePercent()).isEqualTo(70.0);
        assertThat(s.getCyclesToFirstBreakdown()).isNull();
    }

    @Test
    void shouldRaiseOneAlertPerStageChangeWithStableDedupKeyAndActionableSummary() {
        final StageChange change = new StageChange(15, CellStage.RECOVERABLE, CellStage.IRRECOVERABLE,
                "breakdowns in 3 of the last 5 cycles");
        final Alert a = AlertFactory.alert("st-1", "ch-1", "test-1", CellfloorTopologyTest.LI_LPSC_SS,
                cycle(15, 142.9, CellStage.IRRECOVERABLE, List.of(), change), change);

        assertThat(a.getDedupKey()).isEqualTo("cellfloor/ch-1/test-1/irrecoverable");
        assertThat(a.getSeverity()).isEqualTo(AlertSeverity.CRITICAL);
        assertThat(a.getSummary()).isEqualTo("st-1/ch-1 (LPSC on SS, 1.0 mA/cm2): soft breakdowns in most recent "
                + "cycles (irrecoverable) at cycle 15, CE 142.9 %");
        assertThat(a.getReason()).isEqualTo("breakdowns in 3 of the last 5 cycles");
        assertThat(a.getCreatedMs()).isEqualTo(15 * 2 * HOUR);
    }

    private static ChannelStatus apply(final ChannelStatus s, final Cycle c) {
        return ChannelStatusUpdate.apply(s, "st-1", "ch-1", "test-1", CellfloorTopologyTest.LI_LPSC_SS, c);
    }

    private static Cycle withAverageCe(final Cycle c, final boolean determinable, final double ce) {
        return new Cycle(c.cycleNumber(), c.cyclerCycleIndex(), c.ceDirection(), c.charge(), c.discharge(),
                c.cePercent(), c.complete(), c.cellKnown(), c.features(), c.events(), c.stage(), c.stageChange(),
                new AverageCeResult(determinable, ce, determinable ? "done" : "reservoir not stripped", 1.0, 0.5, 10,
                        0.9));
    }

    /** Cycle n spans [2(n-1) h, 2n h]: plating the first hour, stripping the second. */
    static Cycle cycle(final int n, final double ce, final CellStage stage, final List<BreakdownEvent> events,
                       final StageChange change) {
        final long start = (n - 1) * 2 * HOUR;
        final HalfCycle plating = new HalfCycle(Direction.DISCHARGE, start, start + HOUR, 1e-3, EndReason.CAPACITY,
                100, 0, 0, -0.03, -1);
        final HalfCycle stripping = new HalfCycle(Direction.CHARGE, start + HOUR, start + 2 * HOUR, ce * 1e-5,
                EndReason.CUTOFF, 100, 0, 0, 1.5, -1);
        return new Cycle(n, -1, CeDirection.CHARGE_OVER_DISCHARGE, stripping, plating, ce, true, true,
                CycleFeatures.NONE, events, stage, change, null);
    }
}
