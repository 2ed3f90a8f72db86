package io.cellfloor.domain;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The stages of paper Fig. 3d as a pure function, in the paper's words:
 * <ul>
 *   <li>STABLE: no breakdown yet;</li>
 *   <li>RECOVERABLE: isolated breakdowns, the cell returns to normal cycles (from the first soft breakdown);</li>
 *   <li>IRRECOVERABLE: breakdowns persist in consecutive recent cycles with growing severity ({@link StageRules});
 *       a short coming on gradually is such a run once its resistance sum ({@link DriftCusum}) is past the decision
 *       level: each cycle whose resistance still departs is a breakdown, its severity growing with the sum;</li>
 *   <li>HARD_SHORT: a hard short confirmed on two consecutive cycles or ohmic in both halves (the
 *       {@link HardShortDetector} reports only confirmed ones).</li>
 * </ul>
 * Only ever forward; one transition per cycle at most (a hard short may skip stages). {@code StageDocTest} keeps
 * this list, the README and the code in agreement.
 */
final class StageMachine {
    private StageMachine() {
    }

    /**
     * @param recent       one bit per cycle, bit 0 this cycle, bit k the k-th before: whether it had a breakdown
     * @param newBreakdown whether a breakdown was registered with this cycle (its own, or a late one of the cycle
     *                     before)
     * @param severity     the largest severity among this cycle's breakdowns
     * @param previous     the largest severity among the previous cycle's breakdowns (0 when it had none)
     * @param events       the events registered with this cycle, for the reason
     * @return the transition made at this cycle, or null
     */
    static StageChange next(final CellStage stage, final int cycleNumber, final int recent,
                            final boolean newBreakdown, final double severity, final double previous,
                            final List<BreakdownEvent> events, final StageRules rules) {
        if (stage == CellStage.HARD_SHORT) {
            return null; // the last stage
        }
        if (events.stream().anyMatch(e -> e.type() == BreakdownType.HARD_SHORT)) {
            return new StageChange(cycleNumber, stage, CellStage.HARD_SHORT, "hard short: " + describe(events));
        }
        if (!newBreakdown) {
            return null; // nothing new: stages move only on evidence
        }
        if (stage == CellStage.STABLE) {
            return new StageChange(cycleNumber, stage, CellStage.RECOVERABLE, "first soft breakdown: "
                    + describe(events));
        }
        if (!rules.persistent(recent)) {
            return null; // an isolated breakdown: the cell returned to normal cycles in between
        }
        if (!rules.growing(severity, previous)) {
            return null; // persistent, but weaker than the cycle before: not (yet) growing
        }
        if (stage == CellStage.RECOVERABLE) {
            return new StageChange(cycleNumber, stage, CellStage.IRRECOVERABLE, String.format(Locale.ROOT,
                    "breakdowns in the last %d consecutive cycles, severity %.2f after %.2f: %s",
                    rules.consecutiveCycles(), severity, previous, describe(events)));
        }
        return null; // already irrecoverable
    }

    private static String describe(final List<BreakdownEvent> events) {
        final StringJoiner out = new StringJoiner("; ");
        for (final BreakdownEvent e : events) {
            final StringJoiner numbers = new StringJoiner(", ", " (", ")");
            e.evidence().entrySet().stream().sorted(Map.Entry.comparingByKey()).limit(4)
                    .forEach(x -> numbers.add(x.getKey() + "=" + String.format(Locale.ROOT, "%.4g", x.getValue())));
            out.add(e.type() + " in cycle " + e.cycleNumber()
                    + (e.halfCycle() == null ? "" : " " + e.halfCycle()) + numbers);
        }
        return out.toString();
    }
}
