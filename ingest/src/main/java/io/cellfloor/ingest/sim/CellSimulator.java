package io.cellfloor.ingest.sim;

import io.cellfloor.domain.Sample;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * One simulated cycler channel: a deterministic stream of {@link Sample}s from a {@link SimulatorConfig}, and the
 * ground truth behind it. Cycles are planned one at a time just before their first sample, so memory stays flat
 * however long the test; {@link #truth()} and {@link #events()} hold every cycle planned so far (all of them once
 * {@link #hasNext()} is false).
 *
 * <p>Logging follows a real cycler: a point at each step's first and last instant (so that a trapezoidal coulomb
 * count of a constant-current step gives exactly set current x duration), points at a jittered base interval, and
 * extra points where |dV| since the last logged point exceeds the threshold. Not thread-safe for sampling; the truth
 * accessors may be called from another thread.
 *
 * <pre>{@code
 * CellSimulator sim = new CellSimulator(SimulatorConfig.builder(spec).seed(7).cycles(20).build(), startMs);
 * while (sim.hasNext()) { Sample s = sim.next(); ... }
 * List<TruthCycle> truth = sim.truth();
 * }</pre>
 */
public final class CellSimulator {
    private static final double TEMPERATURE_C = 25.0;
    /** How far below a rising cut-off noise may put a point before the step's end (a cycler would have stopped). */
    private static final double CUTOFF_MARGIN_V = 1e-4;

    private final SimulatorConfig config;
    private final SamplingConfig sampling;
    private final CyclePlanner planner;
    private final SplittableRandom noise;
    private final ArrayDeque<SimStep> steps = new ArrayDeque<>();
    private final List<long[]> gaps = new ArrayList<>();
    private final List<TruthCycle> truth = new ArrayList<>();
    private final List<InjectedEvent> events = new ArrayList<>();
    private int hardShortIndex = -1;
    private int plannedCycles;
    private SimStep step;
    private long lastOffsetMs = -1;
    private double loggedV;
    private Sample pending;
    private boolean exhausted;

    /**
     * @param startMs simulated epoch ms of the test's first sample
     */
    public CellSimulator(final SimulatorConfig config, final long startMs) {
        this.config = config;
        this.sampling = config.sampling();
        this.planner = CyclePlanner.forConfig(config, startMs);
        this.noise = new SplittableRandom(config.seed() ^ 0x5DEECE66DL);
    }

    public SimulatorConfig config() {
        return config;
    }

    public boolean hasNext() {
        return peek() != null;
    }

    /** Time of the next sample, or {@code Long.MAX_VALUE} when the test has ended. */
    public long peekTimeMs() {
        final Sample next = peek();
        return next == null ? Long.MAX_VALUE : next.timeMs();
    }

    public Sample next() {
        final Sample next = peek();
        if (next == null) {
            throw new NoSuchElementException("the simulated test has ended after " + config.cycles() + " cycles");
        }
        pending = null;
        return next;
    }

    /** Ground truth of every cycle planned so far, in order. */
    public List<TruthCycle> truth() {
        synchronized (truth) {
            return List.copyOf(truth);
        }
    }

    /** Every event injected so far, in order; an ongoing hard short ends at the latest planned step. */
    public List<InjectedEvent> events() {
        synchronized (truth) {
            return List.copyOf(events);
        }
    }

    private Sample peek() {
        if (pending == null && !exhausted) {
            pending = advance();
            exhausted = pending == null;
        }
        return pending;
    }

    private Sample advance() {
        while (true) {
            if (step == null) {
                step = nextStep();
                if (step == null) {
                    return null;
                }
                lastOffsetMs = -1;
            }
            final long offset;
            if (lastOffsetMs < 0) {
                offset = 0;
            } else if (lastOffsetMs >= step.durationMs()) {
                step = null;
                continue;
            } else {
                offset = nextLogOffset(lastOffsetMs);
            }
            lastOffsetMs = offset;
            final long t = step.startMs + offset;
            if (inGap(t)) {
                continue;
            }
            final double v = step.profile.voltage(offset);
            loggedV = v;
            return sample(t, offset, v);
        }
    }

    private SimStep nextStep() {
        if (steps.isEmpty()) {
            if (plannedCycles >= config.cycles()) {
                return null;
            }
            accept(planner.plan(++plannedCycles));
        }
        return steps.poll();
    }

    private void accept(final CyclePlan plan) {
        steps.addAll(plan.steps());
        gaps.addAll(plan.gaps());
        synchronized (truth) {
            truth.add(plan.truth());
            for (final InjectedEvent event : plan.events()) {
                if (event.type() == EventType.HARD_SHORT && hardShortIndex >= 0) {
                    events.set(hardShortIndex, event);
                } else {
                    if (event.type() == EventType.HARD_SHORT) {
                        hardShortIndex = events.size();
                    }
                    events.add(event);
                }
            }
        }
    }

    private boolean inGap(final long t) {
        if (gaps.isEmpty()) {
            return false;
        }
        gaps.removeIf(g -> g[1] < t);
        for (final long[] g : gaps) {
            if (g[0] <= t && t <= g[1]) {
                return true;
            }
        }
        return false;
    }

    /**
     * The next logging instant after {@code lastOffset}: the jittered interval (or the step end), or earlier
     * where |dV| since the last logged point first exceeds the threshold inside a window of fast change.
     */
    private long nextLogOffset(final long lastOffset) {
        long interval = sampling.intervalMs();
        if (sampling.jitter() > 0) {
            final double stretch = 1.0 + sampling.jitter() * (2.0 * noise.nextDouble() - 1.0);
            interval = Math.max(1L, Math.round(interval * stretch));
        }
        final long limit = Math.min(lastOffset + interval, step.durationMs());
        if (sampling.dvTriggered() && step.fastWindows.length > 0) {
            final long hit = scanForDv(lastOffset, limit);
            if (hit > 0) {
                return hit;
            }
        }
        return limit;
    }

    /** Walks the fast windows between lastOffset and limit with an adaptive step; -1 when nothing triggers. */
    private long scanForDv(final long lastOffset, final long limit) {
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

    private Sample sample(final long t, final long offset, final double modelV) {
        final double current = step.currentA == 0.0 || sampling.currentNoiseRel() == 0.0 ? step.currentA
                : step.currentA * (1.0 + sampling.currentNoiseRel() * noise.nextGaussian());
        double v = sampling.voltageNoiseV() == 0.0 ? modelV
                : modelV + sampling.voltageNoiseV() * noise.nextGaussian();
        if (step.cutoffSense != SimStep.ENDS_ON_TIME) {
            v = clampToCutoff(v, modelV, offset == step.durationMs());
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
    private double clampToCutoff(final double v, final double modelV, final boolean last) {
        final double cutoff = step.cutoffV;
        final double noiseV = Math.abs(v - modelV);
        if (step.cutoffSense == SimStep.ENDS_RISING) {
            return last ? cutoff + noiseV : Math.min(v, cutoff - CUTOFF_MARGIN_V);
        }
        return last ? cutoff - noiseV : Math.max(v, cutoff + CUTOFF_MARGIN_V);
    }
}
