package io.cellfloor.streams.topology;

import io.cellfloor.avro.ChannelStatus;
import io.cellfloor.domain.CellSpec;
import io.cellfloor.domain.CellStage;
import io.cellfloor.domain.Cycle;
import io.cellfloor.schema.AvroMapping;

/**
 * Folds a closed cycle into its channel's status: stage, last CE, and the floor's comparison numbers (initial CE,
 * mean CE while stable, the latest average CE of the reservoir protocol, cycles and hours to the first breakdown
 * and to irrecoverable).
 *
 * <p>The first cycle is left out of the stable-stage mean: its CE is dominated by interphase formation or
 * alloying (LGPS ~1 %, Au@Cu ~100.8 %), which says nothing about the cell's steady behaviour.
 */
final class ChannelStatusUpdate {
    private ChannelStatusUpdate() {
    }

    /** Updates {@code previous} in place (or a fresh status when the channel started a new test) and returns it. */
    static ChannelStatus apply(final ChannelStatus previous, final String station, final String channel,
                               final String testId, final CellSpec cell, final Cycle c) {
        final ChannelStatus s = previous != null && previous.getTestId().equals(testId)
                ? previous
                : fresh(station, channel, testId, cell, c.startMs());
        final boolean hasCe = !Double.isNaN(c.cePercent()) && c.complete();
        s.setStage(AvroMapping.stage(c.stage()));
        s.setLastCycle(c.cycleNumber());
        s.setUpdatedMs(c.endMs());
        if (hasCe) {
            s.setLastCePercent(c.cePercent());
            if (s.getInitialCePercent() == null) {
                s.setInitialCePercent(c.cePercent());
            }
            if (c.stage() == CellStage.STABLE && c.cycleNumber() > 1) {
                s.setStableCeSum(s.getStableCeSum() + c.cePercent());
                s.setStableCeCount(s.getStableCeCount() + 1);
            }
        }
        if (c.averageCe() != null && c.averageCe().determinable() && Double.isFinite(c.averageCe().cePercent())) {
            s.setAverageCePercent(c.averageCe().cePercent());
        }
        if (s.getCyclesToFirstBreakdown() == null && (!c.events().isEmpty() || c.stage() != CellStage.STABLE)) {
            s.setCyclesToFirstBreakdown(c.cycleNumber());
            final long at = c.events().isEmpty() ? c.endMs() : c.events().get(0).startMs();
            s.setHoursToFirstBreakdown((at - s.getTestStartMs()) / 3_600_000.0);
        }
        if (s.getCyclesToIrrecoverable() == null && c.stage().compareTo(CellStage.IRRECOVERABLE) >= 0) {
            s.setCyclesToIrrecoverable(c.cycleNumber());
        }
        return s;
    }

    private static ChannelStatus fresh(final String station, final String channel, final String testId,
                                       final CellSpec cell, final long startMs) {
        return ChannelStatus.newBuilder()
                .setStationId(station).setChannelId(channel).setTestId(testId)
                .setStage(io.cellfloor.avro.CellStage.STABLE).setLastCycle(0)
                .setTestStartMs(startMs).setUpdatedMs(startMs)
                .setCohort(cell == null ? null : cell.cohort())
                .build();
    }
}
