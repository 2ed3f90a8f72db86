package io.cellfloor.domain;

/**
 * One reading of a cycler channel, in SI-ish units every reader normalises to (ms, A, V, Ah, degC).
 * Optional quantities are {@link #NO_INDEX} or NaN when the instrument does not report them.
 *
 * <h2>The instrument's capacity counters</h2>
 * {@code chargeAh} and {@code dischargeAh} are the charge and discharge the instrument itself has counted
 * <em>since the start of the current cycle</em>, the cycle being the one {@code cycleIndex} names. Both are 0 or
 * more, in Ah, and never decrease within a cycle; they restart from 0 when {@code cycleIndex} changes. Every
 * instrument counts at its own rhythm (Arbin per cycle, BioLogic per half-cycle, Neware and Maccor per step, NREL
 * files over the whole test); the readers turn each into this one convention, so no consumer needs to know which
 * instrument a sample came from. The instrument integrates current far more often than the file logs it, so these
 * counters are the reference a coulomb count of the logged samples is checked against, and the only usable
 * capacity of a thinned log.
 *
 * <p>How to use them: the capacity of any run of samples within one cycle (a half-cycle, a step) is the sum of the
 * counter's increments from one sample to the next, the first sample of a cycle counting from 0; a cycle's totals
 * are therefore its last sample's values. A decrease within a cycle does not come from the built-in readers;
 * where another source sends one, take it as a restart from 0 (add the new value), which is also the right
 * reading of a counter that restarts at every step.
 *
 * @param stepIndex the cycler's program step, or {@link #NO_INDEX}
 * @param cycleIndex the cycler's cycle number as the instrument counts it (Maccor from 0, others from 1), or
 *                   {@link #NO_INDEX} when the source has no cycle column
 * @param stepType the cycler's own idea of the step (null when unknown)
 * @param chargeAh the instrument's charge counter since the start of the cycle (see above), NaN when absent
 * @param dischargeAh the instrument's discharge counter since the start of the cycle (see above), NaN when absent
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
