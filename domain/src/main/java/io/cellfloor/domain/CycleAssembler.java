package io.cellfloor.domain;

import java.util.function.Consumer;

/**
 * Turns one channel's samples into cycles, counts coulombs by the trapezoidal rule over the irregular sample times,
 * sums the instrument's own capacity counters where the source has them, and closes a cycle as soon as it is known
 * to be over.
 *
 * <p><b>Where cycles are cut</b> ({@link CycleBoundaries}). Where the samples carry the cycler's cycle index, a
 * cycle is everything with the same index, closed when the index changes or the test ends, and its number is the
 * cycler's: what the cycler's own table, cellpy, BEEP, NewareNDA and battdat show. Its charge (and its discharge) is
 * every run of current of that direction in the cycle, whatever lies between (see {@link CyclerCycle}), and its
 * shape gives it a {@link CycleProtocol}. Without an index (the simulator, a mapped CSV without a cycle column) the
 * fallback cuts by the direction of current: a dead band makes rests their own steps, a half-cycle is one run
 * between rests or reversals, and a cycle closes the moment its second half ends, numbered from 1.
 *
 * <p>All memory lives in a {@link CycleState} so the caller can keep it in a state store between batches:
 * create an assembler per batch over the restored state, feed it, then store the state. Validate each sample
 * with {@link #check} before {@link #accept}: accept assumes finite values in time order.
 *
 * <p>A logging gap (consecutive samples further apart than {@link CycleRules#maxGapMs()}) inside a half-cycle,
 * or at its start or end, is counted on that half-cycle. It is integrated across only where the cycler's step index
 * is the same on both sides and so is the current (within {@link CycleRules#gapCurrentTolerance()}): a cycler
 * logging on voltage change writes nothing for an hour of a flat constant-current plateau, and the trapezoid across
 * it is exact. Other gaps are not integrated: what happened in them is unknown. A change of the cycler's step index
 * in the same direction (constant current to constant voltage, say) continues the run and counts one more step.
 *
 * <p>Soft-breakdown detection rides along (see {@link DetectionRules}): each sample of an open run passes
 * through a constant-memory voltage probe (O(1), no allocation), each rest through a watch of its open-circuit
 * voltage, and each closed cycle through the detectors and the stage machine, whose results fill the cycle's
 * features, events, stage and stage change. The rest after a Li/SSE/CC strip is judged with its own cycle where the
 * cycler's index puts it there (the cycle closes when the index changes, after the rest); cut by direction, a cycle
 * closes when its second half ends, so that rest is reported with the next cycle under its own cycle number.
 */
public final class CycleAssembler {
    private final CycleRules rules;
    private final VoltageRules voltage;
    private final RestRules rest;
    private final CellSpec cell;
    private final CycleState s;
    private final CycleBuilder builder;
    private final double deadBandA;

    /**
     * @param cell the channel's cell, or null when none is registered: then the CE direction is taken from the
     *             direction of the first half-cycle, and end reasons other than incomplete are reported as time
     */
    public CycleAssembler(final CycleRules rules, final CellSpec cell, final CycleState state, final Consumer<Cycle> out) {
        this(rules, DetectionRules.DEFAULTS, cell, state, out);
    }

    /**
     * @param detection thresholds of soft-breakdown detection ({@link DetectionRules#DEFAULTS} documents each)
     * @param cell the channel's cell, or null when none is registered (see the other constructor)
     */
    public CycleAssembler(final CycleRules rules, final DetectionRules detection, final CellSpec cell,
                          final CycleState state, final Consumer<Cycle> out) {
        this.rules = rules;
        this.voltage = detection.voltage();
        this.rest = detection.rest();
        this.cell = cell;
        this.s = state;
        this.builder = new CycleBuilder(rules, new CycleAnalyzer(detection, cell, state.detection()), cell, state,
                out);
        this.deadBandA = rules.deadBandA(cell);
    }

    /** Why a sample cannot be accepted, or null when it can. */
    public String check(final long timeMs, final double currentA, final double voltageV) {
        return check(timeMs, currentA, voltageV, Sample.NO_INDEX);
    }

    /** Why a sample with this cycle index cannot be accepted, or null when it can. */
    public String check(final long timeMs, final double currentA, final double voltageV, final int cycleIndex) {
        if (cycleIndex == Sample.NO_INDEX && rules.boundaries() == CycleBoundaries.CYCLER) {
            return "no cycle index, but cycles are cut at the cycler's index (cycle-boundaries=cycler): a source "
                    + "without a cycle column needs cycle-boundaries=auto or direction";
        }
        if (!Double.isFinite(currentA) || !Double.isFinite(voltageV)) {
            return "non-finite reading: I=" + currentA + " A, V=" + voltageV + " V";
        }
        if (timeMs < 0) {
            // outputs carry sample times as Kafka timestamps, which cannot be negative: such a record would stop
            // the app on every restart
            return "sample time " + timeMs + " ms is before 1970: not a time a cycler logs";
        }
        if (timeMs < s.lastTimeMs()) {
            // an equal time is a step boundary logged twice (end of one step, start of the next), not an error
            return "sample at " + timeMs + " ms is before the channel's last sample at " + s.lastTimeMs()
                    + " ms (out of order, later than the grace allows)";
        }
        if (Math.abs(voltageV) > rules.maxAbsVoltageV()) {
            return "|V| = " + voltageV + " V exceeds " + rules.maxAbsVoltageV() + " V: wrong units (mV sent as V)?";
        }
        if (cell != null && Math.abs(currentA) > rules.maxCurrentFactor() * cell.nominalCurrentA()) {
            return "|I| = " + currentA + " A is over " + rules.maxCurrentFactor() + "x the nominal "
                    + cell.nominalCurrentA() + " A: wrong units (mA sent as A)?";
        }
        return null;
    }

    /**
     * Takes one valid sample (see {@link #check}) without step index or counters.
     *
     * @param stepType the cycler's own step kind, which overrides the sign of current; null when unknown
     */
    public void accept(final long timeMs, final double currentA, final double voltageV, final int cycleIndex,
                       final Direction stepType) {
        accept(timeMs, currentA, voltageV, Sample.NO_INDEX, cycleIndex, stepType, Double.NaN, Double.NaN);
    }

    /**
     * Takes one valid sample (see {@link #check}).
     *
     * @param stepIndex the cycler's step, or {@link Sample#NO_INDEX}
     * @param cycleIndex the cycler's cycle, or {@link Sample#NO_INDEX}
     * @param stepType the cycler's own step kind, which overrides the sign of current; null when unknown
     * @param chargeAh the instrument's counters by the convention on {@link Sample}; NaN when absent
     */
    public void accept(final long timeMs, final double currentA, final double voltageV, final int stepIndex,
                       final int cycleIndex, final Direction stepType, final double chargeAh,
                       final double dischargeAh) {
        if (s.cutBy() == null) {
            s.cutBy(rules.boundaries() == CycleBoundaries.DIRECTION || cycleIndex == Sample.NO_INDEX
                    ? CycleBoundaries.DIRECTION : CycleBoundaries.CYCLER);
        }
        final boolean byCycler = s.cutBy() == CycleBoundaries.CYCLER;
        final Direction direction = stepType != null ? stepType : Direction.of(currentA, deadBandA);
        final long lastTimeMs = s.lastTimeMs();
        final long sinceLast = lastTimeMs == CycleState.NO_TIME ? 0 : timeMs - lastTimeMs;
        final boolean gap = sinceLast > rules.maxGapMs();
        final CyclerCycle cycle = s.cycler();
        final boolean newCycle = byCycler && cycle.open() && cycleIndex != cycle.index();
        if (newCycle && s.openDirection() == null && s.detection().rest().seen()) {
            // the cycle ends in a rest: the rest is the cycle's own, judged with it (one that has shown nothing yet
            // goes on being watched into the next cycle, and is reported with it)
            s.detection().endRest();
        }
        if (s.openDirection() != null && (direction != s.openDirection() || newCycle)) {
            if (gap) {
                // the half-cycle may have gone on unseen: its true end is somewhere in the gap
                s.run().addGap(sinceLast);
            }
            closeOpenHalf(false);
        }
        if (newCycle) {
            builder.closeCyclerCycle();
        }
        if (byCycler && !cycle.open()) {
            cycle.begin(cycleIndex);
        }
        s.counters().take(cycleIndex, chargeAh, dischargeAh);
        if (byCycler) {
            cycle.count(timeMs, s.counters());
        }
        if (direction != Direction.REST) {
            final OpenRun run = s.run();
            if (s.openDirection() == null) {
                open(direction, timeMs, cycleIndex, stepIndex, currentA, voltageV);
                if (gap) {
                    // likewise its true start
                    run.addGap(sinceLast);
                }
            } else if (gap && !constantAcross(stepIndex, currentA)) {
                run.addGap(sinceLast);
                run.countAfterGap();
                s.probe().update(voltage, timeMs, currentA, voltageV, lastTimeMs, s.lastVoltageV(), true);
            } else {
                if (gap) {
                    run.addGap(sinceLast);
                }
                run.integrate(lastTimeMs, s.lastCurrentA(), timeMs, currentA);
                s.probe().update(voltage, timeMs, currentA, voltageV, lastTimeMs, s.lastVoltageV(), gap);
            }
            run.step(stepIndex);
            run.addInstrument(s.counters().incrementAh(direction));
        } else {
            s.detection().rest().update(timeMs, voltageV, rest.watchMs());
        }
        s.last(timeMs, currentA, voltageV);
    }

    /** A gap the run went on through at constant current: same step, same current on both sides. */
    private boolean constantAcross(final int stepIndex, final double currentA) {
        final double before = Math.abs(s.lastCurrentA());
        final double now = Math.abs(currentA);
        return stepIndex != Sample.NO_INDEX && stepIndex == s.run().stepIndex()
                && Math.abs(now - before) <= rules.gapCurrentTolerance() * Math.max(now, before);
    }

    /** The test has ended: closes what is open and reports a cycle left open as incomplete. */
    public void finish() {
        if (s.openDirection() != null) {
            closeOpenHalf(true);
        }
        if (s.cutBy() == CycleBoundaries.CYCLER && s.cycler().open()) {
            s.detection().endRest(); // a test that ends in a rest: the last cycle's own
            builder.closeCyclerCycle();
        }
        if (s.pending() != null) {
            builder.emitPending();
        }
    }

    private void open(final Direction direction, final long timeMs, final int cycleIndex, final int stepIndex,
                      final double currentA, final double voltageV) {
        final DetectionState d = s.detection();
        d.endRest();
        s.probe().open(voltage, direction, timeMs, currentA, voltageV, s.lastTimeMs(), s.lastCurrentA(),
                s.lastVoltageV(), d.plateau(direction), d.plateauCurrent(direction), d.noiseBaselineV(),
                cell != null && cell.kind() == CellKind.ASYMMETRIC && direction == Direction.DISCHARGE, deadBandA,
                cell == null || cell.kind() != CellKind.FULL);
        s.run().open(direction, timeMs, cycleIndex, stepIndex);
    }

    private void closeOpenHalf(final boolean dataEnded) {
        final double capacityAh = s.openCapacityAh();
        final HalfCycle half = s.closeHalf(endReason(s.openDirection(), capacityAh, dataEnded));
        final HalfSummary summary = s.probe().close(voltage);
        final int restCycle;
        if (s.cutBy() == CycleBoundaries.CYCLER) {
            if (half.sampleCount() > 1 || s.run().countedAh() > 0) {
                s.cycler().addRun(half, summary);
            } // else a one-point blip of current the instrument did not count: noise, not a step of the cycle
            restCycle = s.cycler().index();
        } else {
            builder.halfClosed(half, summary);
            restCycle = s.pending() != null ? s.cyclesEmitted() + 1 : s.cyclesEmitted();
        }
        s.detection().rest().begin(restCycle, half.direction(), half.endReason() == EndReason.CUTOFF);
    }

    private EndReason endReason(final Direction direction, final double capacityAh, final boolean dataEnded) {
        if (cell != null) {
            final boolean atCutoff = direction == Direction.CHARGE
                    ? s.lastVoltageV() >= cell.cutoffHighV() - rules.cutoffToleranceV()
                    : s.lastVoltageV() <= cell.cutoffLowV() + rules.cutoffToleranceV();
            if (atCutoff) {
                return EndReason.CUTOFF;
            }
            final double nominal = cell.nominalCapacityAh();
            if (nominal > 0 && Math.abs(capacityAh - nominal) <= rules.capacityTolerance() * nominal) {
                return EndReason.CAPACITY;
            }
        }
        return dataEnded ? EndReason.INCOMPLETE : EndReason.TIME;
    }
}
