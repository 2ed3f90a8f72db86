package io.cellfloor.domain;

/**
 * The cycler cycle in progress when cycles are cut at the cycler's cycle index ({@link CycleBoundaries}): the runs
 * of current closed so far, merged per direction into the cycle's charge and discharge halves, what the
 * instrument counted over the whole cycle, and the shape that decides its {@link CycleProtocol}. Lives in
 * {@link CycleState}, so a cycle that spans many batches is assembled as one.
 *
 * <p>The instrument's counts are summed over every sample of the cycle, rests included, so a half's instrument
 * capacity is exactly the cycle total the cycler's own table reports. The voltage summary kept per direction is the
 * longest run's: the main plateau, not a pulse or a CV tail.
 */
final class CyclerCycle {
    /** Below this share of the cycle's counted charge, counts found on its first sample are a step boundary's. */
    private static final double STARTED_INSIDE_FRACTION = 0.02;
    /**
     * A run this short is a pulse: HPPC and DCIR pulses last 10-30 s, resistance checks up to a minute; a real
     * charge or discharge, even a CV tail or a lower-rate continuation, runs for many minutes.
     */
    static final long PULSE_MAX_MS = 120_000;

    private int index = Sample.NO_INDEX;
    private boolean open;
    private HalfCycle charge;
    private HalfCycle discharge;
    private HalfSummary chargeSummary;
    private HalfSummary dischargeSummary;
    private Direction firstRun;
    private Direction lastRun;
    private long lastRunEndMs;
    private int runs;
    private int switches;
    private int pulses;
    private double chargeAh;
    private double dischargeAh;
    private double countedBeforeFirstAh = Double.NaN;
    private long firstSampleMs = CycleState.NO_TIME;
    private long lastSampleMs = CycleState.NO_TIME;

    boolean open() {
        return open;
    }

    int index() {
        return index;
    }

    /** Starts cycle {@code cycleIndex} at its first sample. */
    void begin(final int cycleIndex) {
        clear();
        open = true;
        index = cycleIndex;
    }

    void clear() {
        index = Sample.NO_INDEX;
        open = false;
        charge = null;
        discharge = null;
        chargeSummary = null;
        dischargeSummary = null;
        firstRun = null;
        lastRun = null;
        lastRunEndMs = 0;
        runs = 0;
        switches = 0;
        pulses = 0;
        chargeAh = 0;
        dischargeAh = 0;
        countedBeforeFirstAh = Double.NaN;
        firstSampleMs = CycleState.NO_TIME;
        lastSampleMs = CycleState.NO_TIME;
    }

    /**
     * Adds one sample: its time and its counter increments; the cycle's first sample says what was counted before
     * the log began.
     */
    void count(final long timeMs, final InstrumentCounters counters) {
        if (firstSampleMs == CycleState.NO_TIME) {
            firstSampleMs = timeMs;
        }
        lastSampleMs = timeMs;
        final double both = counters.chargeIncrementAh() + counters.dischargeIncrementAh();
        if (Double.isNaN(countedBeforeFirstAh)) {
            countedBeforeFirstAh = both;
        }
        chargeAh += counters.chargeIncrementAh();
        dischargeAh += counters.dischargeIncrementAh();
    }

    /** A run of current of this cycle has closed. */
    void addRun(final HalfCycle run, final HalfSummary summary) {
        final Direction d = run.direction();
        final long restBetween = lastRun == d ? Math.max(0, run.startMs() - lastRunEndMs) : 0;
        if (firstRun == null) {
            firstRun = d;
        } else if (lastRun != d) {
            switches++;
        }
        runs++;
        if (run.endMs() - run.startMs() <= PULSE_MAX_MS) {
            pulses++;
        }
        lastRun = d;
        lastRunEndMs = run.endMs();
        if (d == Direction.CHARGE) {
            charge = charge == null ? run : charge.then(run, restBetween);
            chargeSummary = longer(chargeSummary, summary);
        } else {
            discharge = discharge == null ? run : discharge.then(run, restBetween);
            dischargeSummary = longer(dischargeSummary, summary);
        }
    }

    boolean hasRuns() {
        return runs > 0;
    }

    /** The time of the cycle's first sample (or of the first since a version-4 state was restored). */
    long firstSampleMs() {
        return firstSampleMs;
    }

    long lastSampleMs() {
        return lastSampleMs;
    }

    Direction firstRun() {
        return firstRun;
    }

    /** The half in {@code d} with the instrument's count where the source has counters; null when none ran. */
    HalfCycle half(final Direction d, final boolean counters) {
        final HalfCycle h = d == Direction.CHARGE ? charge : discharge;
        if (h == null || !counters) {
            return h;
        }
        return h.withInstrument(d == Direction.CHARGE ? chargeAh : dischargeAh);
    }

    HalfSummary summary(final Direction d) {
        return d == Direction.CHARGE ? chargeSummary : dischargeSummary;
    }

    /**
     * Whether the log began inside this cycle: its first sample already carried a good part of what the instrument
     * counted (a file that starts mid-step). Counts of one logging interval at a step boundary do not count.
     */
    boolean startedInside() {
        final double total = chargeAh + dischargeAh;
        return countedBeforeFirstAh > STARTED_INSIDE_FRACTION * total && total > 0;
    }

    /**
     * Pulses when the direction alternated three times or more with at least three pulse-short runs; several runs
     * or steps of a direction: multi-step (a cycler program that runs two full cycles under one index alternates
     * too, but with long runs, and the CE of its sums still means something).
     */
    CycleProtocol protocol() {
        if (switches >= 3 && pulses >= 3) {
            return CycleProtocol.PULSE;
        }
        final boolean oneRunEach = runs <= 2 && switches <= 1;
        final boolean fewSteps = (charge == null || charge.steps() <= 2) && (discharge == null || discharge.steps() <= 2);
        return oneRunEach && fewSteps ? CycleProtocol.SIMPLE : CycleProtocol.MULTI_STEP;
    }

    private static HalfSummary longer(final HalfSummary kept, final HalfSummary candidate) {
        if (kept == null) {
            return candidate;
        }
        return candidate != null && candidate.endMs() - candidate.startMs() > kept.endMs() - kept.startMs()
                ? candidate : kept;
    }

    /** Cycle-state version 3 on; the sample times from 5 (see {@link StateCodec}). */
    void fields(final StateFields f) {
        open = f.flag(open);
        if (!open) {
            if (f.reading()) {
                clear();
            }
            return;
        }
        index = f.i32(index);
        if (f.present(charge)) {
            charge = f.halfCycle(charge);
        }
        if (f.present(discharge)) {
            discharge = f.halfCycle(discharge);
        }
        if (f.present(chargeSummary)) {
            chargeSummary = f.halfSummary(chargeSummary);
        }
        if (f.present(dischargeSummary)) {
            dischargeSummary = f.halfSummary(dischargeSummary);
        }
        firstRun = f.nullable(firstRun, Direction.values());
        lastRun = f.nullable(lastRun, Direction.values());
        lastRunEndMs = f.i64(lastRunEndMs);
        runs = f.i32(runs);
        switches = f.i32(switches);
        pulses = f.i32(pulses);
        chargeAh = f.f64(chargeAh);
        dischargeAh = f.f64(dischargeAh);
        countedBeforeFirstAh = f.f64(countedBeforeFirstAh);
        if (f.version() >= 5) {
            firstSampleMs = f.i64(firstSampleMs);
            lastSampleMs = f.i64(lastSampleMs);
        }
    }
}
