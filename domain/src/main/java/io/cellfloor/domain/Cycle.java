package io.cellfloor.domain;

import java.util.List;

/**
 * A closed cycle of one channel: its two half-cycles (either may be missing when the data starts or ends
 * mid-cycle) and the Coulombic efficiency per {@link CeDirection}.
 *
 * @param cyclerCycleIndex the instrument's cycle index at the start, or {@link Sample#NO_INDEX}
 * @param cePercent numerator over denominator x 100, or NaN when a half is missing or the denominator is zero
 * @param cellKnown false when no cell spec was registered and the direction was inferred from the data
 * @param features  what the cycle's voltage trace says about the cell
 * @param stage     the cell's stage after this cycle
 * @param events    soft-breakdown signatures reported with this cycle, each naming its own cycle: all belong to this
 *                  cycle except a rest-voltage collapse seen in the open-circuit rest after the previous cycle's strip
 *                  (that rest only ends after the previous cycle was emitted)
 * @param stageChange the move to {@code stage} made at this cycle, or null when the stage did not change
 * @param averageCe the reservoir protocol's result when it ended with this cycle (paper eq. 2), else null
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
        AverageCeResult averageCe) {

    public Cycle {
        events = List.copyOf(events);
    }

    public long startMs() {
        return Math.min(startOf(charge), startOf(discharge));
    }

    public long endMs() {
        return Math.max(endOf(charge), endOf(discharge));
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
