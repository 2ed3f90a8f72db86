package io.cellfloor.domain;

import java.util.function.Consumer;

/**
 * Turns one channel's samples into cycles: segments half-cycles by the direction of current (a dead band
 * makes rests their own steps), counts coulombs by the trapezoidal rule over the irregular sample times, and
 * closes a cycle the moment its second half-cycle ends, so its CE is out without waiting for the next cycle.
 *
 * <p>All memory lives in a {@link CycleState} so the caller can keep it in a state store between batches:
 * create an assembler per batch over the restored state, feed it, then store the state. Validate each sample
 * with {@link #check} before {@link #accept}: accept assumes finite values in time order.
 *
 * <p>A logging gap (consecutive samples further apart than {@link CycleRules#maxGapMs()}) inside a half-cycle,
 * or at its start or end, is counted on that half-cycle and never integrated across.
 *
 * <p>A change of the cycler's step index in the same direction (constant current to constant voltage, say)
 * continues the half-cycle; only a rest or a reversal ends it.
 *
 * <p>Soft-breakdown detection rides along (see {@link DetectionRules}): each sample of an open half-cycle passes
 * through a constant-memory voltage probe (O(1), no allocation), each rest through a watch of its open-circuit
 * voltage, and each closed cycle through the detectors and the stage machine, whose results fill the cycle's
 * features, events, stage and stage change. A rest-voltage collapse after a Li/SSE/CC strip is only known when the
 * rest ends, after its cycle was emitted; it is reported with the next cycle under its own cycle number.
 */
public final class CycleAssembler {
    private final CycleRules rules;
    private final VoltageRules voltage;
    private final RestRules rest;
    private final CycleAnalyzer analyzer;
    private final CellSpec cell;
    private final CycleState s;
    private final Consumer<Cycle> out;
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
        this.analyzer = new CycleAnalyzer(detection, cell, state.detection());
        this.cell = cell;
        this.s = state;
        this.out = out;
        this.deadBandA = rules.deadBandA(cell);
    }

    /** Why a sample cannot be accepted, or null when it can. */
    public String check(final long timeMs, final double currentA, final double voltageV) {
        if (!Double.isFinite(currentA) || !Double.isFinite(voltageV)) {
            return "non-finite reading: I=" + currentA + " A, V=" + voltageV + " V";
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
     * Takes one valid sample (see {@link #check}).
     *
     * @param stepType the cycler's own step kind, which overrides the sign of current; null when unknown
     */
    public void accept(final long timeMs, final double currentA, final double voltageV, final int cycleIndex,
                       final Direction stepType) {
        final Direction direction = stepType != null ? stepType : Direction.of(currentA, deadBandA);
        final long lastTimeMs = s.lastTimeMs();
        final long sinceLast = lastTimeMs == CycleState.NO_TIME ? 0 : timeMs - lastTimeMs;
        final boolean gap = sinceLast > rules.maxGapMs();
        if (s.openDirection() != null && direction != s.openDirection()) {
            if (gap) {
                // the half-cycle may have gone on unseen: its true end is somewhere in the gap
                s.addGap(sinceLast);
            }
            closeOpenHalf(false);
        }
        if (direction != Direction.REST) {
            if (s.openDirection() == null) {
                open(direction, timeMs, cycleIndex, currentA, voltageV);
                if (gap) {
                    // likewise its true start
                    s.addGap(sinceLast);
                }
            } else if (gap) {
                s.addGap(sinceLast);
                s.countAfterGap();
                s.probe().update(voltage, timeMs, currentA, voltageV, lastTimeMs, s.lastVoltageV(), true);
            } else {
                s.integrate(timeMs, currentA);
                s.probe().update(voltage, timeMs, currentA, voltageV, lastTimeMs, s.lastVoltageV(), false);
            }
        } else {
            s.detection().rest().update(timeMs, voltageV, rest.watchMs());
        }
        s.last(timeMs, currentA, voltageV);
    }

    /** The test has ended: closes what is open and reports a cycle left open as incomplete. */
    public void finish() {
        if (s.openDirection() != null) {
            closeOpenHalf(true);
        }
        if (s.pending() != null) {
            emit(s.pending(), null, s.pendingSummary(), null);
        }
    }

    private void open(final Direction direction, final long timeMs, final int cycleIndex, final double currentA,
                      final double voltageV) {
        final DetectionState d = s.detection();
        final RestObservation watched = d.rest().end();
        if (watched != null && watched.after() == Direction.CHARGE) {
            // only the rest after a strip (or a charge) can show a leak; it waits for the cycle that reports it
            d.restSeen(watched);
        }
        s.probe().open(voltage, direction, timeMs, currentA, voltageV, s.lastTimeMs(), s.lastCurrentA(),
                s.lastVoltageV(), d.plateau(direction), d.plateauCurrent(direction), d.noiseBaselineV(),
                cell != null && cell.kind() == CellKind.ASYMMETRIC && direction == Direction.DISCHARGE, deadBandA,
                cell == null || cell.kind() != CellKind.FULL);
        s.open(direction, timeMs, cycleIndex);
    }

    private void closeOpenHalf(final boolean dataEnded) {
        final double capacityAh = s.openCapacityAh();
        final HalfCycle half = s.closeHalf(capacityAh, endReason(s.openDirection(), capacityAh, dataEnded));
        final HalfSummary summary = s.probe().close(voltage);
        final CeDirection ce = ceDirection(half.direction());
        if (half.direction() == ce.first()) {
            if (s.pending() != null) {
                emit(s.pending(), null, s.pendingSummary(), null);
            }
            s.holdPending(half, summary);
        } else {
            emit(s.pending(), half, s.pendingSummary(), summary);
        }
        s.detection().rest().begin(s.pending() != null ? s.cyclesEmitted() + 1 : s.cyclesEmitted(), half.direction(),
                half.endReason() == EndReason.CUTOFF);
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

    private CeDirection ceDirection(final Direction firstSeen) {
        if (cell != null) {
            return cell.ceDirection();
        }
        if (s.inferredDirection() == null) {
            s.inferredDirection(CeDirection.startingWith(firstSeen));
        }
        return s.inferredDirection();
    }

    private void emit(final HalfCycle first, final HalfCycle second, final HalfSummary firstSummary,
                      final HalfSummary secondSummary) {
        s.holdPending(null, null);
        final HalfCycle any = first != null ? first : second;
        final CeDirection ce = ceDirection(any.direction());
        final HalfCycle charge = inDirection(Direction.CHARGE, first, second);
        final HalfCycle discharge = inDirection(Direction.DISCHARGE, first, second);
        final boolean complete = first != null && second != null
                && first.endReason() != EndReason.INCOMPLETE && second.endReason() != EndReason.INCOMPLETE;
        final int number = s.nextCycleNumber();
        final double cePercent = ce(first, second);
        final long start = Math.min(first == null ? Long.MAX_VALUE : first.startMs(),
                second == null ? Long.MAX_VALUE : second.startMs());
        final long end = Math.max(first == null ? Long.MIN_VALUE : first.endMs(),
                second == null ? Long.MIN_VALUE : second.endMs());
        final CycleAnalyzer.Result found = analyzer.analyze(number, first, second, firstSummary,
                secondSummary, cePercent, complete, start, end);
        out.accept(new Cycle(number, any.cyclerCycleIndex(), ce, charge, discharge, cePercent, complete,
                cell != null, found.features(), found.events(), found.stage(), found.stageChange(),
                found.averageCe()));
    }

    private static HalfCycle inDirection(final Direction direction, final HalfCycle a, final HalfCycle b) {
        if (a != null && a.direction() == direction) {
            return a;
        }
        return b != null && b.direction() == direction ? b : null;
    }

    private static double ce(final HalfCycle first, final HalfCycle second) {
        if (first == null || second == null || !(first.capacityAh() > 0)) {
            return Double.NaN;
        }
        return second.capacityAh() / first.capacityAh() * 100.0;
    }
}
