package io.cellfloor.domain;

import java.util.List;
import java.util.function.Consumer;

/**
 * Puts closed half-cycles together into {@link Cycle}s for {@link CycleAssembler}: pairs them by direction when
 * cycles are cut by direction, takes a whole cycler cycle when cut at the cycler's index, and fills in what every
 * cycle carries: the CE, its protocol, the instrument check and what detection found.
 *
 * <p>The CE uses the halves' {@link HalfCycle#capacityAh()}, which is the instrument's count where the source has
 * counters (see {@link HalfCycle} for why). It is only given where it means something: both halves there, the
 * denominator above zero, and not a {@link CycleProtocol#PULSE} cycle.
 */
final class CycleBuilder {
    private static final String NO_CURRENT = "not applicable: no current in this cycle (rest, open circuit or "
            + "impedance only): nothing to judge";
    private final CycleRules rules;
    private final CycleAnalyzer analyzer;
    private final CellSpec cell;
    private final CycleState s;
    private final Consumer<Cycle> out;

    CycleBuilder(final CycleRules rules, final CycleAnalyzer analyzer, final CellSpec cell, final CycleState state,
                 final Consumer<Cycle> out) {
        this.rules = rules;
        this.analyzer = analyzer;
        this.cell = cell;
        this.s = state;
        this.out = out;
    }

    /** Cut by direction: a half-cycle has closed; the first of a cycle waits, the second closes the cycle. */
    void halfClosed(final HalfCycle half, final HalfSummary summary) {
        final CeDirection ce = ceDirection(half.direction());
        if (half.direction() == ce.first()) {
            if (s.pending() != null) {
                emitPending();
            }
            s.holdPending(half, summary);
        } else {
            final HalfCycle first = s.pending();
            final HalfSummary firstSummary = s.pendingSummary();
            s.holdPending(null, null);
            emit(s.nextCycleNumber(), first, half, firstSummary, summary, CycleProtocol.SIMPLE,
                    CycleBoundaries.DIRECTION, false);
        }
    }

    /** Cut by direction: the waiting first half closes as a cycle of its own (its partner never came). */
    void emitPending() {
        final HalfCycle first = s.pending();
        final HalfSummary summary = s.pendingSummary();
        s.holdPending(null, null);
        emit(s.nextCycleNumber(), first, null, summary, null, CycleProtocol.SIMPLE, CycleBoundaries.DIRECTION, false);
    }

    /**
     * Cut at the cycler's index: the cycle in progress is over (the index changed or the test ended). A cycle without
     * any run of current (an impedance or rest-only cycle) is reported too, as the cycler counts it, with nothing in
     * it to judge: a rest watched in it is judged with the next cycle.
     */
    void closeCyclerCycle() {
        final CyclerCycle c = s.cycler();
        if (!c.hasRuns()) {
            s.nextCycleNumber();
            // no half-cycle to infer the CE direction from: the cell's, the one inferred so far, else a full cell's
            final CeDirection ce = cell != null ? cell.ceDirection() : s.inferredDirection() != null
                    ? s.inferredDirection() : CeDirection.DISCHARGE_OVER_CHARGE;
            out.accept(new Cycle(c.index(), c.index(), ce, null, null, Double.NaN, false, cell != null,
                    FeatureReport.of(null, null, s.detection().noiseBaselineV(), NO_CURRENT, null), List.of(),
                    s.detection().stage(), null, null, CycleProtocol.NO_CURRENT,
                    CycleBoundaries.CYCLER, false, c.firstSampleMs(), c.lastSampleMs()));
        } else {
            final boolean counters = s.counters().seen();
            final Direction firstDirection = c.firstRun();
            final Direction secondDirection = firstDirection == Direction.CHARGE ? Direction.DISCHARGE : Direction.CHARGE;
            final boolean firstOfTest = s.cyclesEmitted() == 0;
            s.nextCycleNumber();
            emit(c.index(), c.half(firstDirection, counters), c.half(secondDirection, counters),
                    c.summary(firstDirection), c.summary(secondDirection), c.protocol(), CycleBoundaries.CYCLER,
                    firstOfTest && c.startedInside());
        }
        c.clear();
    }

    private void emit(final int number, final HalfCycle first, final HalfCycle second, final HalfSummary s1,
                      final HalfSummary s2, final CycleProtocol protocol, final CycleBoundaries cutBy,
                      final boolean startedInside) {
        final HalfCycle any = first != null ? first : second;
        final CeDirection ce = ceDirection(any.direction());
        final HalfCycle charge = inDirection(Direction.CHARGE, first, second);
        final HalfCycle discharge = inDirection(Direction.DISCHARGE, first, second);
        final boolean complete = first != null && second != null && !startedInside
                && first.endReason() != EndReason.INCOMPLETE && second.endReason() != EndReason.INCOMPLETE;
        final double cePercent = protocol == CycleProtocol.PULSE ? Double.NaN
                : ce(inDirection(ce.first(), first, second), inDirection(other(ce.first()), first, second));
        final long start = Math.min(first == null ? Long.MAX_VALUE : first.startMs(),
                second == null ? Long.MAX_VALUE : second.startMs());
        final long end = Math.max(first == null ? Long.MIN_VALUE : first.endMs(),
                second == null ? Long.MIN_VALUE : second.endMs());
        final CycleAnalyzer.Result found = analyzer.analyze(number, first, second, s1, s2, cePercent, complete, start,
                end);
        out.accept(new Cycle(number, any.cyclerCycleIndex(), ce, charge, discharge, cePercent, complete,
                cell != null, found.features(), found.events(), found.stage(), found.stageChange(),
                found.averageCe(), protocol, cutBy, mismatch(charge) || mismatch(discharge), start, end));
    }

    /** The CE direction of the cell, or the one inferred from the test's first half-cycle when no cell is known. */
    CeDirection ceDirection(final Direction firstSeen) {
        if (cell != null) {
            return cell.ceDirection();
        }
        if (s.inferredDirection() == null) {
            s.inferredDirection(CeDirection.startingWith(firstSeen));
        }
        return s.inferredDirection();
    }

    private boolean mismatch(final HalfCycle h) {
        return h != null && Math.abs(h.instrumentDifference()) > rules.instrumentTolerance();
    }

    private static Direction other(final Direction d) {
        return d == Direction.CHARGE ? Direction.DISCHARGE : Direction.CHARGE;
    }

    private static HalfCycle inDirection(final Direction direction, final HalfCycle a, final HalfCycle b) {
        if (a != null && a.direction() == direction) {
            return a;
        }
        return b != null && b.direction() == direction ? b : null;
    }

    private static double ce(final HalfCycle denominator, final HalfCycle numerator) {
        if (denominator == null || numerator == null || !(denominator.capacityAh() > 0)) {
            return Double.NaN;
        }
        return numerator.capacityAh() / denominator.capacityAh() * 100.0;
    }
}
