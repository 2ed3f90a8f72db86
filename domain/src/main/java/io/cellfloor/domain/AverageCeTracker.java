package io.cellfloor.domain;

import java.util.Locale;

/**
 * Recognises the phases of the reservoir protocol in a channel's half-cycles as they close: a plating of Q_T, then n
 * times a strip and a plating of Q_C, then a strip to the cut-off (Q_S). Yields an {@link AverageCeResult} at the
 * final strip, or as soon as the data shows it cannot be determined (a Q_C strip that hit the cut-off early: the
 * reservoir ran out). Part of the channel's persisted state.
 */
final class AverageCeTracker {
    private static final byte WAITING = 0;
    private static final byte CYCLING = 1;
    private static final byte DONE = 2;

    private byte phase = WAITING;
    private double reservoirAh;
    private double platedAh;
    private double strippedAh;
    private int strips;
    private int platings;

    boolean running() {
        return phase == CYCLING;
    }

    boolean done() {
        return phase == DONE;
    }

    /** Takes the next closed half-cycle; returns the protocol's result when it ends with this half, else null. */
    AverageCeResult accept(final HalfCycle half, final AverageCeProtocol protocol, final AverageCeRules rules) {
        if (phase == DONE || half == null || half.direction() == Direction.REST) {
            return null;
        }
        final double qT = protocol.reservoirMAh() / 1000.0;
        final double qC = protocol.cycledMAh() / 1000.0;
        final double ah = half.capacityAh();
        if (phase == WAITING) {
            if (half.direction() == Direction.DISCHARGE && near(ah, qT, rules)) {
                phase = CYCLING;
                reservoirAh = ah;
                platedAh = ah;
            }
            return null;
        }
        if (half.direction() == Direction.DISCHARGE) {
            if (!near(ah, qC, rules)) {
                return end(false, "plating " + (platings + 1) + " passed " + mAh(ah) + " instead of Q_C " + mAh(qC), 0);
            }
            platedAh += ah;
            platings++;
            return null;
        }
        if (strips == protocol.cycles() && platings == protocol.cycles()) {
            return finalStrip(half, rules);
        }
        if (half.endReason() == EndReason.CUTOFF && ah < qC * (1 - rules.capacityTolerance())) {
            return end(false, "the reservoir ran out: strip " + (strips + 1) + " of " + protocol.cycles()
                    + " reached the cut-off after " + mAh(ah) + " of Q_C " + mAh(qC), ah);
        }
        if (!near(ah, qC, rules)) {
            return end(false, "strip " + (strips + 1) + " passed " + mAh(ah) + " instead of Q_C " + mAh(qC), ah);
        }
        strippedAh += ah;
        strips++;
        return null;
    }

    private AverageCeResult finalStrip(final HalfCycle half, final AverageCeRules rules) {
        final double qS = half.capacityAh();
        if (qS < rules.minFinalFraction() * reservoirAh) {
            return end(false, "too little Li left to strip: Q_S " + mAh(qS) + " is under "
                    + Math.round(100 * rules.minFinalFraction()) + " % of Q_T " + mAh(reservoirAh), qS);
        }
        if (half.endReason() != EndReason.CUTOFF && (strippedAh + qS) <= platedAh) {
            return end(false, "the final strip ended without reaching the cut-off (" + half.endReason()
                    + "): Li may be left on the collector", qS);
        }
        if (half.endReason() != EndReason.CUTOFF) {
            return end(true, "the final strip ended without reaching the cut-off (" + half.endReason()
                    + "), yet already recovered more than was plated: a lower bound above 100 %", qS);
        }
        return end(true, "reservoir protocol complete", qS);
    }

    private AverageCeResult end(final boolean determinable, final String reason, final double finalAh) {
        phase = DONE;
        final double cycledAh = platedAh - reservoirAh;
        final double ce = determinable ? (strippedAh + finalAh) / platedAh * 100.0 : Double.NaN;
        return new AverageCeResult(determinable, ce, reason, reservoirAh * 1000, cycledAh * 1000, platings,
                finalAh * 1000);
    }

    private static boolean near(final double ah, final double expected, final AverageCeRules rules) {
        return Math.abs(ah - expected) <= rules.capacityTolerance() * expected;
    }

    private static String mAh(final double ah) {
        return String.format(Locale.ROOT, "%.4f mAh", ah * 1000);
    }

    void fields(final StateFields f) {
        phase = f.i8(phase);
        if (phase == CYCLING) {
            reservoirAh = f.f64(reservoirAh);
            platedAh = f.f64(platedAh);
            strippedAh = f.f64(strippedAh);
            strips = f.i32(strips);
            platings = f.i32(platings);
        }
    }
}
