package io.cellfloor.sim;

import io.cellfloor.domain.Direction;

/**
 * One planned cycler step: constant current (or rest) over [startMs, endMs], with its voltage shape. A step whose
 * end is a voltage cut-off carries it, so that noise cannot put a point beyond the cut-off before the end and the
 * last point is at or beyond it, as on a real cycler.
 */
final class SimStep {
    /** No cut-off: the step ends on time. */
    static final int ENDS_ON_TIME = 0;
    /** Ends when V rises to the cut-off. */
    static final int ENDS_RISING = 1;
    /** Ends when V falls to the cut-off. */
    static final int ENDS_FALLING = -1;

    final int stepIndex;
    final int cycleIndex;
    final Direction type;
    final long startMs;
    final long endMs;
    final double currentA;
    final VoltageProfile profile;
    final long[] fastWindows;
    final int cutoffSense;
    final double cutoffV;
    final double chargeAhAtStart;
    final double dischargeAhAtStart;

    SimStep(final int stepIndex, final int cycleIndex, final Direction type, final long startMs, final long endMs,
            final double currentA, final VoltageProfile profile, final long[] fastWindows, final int cutoffSense,
            final double cutoffV, final double chargeAhAtStart, final double dischargeAhAtStart) {
        this.stepIndex = stepIndex;
        this.cycleIndex = cycleIndex;
        this.type = type;
        this.startMs = startMs;
        this.endMs = endMs;
        this.currentA = currentA;
        this.profile = profile;
        this.fastWindows = fastWindows;
        this.cutoffSense = cutoffSense;
        this.cutoffV = cutoffV;
        this.chargeAhAtStart = chargeAhAtStart;
        this.dischargeAhAtStart = dischargeAhAtStart;
    }

    long durationMs() {
        return endMs - startMs;
    }
}
