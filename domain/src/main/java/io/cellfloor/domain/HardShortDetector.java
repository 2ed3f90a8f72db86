package io.cellfloor.domain;

import java.util.Map;

/**
 * Hard short (SCIENCE.md): |V| stays near 0 with an ohmic V/I relation and never reaches the cut-off. Judged over a
 * whole cycle, because one half sitting low can be an unrecovered soft short; a hard short holds through the current
 * reversal, at the same |V|/|I| both ways. The paper's rule for calling it: confirmed on two consecutive cycles, or
 * ohmic in both halves of one. {@link #judge} finds what one cycle shows (evidence {@code ohmicInBothHalves} says
 * whether that alone confirms it; {@link CycleAnalyzer} confirms the rest with the next cycle); {@link #anchored}
 * finds the shorts a cell's own recent plateaus cannot reveal: present from the first cycle, or come on gradually.
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
        final boolean ohmicBoth = first.lowSamples() >= MIN_OHMIC_SAMPLES && second.lowSamples() >= MIN_OHMIC_SAMPLES;
        return new BreakdownEvent(BreakdownType.HARD_SHORT, cycleNumber, wholeCycle ? null : first.direction(),
                first.lowSinceMs(), second.endMs(), 1.0, false, Map.of(
                        "shortResistanceOhm", second.lowSamples() >= first.lowSamples() ? r2 : r1,
                        "firstHalfLowFraction", first.lowFraction(),
                        "secondHalfLowFraction", second.lowFraction(),
                        "chargeReachedCutoff", chargeEnd == EndReason.CUTOFF ? 1.0 : 0.0,
                        "ohmicInBothHalves", ohmicBoth ? 1.0 : 0.0));
    }

    /**
     * A short that carries more current than the electrolyte in both halves of the cycle: each half's time-weighted
     * plateau |V|/|I| below its limit ({@code limit1Ohm}, {@code limit2Ohm}), the same both ways within the spread of {@link VoltageRules}, and a
     * charge that never reached its cut-off. The limit is the larger of the cell test's absolute one (an area-specific
     * resistance no Li/SSE cell reaches through its electrolyte, over the electrode area) and half the channel's
     * early-life resistance at this current (a parallel path below the electrolyte's own resistance halves it).
     *
     * @return the hard short, ohmic in both halves, or null
     */
    static BreakdownEvent anchored(final int cycleNumber, final HalfSummary first, final HalfSummary second,
                                   final EndReason chargeEnd, final CellKind kind, final double limit1Ohm,
                                   final double limit2Ohm, final VoltageRules rules) {
        if (first == null || second == null || !(limit1Ohm > 0 && limit2Ohm > 0)) {
            return null; // one half cannot show a path both ways; no limit without a cell test
        }
        if (kind != CellKind.SYMMETRIC && chargeEnd == EndReason.CUTOFF) {
            return null; // the charge reached its cut-off: a shorted cell cannot
        }
        final double r1 = first.plateauV() / first.currentA();
        final double r2 = second.plateauV() / second.currentA();
        if (!(r1 >= 0 && r2 >= 0)) {
            return null; // no settled plateau in one of the halves
        }
        if (r1 >= limit1Ohm || r2 >= limit2Ohm) {
            return null; // the electrolyte still carries the current
        }
        if (Math.max(r1, r2) > rules.hardShortResistanceSpread() * Math.max(Math.min(r1, r2), 1e-3)) {
            return null; // |V|/|I| differs between the directions: not one ohmic path
        }
        return new BreakdownEvent(BreakdownType.HARD_SHORT, cycleNumber, null, first.startMs(), second.endMs(), 1.0,
                false, Map.of(
                        "shortResistanceOhm", 0.5 * (r1 + r2),
                        "limitOhm", Math.max(limit1Ohm, limit2Ohm),
                        "chargeReachedCutoff", chargeEnd == EndReason.CUTOFF ? 1.0 : 0.0,
                        "ohmicInBothHalves", 1.0));
    }

    /** Whether a short seen in one cycle confirms itself: ohmic, at the same |V|/|I|, in both halves. */
    static boolean ohmicInBothHalves(final BreakdownEvent e) {
        return e.evidence().getOrDefault("ohmicInBothHalves", 0.0) > 0;
    }
}
