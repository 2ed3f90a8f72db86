package io.cellfloor.sim.detect;

import io.cellfloor.domain.BreakdownEvent;
import io.cellfloor.domain.CellStage;
import io.cellfloor.domain.Cycle;
import io.cellfloor.domain.StageRules;
import io.cellfloor.sim.EventType;
import io.cellfloor.sim.InjectedEvent;
import io.cellfloor.sim.TruthCycle;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One channel scored cycle by cycle against the simulator's labels. A cycle is positive when a breakdown was
 * injected in it, or a hard short is in force; it is detected when an event names it. A positive cycle is visible
 * when the logged data shows its signature at all: a leak and a hard short always do (coulombs are counted at any
 * rate); a drop or fluctuation only if some logged point within it sits below the half-cycle's median |V| by 20 % and
 * by six standard deviations of the reading noise.
 * The truth stage replays the stage rules on the labels.
 */
record ChannelScore(Scenario scenario, Set<Integer> positive, Set<Integer> visible, Set<Integer> detected,
                    int cycles, int stageAgreements, int firstPositive, int firstVisible, int firstDetected,
                    List<String> notes) {
    private static final double VISIBLE_FRACTION = 0.8;

    static ChannelScore of(final Scenario scenario, final DetectionRun run, final StageRules rules) {
        final int n = run.cycles().size();
        final Set<Integer> positive = new TreeSet<>();
        final Set<Integer> visible = new TreeSet<>();
        for (final InjectedEvent e : run.injected()) {
            if (!e.breakdown()) {
                continue;
            }
            final int last = e.type() == EventType.HARD_SHORT ? n : e.cycle();
            for (int c = e.cycle(); c <= last; c++) {
                positive.add(c);
                if (visible(e, run)) {
                    visible.add(c);
                }
            }
        }
        final Set<Integer> detected = new TreeSet<>();
        final List<String> notes = new ArrayList<>();
        for (final Cycle c : run.cycles()) {
            for (final BreakdownEvent e : c.events()) {
                detected.add(e.cycleNumber());
                if (!positive.contains(e.cycleNumber())) {
                    notes.add("false alarm " + e);
                }
            }
        }
        for (final int c : visible) {
            if (!detected.contains(c)) {
                notes.add("missed cycle " + c + ": " + run.injected().stream().filter(e -> e.cycle() == c).toList());
            }
        }
        final List<CellStage> truthStages = stages(positive, run, n, rules);
        int agree = 0;
        for (int k = 0; k < n; k++) {
            if (run.cycles().get(k).stage() == truthStages.get(k)) {
                agree++;
            }
        }
        return new ChannelScore(scenario, positive, visible, detected, n, agree,
                positive.isEmpty() ? -1 : positive.iterator().next(),
                visible.isEmpty() ? -1 : visible.iterator().next(),
                detected.isEmpty() ? -1 : detected.iterator().next(), notes);
    }

    private static boolean visible(final InjectedEvent e, final DetectionRun run) {
        if (e.type() == EventType.LEAKAGE || e.type() == EventType.HARD_SHORT) {
            return true;
        }
        final TruthCycle cycle = run.truth().get(e.cycle() - 1);
        final var half = cycle.first().direction() == e.halfCycle() ? cycle.first() : cycle.second();
        final double plateau = run.samples().medianAbs(half.startMs(), half.endMs());
        final double low = run.samples().minAbs(e.startMs(), e.endMs());
        final double noise = 6 * run.config().sampling().voltageNoiseV();
        return low <= Math.min(VISIBLE_FRACTION * plateau, plateau - noise);
    }

    /** The stages the paper's rule gives on the true labels: breakdowns in consecutive cycles (severity unlabelled). */
    private static List<CellStage> stages(final Set<Integer> positive, final DetectionRun run, final int n,
                                          final StageRules rules) {
        final List<CellStage> out = new ArrayList<>();
        final int hardShortAt = run.injected().stream().filter(e -> e.type() == EventType.HARD_SHORT)
                .mapToInt(InjectedEvent::cycle).min().orElse(Integer.MAX_VALUE);
        CellStage stage = CellStage.STABLE;
        int recent = 0;
        for (int c = 1; c <= n; c++) {
            final boolean hit = positive.contains(c);
            recent = (recent << 1) | (hit ? 1 : 0);
            if (c >= hardShortAt) {
                stage = CellStage.HARD_SHORT;
            } else if (hit && stage == CellStage.STABLE) {
                stage = CellStage.RECOVERABLE;
            } else if (hit && stage == CellStage.RECOVERABLE
                    && (recent & ((1 << rules.consecutiveCycles()) - 1)) == (1 << rules.consecutiveCycles()) - 1) {
                stage = CellStage.IRRECOVERABLE;
            }
            out.add(stage);
        }
        return out;
    }

    int truePositives() {
        return (int) detected.stream().filter(positive::contains).count();
    }

    int falsePositives() {
        return (int) detected.stream().filter(c -> !positive.contains(c)).count();
    }

    int missedVisible() {
        return (int) visible.stream().filter(c -> !detected.contains(c)).count();
    }

    int missed() {
        return (int) positive.stream().filter(c -> !detected.contains(c)).count();
    }
}
