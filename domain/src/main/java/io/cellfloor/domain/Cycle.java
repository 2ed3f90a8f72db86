package io.cellfloor.domain;

import java.util.List;

/**
 * A closed cycle of one channel: its two half-cycles (either may be missing when the data starts or ends
 * mid-cycle; both in a {@link CycleProtocol#NO_CURRENT} cycle) and the Coulombic efficiency per {@link CeDirection}.
 *
 * <p>Where the source carries the cycler's cycle index (and {@link CycleBoundaries} allows it), a cycle is exactly
 * one cycler cycle and {@code cycleNumber} is the cycler's own number; otherwise cycles are cut by the direction of
 * current and numbered from 1. CE uses the halves' {@link HalfCycle#capacityAh()}: the instrument's count where the
 * source has one (see {@link HalfCycle} for why), else the coulomb count.
 *
 * @param cycleNumber the cycler's cycle index when cut by it, else counted from 1 per channel and test
 * @param cyclerCycleIndex the instrument's cycle index at the start, or {@link Sample#NO_INDEX}
 * @param cePercent numerator over denominator x 100; NaN when a half is missing, the denominator is zero or the
 *                  cycle is a {@link CycleProtocol#PULSE} one
 * @param cellKnown false when no cell spec was registered and the direction was inferred from the data
 * @param features  what the cycle's voltage trace says about the cell
 * @param stage     the cell's stage after this cycle
 * @param events    soft-breakdown signatures reported with this cycle, each naming its own cycle: all belong to this
 *                  cycle except a rest-voltage collapse seen in the open-circuit rest after the previous cycle's strip
 *                  (that rest only ends after the previous cycle was emitted)
 * @param stageChange the move to {@code stage} made at this cycle, or null when the stage did not change
 * @param averageCe the reservoir protocol's result when it ended with this cycle (paper eq. 2), else null
 * @param protocol  the cycle's shape, which says whether a CE means anything
 * @param boundaries how the cycle was cut: {@link CycleBoundaries#CYCLER} or {@link CycleBoundaries#DIRECTION}
 * @param capacityMismatch a data-quality flag, not a breakdown: the coulomb count of a half differs from the
 *                  instrument's count by more than {@link CycleRules#instrumentTolerance()}
 * @param startMs   the time of the cycle's first sample of current, or of any sample when it has none
 * @param endMs     the time of its last sample of current, or of any sample when it has none
 */
public record Cycle(
        int cycleNumber,
        int cyclerCycleIndex,
        CeDirection ceDirection,
        HalfCycle charge,
        HalfCycle discharge,
        double cePercent,
        boolean complete,
        boolean cellKnown,
        CycleFeatures features,
        List<BreakdownEvent> events,
        CellStage stage,
        StageChange stageChange,
        AverageCeResult averageCe,
        CycleProtocol protocol,
        CycleBoundaries boundaries,
        boolean capacityMismatch,
        long startMs,
        long endMs) {

    public Cycle {
        events = List.copyOf(events);
    }

    /** A cycle cut by the direction of current, without instrument counters: simple, no mismatch to flag. */
    public Cycle(final int cycleNumber, final int cyclerCycleIndex, final CeDirection ceDirection,
                 final HalfCycle charge, final HalfCycle discharge, final double cePercent, final boolean complete,
                 final boolean cellKnown, final CycleFeatures features, final List<BreakdownEvent> events,
                 final CellStage stage, final StageChange stageChange, final AverageCeResult averageCe) {
        this(cycleNumber, cyclerCycleIndex, ceDirection, charge, discharge, cePercent, complete, cellKnown, features,
                events, stage, stageChange, averageCe, CycleProtocol.SIMPLE, CycleBoundaries.DIRECTION, false,
                Math.min(startOf(charge), startOf(discharge)), Math.max(endOf(charge), endOf(discharge)));
    }

    public int sampleCount() {
        return (charge == null ? 0 : charge.sampleCount()) + (discharge == null ? 0 : discharge.sampleCount());
    }

    public boolean hasGap() {
        return (charge != null && charge.gapCount() > 0) || (discharge != null && discharge.gapCount() > 0);
    }

    private static long startOf(final HalfCycle h) {
        return h == null ? Long.MAX_VALUE : h.startMs();
    }

    private static long endOf(final HalfCycle h) {
        return h == null ? Long.MIN_VALUE : h.endMs();
    }
}
