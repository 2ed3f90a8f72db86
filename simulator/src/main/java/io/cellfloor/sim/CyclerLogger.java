package io.cellfloor.sim;

import io.cellfloor.domain.Sample;
import java.util.SplittableRandom;

/**
 * How the simulated cycler decides when to log and what it reads: the jittered interval, the dV trigger walked on
 * the internal tick only where the voltage can move fast, measurement noise, and the cut-off rule (no point beyond
 * the cut-off before the step's last one, the last one at or beyond it).
 */
final class CyclerLogger {
    private static final double TEMPERATURE_C = 25.0;
    /** How far short of a cut-off noise may put a point before the step's end (a cycler would have stopped). */
    private static final double CUTOFF_MARGIN_V = 1e-4;

    private final SamplingConfig sampling;
    private final SplittableRandom noise;

    CyclerLogger(final SamplingConfig sampling, final long seed) {
        this.sampling = sampling;
        this.noise = new SplittableRandom(seed);
    }

    /**
     * The next logging instant after {@code lastOffset}: the jittered interval (or the step end), or earlier
     * where |dV| since the last logged point first exceeds the threshold inside a window of fast change.
     */
    long nextOffset(final SimStep step, final long lastOffset, final double loggedV) {
        long interval = sampling.intervalMs();
        if (sampling.jitter() > 0) {
            final double stretch = 1.0 + sampling.jitter() * (2.0 * noise.nextDouble() - 1.0);
            interval = Math.max(1L, Math.round(interval * stretch));
        }
        final long limit = Math.min(lastOffset + interval, step.durationMs());
        if (sampling.dvTriggered() && step.fastWindows.length > 0) {
            final long hit = scanForDv(step, lastOffset, limit, loggedV);
            if (hit > 0) {
                return hit;
            }
        }
        return limit;
    }

    /** Walks the fast windows between lastOffset and limit with an adaptive step; -1 when nothing triggers. */
    private long scanForDv(final SimStep step, final long lastOffset, final long limit, final double loggedV) {
        final long[] fast = step.fastWindows;
        final double threshold = sampling.dvThresholdV();
        final long tick = sampling.tickMs();
        long cursor = lastOffset;
        for (int k = 0; k < fast.length; k += 3) {
            if (fast[k] >= limit) {
                break;
            }
            final long hi = Math.min(fast[k + 1], limit);
            if (hi <= cursor) {
                continue;
            }
            final long maxStep = Math.max(tick, fast[k + 2]);
            long t = Math.max(fast[k], cursor);
            double previous = step.profile.voltage(t);
            if (t > lastOffset && Math.abs(previous - loggedV) > threshold) {
                return t;
            }
            long dt = tick;
            while (t + dt < hi) {
                t += dt;
                final double v = step.profile.voltage(t);
                final double moved = Math.abs(v - loggedV);
                if (moved > threshold) {
                    return t;
                }
                final double slope = Math.abs(v - previous) / dt;
                final double estimate = slope > 0 ? 0.5 * (threshold - moved) / slope : maxStep;
                dt = Math.max(tick, Math.min(maxStep, (long) estimate));
                previous = v;
            }
            cursor = hi;
        }
        return -1;
    }

    Sample sample(final SimStep step, final long t, final long offset, final double modelV) {
        final double current = step.currentA == 0.0 || sampling.currentNoiseRel() == 0.0 ? step.currentA
                : step.currentA * (1.0 + sampling.currentNoiseRel() * noise.nextGaussian());
        double v = sampling.voltageNoiseV() == 0.0 ? modelV
                : modelV + sampling.voltageNoiseV() * noise.nextGaussian();
        if (step.cutoffSense != SimStep.ENDS_ON_TIME) {
            v = clampToCutoff(step, v, modelV, offset == step.durationMs());
        }
        if (!sampling.cyclerFields()) {
            return Sample.of(t, current, v);
        }
        final double passedAh = Math.abs(step.currentA) * offset / Units.MS_PER_HOUR;
        return new Sample(t, current, v, step.stepIndex, step.cycleIndex, step.type,
                step.chargeAhAtStart + (step.currentA > 0 ? passedAh : 0.0),
                step.dischargeAhAtStart + (step.currentA < 0 ? passedAh : 0.0), TEMPERATURE_C);
    }

    /** The last point of a cut-off step is at or beyond the cut-off; earlier points, whatever the noise, are not. */
    private static double clampToCutoff(final SimStep step, final double v, final double modelV,
            final boolean last) {
        final double cutoff = step.cutoffV;
        final double noiseV = Math.abs(v - modelV);
        if (step.cutoffSense == SimStep.ENDS_RISING) {
            return last ? cutoff + noiseV : Math.min(v, cutoff - CUTOFF_MARGIN_V);
        }
        return last ? cutoff - noiseV : Math.max(v, cutoff + CUTOFF_MARGIN_V);
    }
}
