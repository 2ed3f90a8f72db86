package io.cellfloor.domain;

/**
 * The paper's rule for calling a hard short, applied across cycles: confirmed on two consecutive cycles, or ohmic in
 * both halves of one. {@link HardShortDetector} says what one cycle shows; this remembers an unconfirmed sighting in
 * {@link DetectionState} for the next cycle, and sets the limits of the anchored test from the cell test and the
 * channel's early-life reference ({@link EarlyReference}).
 */
final class ShortConfirmation {
    private ShortConfirmation() {
    }

    /** The hard short of this cycle, confirmed: ohmic in both halves, or seen on this and the previous cycle. */
    static BreakdownEvent judge(final int cycleNumber, final HalfSummary s1, final HalfSummary s2,
                                final EndReason chargeEnd, final CellSpec cell, final DetectionState d,
                                final VoltageRules rules) {
        final CellKind kind = cell == null ? null : cell.kind();
        final BreakdownEvent anchored = s1 == null || s2 == null ? null : HardShortDetector.anchored(cycleNumber, s1,
                s2, chargeEnd, kind, limitOhm(cell, d, rules, s1.direction(), s1.currentA()),
                limitOhm(cell, d, rules, s2.direction(), s2.currentA()), rules);
        final BreakdownEvent seen = HardShortDetector.judge(cycleNumber, s1, s2, chargeEnd, kind, rules);
        final BreakdownEvent confirmed = anchored != null ? anchored : seen != null
                && (HardShortDetector.ohmicInBothHalves(seen) || d.shortCandidate()) ? seen : null;
        d.shortCandidate(seen != null && confirmed == null);
        return confirmed;
    }

    /**
     * Below this |V|/|I| both ways a parallel path carries more current than the electrolyte: the cell test's absolute
     * limit, or for a Li/SSE/CC cell half its early-life resistance at this current, whichever is larger.
     */
    private static double limitOhm(final CellSpec cell, final DetectionState d, final VoltageRules rules,
                                   final Direction direction, final double currentA) {
        if (cell == null || cell.kind() == CellKind.FULL) {
            return Double.NaN;
        }
        final double absolute = rules.shortAsrOhmCm2() / cell.areaCm2();
        if (cell.kind() != CellKind.ASYMMETRIC) {
            return absolute;
        }
        final double step = rules.currentStepFraction();
        final double own = d.early().ohm(direction, currentA, step);
        final double other = d.early().ohm(direction == Direction.CHARGE ? Direction.DISCHARGE : Direction.CHARGE,
                currentA, step);
        final double early = own > 0 ? own : other; // the electrolyte is the same both ways
        return early > 0 ? Math.max(absolute, 0.5 * early) : absolute;
    }
}
