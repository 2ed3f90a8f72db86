package io.cellfloor.sim;

import io.cellfloor.domain.Sample;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

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
    private final SimulatorConfig config;
    private final CyclePlanner planner;
    private final CyclerLogger logger;
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
        this.planner = CyclePlanner.forConfig(config, startMs);
        this.logger = new CyclerLogger(config.sampling(), config.seed() ^ 0x5DEECE66DL);
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
                offset = logger.nextOffset(step, lastOffsetMs, loggedV);
            }
            lastOffsetMs = offset;
            final long t = step.startMs + offset;
            if (inGap(t)) {
                continue;
            }
            final double v = step.profile.voltage(offset);
            loggedV = v;
            return logger.sample(step, t, offset, v);
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
}
