package io.cellfloor.domain;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The stages of paper Fig. 3d as a pure function: STABLE to RECOVERABLE at the first soft breakdown, to
 * IRRECOVERABLE when breakdowns fill most of the recent cycles ({@link StageRules}), to HARD_SHORT at a hard short.
 * Only ever forward; one transition per cycle at most (a hard short may skip stages).
 */
final class StageMachine {
    private StageMachine() {
    }

    /**
     * @param recent       one bit per cycle, bit 0 this cycle, bit k the k-th before: whether it had a breakdown
     * @param newBreakdown whether a breakdown was registered with this cycle (its own, or a late one of the cycle
     *                     before)
     * @param events       the events registered with this cycle, for the reason
     * @return the transition made at this cycle, or null
     */
    static StageChange next(final CellStage stage, final int cycleNumber, final int recent,
                            final boolean newBreakdown, final List<BreakdownEvent> events, final StageRules rules) {
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
        final int window = recent & ((1 << rules.windowCycles()) - 1);
        if (stage == CellStage.RECOVERABLE && Integer.bitCount(window) >= rules.breakdownCycles()) {
            return new StageChange(cycleNumber, stage, CellStage.IRRECOVERABLE, "breakdowns in "
                    + Integer.bitCount(window) + " of the last " + rules.windowCycles() + " cycles: "
                    + describe(events));
        }
        return null; // recoverable: breakdowns, but not in most recent cycles
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
