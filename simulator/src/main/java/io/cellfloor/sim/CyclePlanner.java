package io.cellfloor.sim;

import io.cellfloor.domain.CellSpec;
import io.cellfloor.domain.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plans one cycle at a time for one channel: the steps with their voltage shapes, the ground truth and the injected
 * events. Subclasses know what a cycle is for their kind of cell; this class keeps the state that crosses cycles
 * (time, step index, last voltage, hard short) and builds the disturbances every kind shares.
 *
 * <p>Each cycle draws from its own two random streams (baseline, faults) derived from the seed and the cycle
 * number, so adding a fault to cycle 7 changes nothing in cycle 8 and leaves cycle 7's baseline CE as it was.
 */
abstract class CyclePlanner {
    /** Steps are separated by 1 ms so that every step has its own first and last sample at distinct times. */
    static final long STEP_GAP_MS = 1L;
    static final long SHORT_TAU_MS = 1_000L;

    protected final SimulatorConfig config;
    protected final CellSpec spec;
    protected final CellModel model;
    protected final InjectionIndex injections;
    private final List<SimStep> steps = new ArrayList<>();
    private final List<long[]> gaps = new ArrayList<>();
    private final List<InjectedEvent> events = new ArrayList<>();
    private long nextStartMs;
    private int nextStepIndex = 1;
    private double cycleChargeAh;
    private double cycleDischargeAh;
    private double lastV;
    private boolean shorted;
    private InjectedEvent shortOnset;

    CyclePlanner(final SimulatorConfig config, final long startMs) {
        this.config = config;
        this.spec = config.spec();
        this.model = config.model();
        this.injections = new InjectionIndex(config.injections());
        this.nextStartMs = startMs;
        this.lastV = model.freshOcvV();
    }

    static CyclePlanner forConfig(final SimulatorConfig config, final long startMs) {
        switch (config.spec().kind()) {
            case SYMMETRIC:
                return new SymmetricPlanner(config, startMs);
            case FULL:
                return new FullCellPlanner(config, startMs);
            default:
                return new AsymmetricPlanner(config, startMs);
        }
    }

    final CyclePlan plan(final int cycle) {
        steps.clear();
        gaps.clear();
        events.clear();
        cycleChargeAh = 0;
        cycleDischargeAh = 0;
        if (cycle == 1 && model.initialRestMs() > 0) {
            rest(cycle, model.initialRestMs(), lastV, lastV, model.relaxTauMs());
        }
        final TruthCycle truth = planCycle(cycle, random(cycle, 1), random(cycle, 2));
        if (shortOnset != null) {
            // open-ended: re-issued every cycle with the end of the latest planned step; the simulator replaces it
            events.add(new InjectedEvent(EventType.HARD_SHORT, shortOnset.cycle(), shortOnset.halfCycle(),
                    shortOnset.startMs(), nextStartMs - STEP_GAP_MS, false, shortOnset.magnitude()));
        }
        return new CyclePlan(List.copyOf(steps), truth, List.copyOf(events), List.copyOf(gaps));
    }

    /** Adds the cycle's steps through {@link #step} and {@link #rest} and returns its truth. */
    protected abstract TruthCycle planCycle(int cycle, SplittableRandom baseline, SplittableRandom faults);

    private SplittableRandom random(final int cycle, final int stream) {
        long z = config.seed() * 0x9E3779B97F4A7C15L + cycle * 0xBF58476D1CE4E5B9L + stream * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new SplittableRandom(z ^ (z >>> 31));
    }

    protected final long nextStartMs() {
        return nextStartMs;
    }

    protected final double lastV() {
        return lastV;
    }

    protected final boolean shorted() {
        return shorted;
    }

    protected final double shortOhm() {
        return shortOnset == null ? 0.0 : shortOnset.magnitude();
    }

    protected final SimStep step(final int cycle, final Direction type, final long durationMs, final double currentA,
            final VoltageProfile profile, final FastWindows fast, final int cutoffSense, final double cutoffV) {
        final long start = nextStartMs;
        final SimStep step = new SimStep(nextStepIndex++, cycle, type, start, start + durationMs, currentA, profile,
                fast.pack(), cutoffSense, cutoffV, cycleChargeAh, cycleDischargeAh);
        steps.add(step);
        final double ah = Math.abs(currentA) * durationMs / Units.MS_PER_HOUR;
        if (currentA > 0) {
            cycleChargeAh += ah;
        } else if (currentA < 0) {
            cycleDischargeAh += ah;
        }
        lastV = profile.voltage(durationMs);
        nextStartMs = start + durationMs + STEP_GAP_MS;
        return step;
    }

    /** An open-circuit rest relaxing from {@code startV} to {@code settledV}; skipped when the duration is 0. */
    protected final void rest(final int cycle, final long durationMs, final double startV, final double settledV,
            final long tauMs) {
        if (durationMs <= 0) {
            return;
        }
        final FastWindows fast = new FastWindows().add(0, 6 * tauMs, tauMs / 4);
        step(cycle, Direction.REST, durationMs, 0.0,
                new RelaxationProfile(startV, settledV, tauMs, Excursions.NONE), fast, SimStep.ENDS_ON_TIME, 0);
    }

    /** The voltage right after the current stops: the ohmic drop of {@code currentA} vanishes. */
    protected final double openCircuitAfter(final double currentA) {
        return shorted ? lastV : lastV - currentA * ohmicOhm();
    }

    /** A hard-shorted cell under current: V relaxes to I x R_short. */
    protected final VoltageProfile ohmicShort(final double currentA, final FastWindows fast) {
        fast.add(0, 8 * SHORT_TAU_MS, SHORT_TAU_MS / 4);
        return new RelaxationProfile(lastV, currentA * shortOhm(), SHORT_TAU_MS, Excursions.NONE);
    }

    protected final double ohmicOhm() {
        return model.ohmicAsrOhmCm2() / spec.areaCm2();
    }

    /** The set current magnitude of a cycle, nominal times any protocol change in force. */
    protected final double currentA(final int cycle) {
        return spec.nominalCurrentA() * injections.currentFactor(cycle);
    }

    protected final double densityMAcm2(final double currentA) {
        return Math.abs(currentA) * 1000.0 / spec.areaCm2();
    }

    /** Polarisation at this current, grown by interphase formation over the cycles before. */
    protected final double polarisationV(final int cycle, final double currentA) {
        final double base = model.polarisationV() + model.polAsrOhmCm2() * densityMAcm2(currentA) / 1000.0;
        return base * Math.pow(1.0 + model.growthPerCycle(), cycle - 1);
    }

    /** The baseline CE of a cycle: trajectory plus scatter, or the configured first-cycle value. */
    protected final double baselineCePct(final int cycle, final SplittableRandom baseline) {
        final CeTrajectory ce = config.ce();
        final double drawn = ce.meanPct(cycle) + ce.noisePct() * baseline.nextGaussian();
        final Injection.FirstCycleCe first = cycle == 1 ? injections.first(1, Injection.FirstCycleCe.class) : null;
        return first != null ? first.cePct() : Math.max(0.01, drawn);
    }

    /**
     * Soft shorts, fluctuations, a hard-short onset (in the cycle's first half) and logging gaps of the half-cycle
     * about to be added: returns its voltage overlay and keeps its events and gap windows.
     */
    protected final Excursions disturbances(final int cycle, final Direction half, final boolean firstHalf,
            final long durationMs, final double currentA, final FastWindows fast, final SplittableRandom faults) {
        final HalfCycleDisturbances d = HalfCycleDisturbances.of(injections, cycle, half, firstHalf && !shorted,
                nextStartMs, durationMs, currentA, fast, faults);
        events.addAll(d.events);
        gaps.addAll(d.gaps);
        if (d.hardShortOnset != null) {
            shortOnset = d.hardShortOnset;
            shorted = true;
        }
        return d.overlay;
    }

    /** Confounder events that belong to the cycle as a whole. */
    protected final void cycleEvents(final int cycle, final TruthHalfCycle first, final TruthHalfCycle second) {
        final Injection.CurrentChange change = injections.first(cycle, Injection.CurrentChange.class);
        if (change != null) {
            events.add(new InjectedEvent(EventType.CURRENT_CHANGE, cycle, first.direction(), first.startMs(),
                    first.endMs(), true, change.factor()));
        }
        final Injection.FirstCycleCe firstCe = cycle == 1 ? injections.first(1, Injection.FirstCycleCe.class) : null;
        if (firstCe != null) {
            events.add(new InjectedEvent(EventType.FIRST_CYCLE_CE, cycle, second.direction(), first.startMs(),
                    second.endMs(), true, firstCe.cePct()));
        }
    }

    /** A leakage event over the leaking half-cycle and the rest after it. */
    protected final void leakageEvent(final int cycle, final TruthHalfCycle leaking, final double cePct) {
        events.add(new InjectedEvent(EventType.LEAKAGE, cycle, leaking.direction(), leaking.startMs(),
                nextStartMs - STEP_GAP_MS, true, cePct));
    }
}
