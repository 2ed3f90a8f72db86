package io.cellfloor.domain;

import java.util.Locale;

/**
 * Names the first cycle's CE when it is set by the cell's formation rather than by breakdown (SCIENCE.md): below
 * 100 % the first plating also builds the interphase (LGPS: ~1 %, LPSC on SS: 65 %); slightly above it, Li alloyed
 * into a coating comes back in the first strip (Au@Cu: 100.76 %). Reported as a feature so that a user sees why the
 * cycle raised nothing; a CE_JUMP there is left to {@link CeJumpDetector}'s absolute limits.
 */
final class FirstCycle {
    private FirstCycle() {
    }

    /** The normal behaviour the first measured cycle shows, or null (full cells, or no CE). */
    static String describe(final CellKind kind, final double cePercent) {
        if (kind == CellKind.FULL || kind == CellKind.SYMMETRIC || !Double.isFinite(cePercent)) {
            return null;
        }
        if (cePercent < 100.0) {
            return String.format(Locale.ROOT, "first-cycle CE %.1f %%: Li consumed by interphase formation, not a "
                    + "breakdown", cePercent);
        }
        return String.format(Locale.ROOT, "first-cycle CE %.1f %% above 100 %%: Li alloyed into the collector's "
                + "coating returns in the first strip, not a breakdown", cePercent);
    }
}
