package io.cellfloor.domain;

/**
 * One reading of a cycler channel, in SI-ish units every reader normalises to (ms, A, V, Ah, degC).
 * Optional quantities are {@link #NO_INDEX} or NaN when the instrument does not report them.
 *
 * @param stepType the cycler's own idea of the step (null when unknown)
 * @param chargeAh, dischargeAh the instrument's own capacity counters for cross-checks
 */
public record Sample(
        long timeMs,
        double currentA,
        double voltageV,
        int stepIndex,
        int cycleIndex,
        Direction stepType,
        double chargeAh,
        double dischargeAh,
        double temperatureC) {

    public static final int NO_INDEX = -1;

    /** A sample with only time, current and voltage. */
    public static Sample of(final long timeMs, final double currentA, final double voltageV) {
        return new Sample(timeMs, currentA, voltageV, NO_INDEX, NO_INDEX, null, Double.NaN, Double.NaN, Double.NaN);
    }
}
