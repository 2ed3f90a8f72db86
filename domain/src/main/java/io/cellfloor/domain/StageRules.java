package io.cellfloor.domain;

/**
 * When a cell is irrecoverable, in the paper's words (Fig. 3d and its text): <em>breakdowns persist in consecutive
 * recent cycles with growing severity</em>. A cell with isolated breakdowns, returning to normal cycles in between,
 * stays recoverable however many of them it has; a cell whose last {@code consecutiveCycles} cycles all had a
 * breakdown, each at least as severe as the one before (within {@code severityTolerance}, a fraction of the earlier
 * severity), is irrecoverable. The paper's LPSC cell on SS: isolated events from cycle 6, normal cycles between, then
 * 142.9 % at cycle 15 followed by erratic cycles: irrecoverable at the second of those, within one cycle of 15.
 *
 * @param consecutiveCycles how many consecutive breakdown cycles (this one included) make persistence: two, the
 *                          smallest number that is not isolated
 * @param severityTolerance a cycle counts as growing when its severity is at least {@code (1 - tolerance)} times the
 *                          previous one's; severities are clipped at 1, so two certain cycles in a row also count
 */
public record StageRules(int consecutiveCycles, double severityTolerance) {

    public static final StageRules DEFAULTS = new StageRules(2, 0.1);

    public StageRules {
        if (consecutiveCycles < 2 || consecutiveCycles > 31 || !(severityTolerance >= 0 && severityTolerance < 1)) {
            throw new IllegalArgumentException("need 2 <= consecutiveCycles <= 31 and 0 <= severityTolerance < 1, got "
                    + consecutiveCycles + " and " + severityTolerance);
        }
    }

    /** Whether the last {@link #consecutiveCycles} cycles of {@code recent} (bit 0 the latest) all had a breakdown. */
    boolean persistent(final int recent) {
        final int mask = (1 << consecutiveCycles) - 1;
        return (recent & mask) == mask;
    }

    /** Whether a cycle of {@code severity} after one of {@code previous} is growing, in the sense above. */
    boolean growing(final double severity, final double previous) {
        return severity >= (1 - severityTolerance) * previous;
    }
}
