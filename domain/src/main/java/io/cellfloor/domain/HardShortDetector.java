package io.cellfloor.domain;

import java.util.Map;

/**
 * Hard short (SCIENCE.md): |V| stays near 0 with an ohmic V/I relation and never reaches the cut-off. Judged over a
 * whole cycle, because one half sitting low can be an unrecovered soft short; a hard short holds through the current
 * reversal, at the same |V|/|I| both ways.
 */
final class HardShortDetector {
    private static final int MIN_OHMIC_SAMPLES = 3;

    private HardShortDetector() {
    }

    /**
     * @param chargeEnd how the cycle's charge half ended (a strip, for Li/SSE/CC cells), or null
     * @param kind      the cell's kind, or null when unknown
     * @return the hard short in this cycle, or null
     */
    static BreakdownEvent judge(final int cycleNumber, final HalfSummary first, final HalfSummary second,
                                final EndReason chargeEnd, final CellKind kind, final VoltageRules rules) {
        if (first == null || second == null) {
            return null; // a hard short shows across a current reversal; one half cannot tell
        }
        if (second.lowFraction() < rules.hardShortLowFraction()) {
            return null; // the second half did not sit near 0 V throughout
        }
        if (!first.endedLow()) {
            return null; // the first half ended at its plateau: low only after the reversal, not yet a short
        }
        if (kind != CellKind.SYMMETRIC && chargeEnd == EndReason.CUTOFF) {
            return null; // the charge reached its cut-off: a shorted cell cannot
        }
        final double r1 = first.lowResistanceOhm();
        final double r2 = second.lowResistanceOhm();
        if (first.lowSamples() >= MIN_OHMIC_SAMPLES && second.lowSamples() >= MIN_OHMIC_SAMPLES
                && Math.max(r1, r2) > rules.hardShortResistanceSpread() * Math.min(r1, r2)) {
            return null; // |V|/|I| differs between the directions: not one ohmic path
        }
        final boolean wholeCycle = first.lowFraction() >= rules.hardShortLowFraction();
        return new BreakdownEvent(BreakdownType.HARD_SHORT, cycleNumber, wholeCycle ? null : first.direction(),
                first.lowSinceMs(), second.endMs(), 1.0, false, Map.of(
                        "shortResistanceOhm", second.lowSamples() >= first.lowSamples() ? r2 : r1,
                        "firstHalfLowFraction", first.lowFraction(),
                        "secondHalfLowFraction", second.lowFraction(),
                        "chargeReachedCutoff", chargeEnd == EndReason.CUTOFF ? 1.0 : 0.0));
    }
}
