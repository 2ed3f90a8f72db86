package io.cellfloor.domain;

/**
 * One run of current in one direction, between rests or reversals.
 *
 * @param capacityAh coulomb count over the observed intervals; intervals longer than the gap limit are not integrated
 * @param gapMs total time of those gaps
 * @param cyclerCycleIndex the instrument's cycle index at the start, or {@link Sample#NO_INDEX}
 */
public record HalfCycle(
        Direction direction,
        long startMs,
        long endMs,
        double capacityAh,
        EndReason endReason,
        int sampleCount,
        int gapCount,
        long gapMs,
        double endVoltageV,
        int cyclerCycleIndex) {

    public double durationS() {
        return (endMs - startMs) / 1000.0;
    }
}
