package io.cellfloor.domain;

/**
 * The charge or the discharge of one cycle. Cut at the cycler's cycle index, it is every current-bearing step of its
 * direction in the cycle, whatever lies between (rests, CV after CC, a continuation at a lower rate, a short pulse);
 * cut by the direction of current (sources without an index), one run of current between rests or reversals.
 *
 * <p>Its capacity is the instrument's own count where the source carries one, else the coulomb count of the
 * logged samples: the instrument integrates current many times a second, the file logs it every few seconds or
 * minutes, or only on a voltage change, so a coulomb count of the log can be far off (a thinned NREL export by up
 * to 150 %, a Maccor CV step by 0.7 %), while the instrument's count is what the cycler's own cycle table and the
 * peer tools report. The coulomb count stays beside it, and their difference says how far the log can be trusted.
 *
 * @param capacityAh the half's capacity: {@code instrumentAh} where the source carries counters, else {@code coulombAh}
 * @param gapMs total time of logging gaps (intervals longer than the gap limit) at and inside the half
 * @param cyclerCycleIndex the instrument's cycle index at the start, or {@link Sample#NO_INDEX}
 * @param coulombAh the trapezoidal count of the logged current; a gap is integrated across only where a constant
 *                  current obviously went on (same step, same current on both sides)
 * @param instrumentAh the instrument's counters summed over the half (see {@link Sample}), NaN when absent
 * @param steps the cycler steps of this direction it holds (runs of current when the source has no step index)
 * @param restMs time at rest between its steps, inside the half
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
        int cyclerCycleIndex,
        double coulombAh,
        double instrumentAh,
        int steps,
        long restMs) {

    /** A half measured by coulomb counting alone: one step, no rest inside. */
    public HalfCycle(final Direction direction, final long startMs, final long endMs, final double capacityAh,
                     final EndReason endReason, final int sampleCount, final int gapCount, final long gapMs,
                     final double endVoltageV, final int cyclerCycleIndex) {
        this(direction, startMs, endMs, capacityAh, endReason, sampleCount, gapCount, gapMs, endVoltageV,
                cyclerCycleIndex, capacityAh, Double.NaN, 1, 0);
    }

    public double durationS() {
        return (endMs - startMs) / 1000.0;
    }

    /** (coulomb count - instrument) / instrument, NaN without an instrument count or when it counted nothing. */
    public double instrumentDifference() {
        return instrumentAh > 1e-12 ? (coulombAh - instrumentAh) / instrumentAh : Double.NaN;
    }

    /** The same half with the instrument's count, which then becomes its capacity. */
    HalfCycle withInstrument(final double ah) {
        return new HalfCycle(direction, startMs, endMs, Double.isNaN(ah) ? coulombAh : ah, endReason, sampleCount,
                gapCount, gapMs, endVoltageV, cyclerCycleIndex, coulombAh, ah, steps, restMs);
    }

    /**
     * This half continued by {@code later}, a later run in the same direction and cycle: counts add up, the end and
     * its reason are the later run's, and {@code restBetweenMs} is added to the rest inside.
     */
    HalfCycle then(final HalfCycle later, final long restBetweenMs) {
        final double coulomb = coulombAh + later.coulombAh;
        return new HalfCycle(direction, startMs, later.endMs, coulomb, later.endReason,
                sampleCount + later.sampleCount, gapCount + later.gapCount, gapMs + later.gapMs, later.endVoltageV,
                cyclerCycleIndex, coulomb, Double.NaN, steps + later.steps, restMs + restBetweenMs + later.restMs);
    }
}
