package io.cellfloor.domain;

/**
 * The run of current in progress on a channel: one direction between rests or reversals, counted sample by sample.
 * Part of {@link CycleState}. Cut by direction, a run is a whole half-cycle; cut at the cycler's index, the runs of
 * one direction are merged into the cycle's half by {@link CyclerCycle}.
 *
 * <p>Open exactly when {@link #direction()} is not null; it ends at the channel's last sample.
 */
final class OpenRun {
    private Direction direction;
    private long startMs;
    private int cycleIndex = Sample.NO_INDEX;
    private double as;
    private int samples;
    private int gaps;
    private long gapMs;
    private double instrumentAh;
    private int steps;
    private int stepIndex = Sample.NO_INDEX;

    /** The direction of the open run, or null when none is open. */
    Direction direction() {
        return direction;
    }

    void clear() {
        direction = null;
        startMs = 0;
        cycleIndex = Sample.NO_INDEX;
        as = 0;
        samples = 0;
        gaps = 0;
        gapMs = 0;
        instrumentAh = 0;
        steps = 0;
        stepIndex = Sample.NO_INDEX;
    }

    /** Opens a run at its first sample. */
    void open(final Direction d, final long timeMs, final int cycle, final int step) {
        clear();
        direction = d;
        startMs = timeMs;
        cycleIndex = cycle;
        samples = 1;
        steps = 1;
        stepIndex = step;
    }

    /** Counts coulombs from the previous sample to this one by the trapezoidal rule. */
    void integrate(final long lastTimeMs, final double lastCurrentA, final long timeMs, final double currentA) {
        as += 0.5 * (Math.abs(lastCurrentA) + Math.abs(currentA)) * (timeMs - lastTimeMs) / 1000.0;
        samples++;
    }

    /** A sample after a logging gap: counted, not integrated across. */
    void countAfterGap() {
        samples++;
    }

    void addGap(final long ms) {
        gaps++;
        gapMs += ms;
    }

    /** A sample of the run at cycler step {@code step}: a new step index is one more step. */
    void step(final int step) {
        if (step == Sample.NO_INDEX) {
            return;
        }
        if (stepIndex != Sample.NO_INDEX && step != stepIndex) {
            steps++;
        }
        stepIndex = step;
    }

    /** The step index of the run's last sample, or {@link Sample#NO_INDEX}. */
    int stepIndex() {
        return stepIndex;
    }

    /** What the instrument counted in the run's direction (used when cut by direction). */
    void addInstrument(final double ah) {
        instrumentAh += ah;
    }

    /** What the instrument counted in the run's direction, 0 without counters. */
    double countedAh() {
        return instrumentAh;
    }

    /** The run's capacity so far: the instrument's count when {@code counters}, else the coulomb count. */
    double capacityAh(final boolean counters) {
        return counters ? instrumentAh : as / 3600.0;
    }

    /** Closes the run at the channel's last sample. */
    HalfCycle close(final EndReason reason, final boolean counters, final long endMs, final double endVoltageV) {
        final double coulomb = as / 3600.0;
        final double instrument = counters ? instrumentAh : Double.NaN;
        final HalfCycle half = new HalfCycle(direction, startMs, endMs, counters ? instrument : coulomb, reason,
                samples, gaps, gapMs, endVoltageV, cycleIndex, coulomb, instrument, steps, 0);
        direction = null;
        return half;
    }

    /** The fields of cycle-state version 1 on, in their order there. */
    void fields(final StateFields f) {
        direction = f.nullable(direction, Direction.values());
        startMs = f.i64(startMs);
        cycleIndex = f.i32(cycleIndex);
        as = f.f64(as);
        samples = f.i32(samples);
        gaps = f.i32(gaps);
        gapMs = f.i64(gapMs);
    }

    /** The fields version 3 added; older states knew no steps, so an open run counts as one. */
    void fieldsV3(final StateFields f) {
        if (f.version() < 3) {
            steps = direction == null ? 0 : 1;
            return;
        }
        instrumentAh = f.f64(instrumentAh);
        steps = f.i32(steps);
        stepIndex = f.i32(stepIndex);
    }
}
