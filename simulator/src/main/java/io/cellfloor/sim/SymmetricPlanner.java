package io.cellfloor.sim;

import io.cellfloor.domain.Direction;
import io.cellfloor.domain.EndReason;
import java.util.SplittableRandom;

/**
 * A Li/SSE/Li cycle: two time-limited halves of opposite polarisation with the same duration, so the CE is 100 %
 * by construction, which is exactly why such cells hide soft breakdown; only the voltage can tell.
 */
final class SymmetricPlanner extends CyclePlanner {
    /** The small overshoot at each reversal, relative to the polarisation. */
    private static final double REVERSAL_PEAK = 0.2;

    SymmetricPlanner(final SimulatorConfig config, final long startMs) {
        super(config, startMs);
    }

    @Override
    protected TruthCycle planCycle(final int cycle, final SplittableRandom baseline, final SplittableRandom faults) {
        final double current = currentA(cycle);
        final long halfMs = Units.durationMs(spec.nominalCapacityAh(), current);
        final TruthHalfCycle first = half(cycle, Direction.DISCHARGE, -current, halfMs, true, faults);
        final TruthHalfCycle second = half(cycle, Direction.CHARGE, current, halfMs, false, faults);
        cycleEvents(cycle, first, second);
        return TruthCycle.of(cycle, first, second);
    }

    private TruthHalfCycle half(final int cycle, final Direction direction, final double current, final long halfMs,
            final boolean firstHalf, final SplittableRandom faults) {
        final long start = nextStartMs();
        final FastWindows fast = new FastWindows();
        if (shorted()) {
            step(cycle, direction, halfMs, current, ohmicShort(current, fast), fast, SimStep.ENDS_ON_TIME, 0);
        } else {
            final Excursions overlay = disturbances(cycle, direction, firstHalf, halfMs, current, fast, faults);
            final double sign = Math.signum(current);
            final double polarisation = polarisationV(cycle, current);
            final long settle = model.settleTauMs();
            final long peakTau = Math.max(1L, model.nucleationTauMs() / 2);
            fast.add(0, 8 * settle, settle / 4).add(0, 8 * peakTau, peakTau / 8);
            step(cycle, direction, halfMs, current,
                    new PlateauProfile(lastV(), current * ohmicOhm(), sign * polarisation, model.driftWithinHalf(),
                            halfMs, sign * REVERSAL_PEAK * polarisation, peakTau, settle, overlay),
                    fast, SimStep.ENDS_ON_TIME, 0);
        }
        final long relaxTau = shorted() ? SHORT_TAU_MS : 10 * model.settleTauMs();
        rest(cycle, model.restMs(), openCircuitAfter(current), 0.0, relaxTau);
        return TruthHalfCycle.of(direction, start, halfMs, current, EndReason.CAPACITY);
    }
}
