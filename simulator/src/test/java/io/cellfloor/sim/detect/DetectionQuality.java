package io.cellfloor.sim.detect;

import io.cellfloor.domain.DetectionRules;
import io.cellfloor.sim.ChannelPlan;
import io.cellfloor.sim.FloorPlan;
import io.cellfloor.sim.Injection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The detection-quality benchmark: runs the labelled {@link ScenarioSuite} and a generated floor through the domain's
 * assembler (in topology-sized batches with the state round-tripped) and scores them cycle by cycle (see
 * {@link ChannelScore}). The goals are asserted by {@code DetectionQualityTest}, which also prints the figures:
 * <pre>{@code
 * ./mvnw -B -o -pl simulator -am test -Dtest=DetectionQualityTest -Dsurefire.failIfNoSpecifiedTests=false
 * }</pre>
 * Other seeds and sizes, and every miss and false alarm spelled out ({@code -v}), from this main:
 * <pre>{@code
 * ./mvnw -B -o -q -pl simulator -am test-compile
 * ./mvnw -B -o -q -pl simulator dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp "simulator/target/test-classes:simulator/target/classes:domain/target/classes:$(cat /tmp/cp.txt)" \
 *     io.cellfloor.sim.detect.DetectionQuality [seed=2025] [repeats=3] [-v]
 * }</pre>
 */
public final class DetectionQuality {
    private DetectionQuality() {
    }

    /** The channels of a generated demo-style floor (its own mix of cells, logging, stories and confounders). */
    static List<Scenario> floor(final long seed, final int cycles, final int breakdowns) {
        final FloorPlan plan = FloorPlan.builder().seed(seed).cycles(cycles).breakdowns(breakdowns).build();
        final List<Scenario> out = new ArrayList<>();
        for (final ChannelPlan c : plan.channels()) {
            final boolean breakdown = c.config().injections().stream().anyMatch(i -> i instanceof Injection.SoftShort
                    || i instanceof Injection.Leakage || i instanceof Injection.Fluctuation
                    || i instanceof Injection.HardShort);
            out.add(new Scenario(c.info().channelId() + " " + c.config().spec().electrolyte() + "/"
                    + c.config().spec().collector() + " @" + c.config().sampling().intervalMs() / 1000 + "s",
                    breakdown ? "floor breakdown" : "floor healthy", breakdown, c.config()));
        }
        return out;
    }

    /** The scores of every channel of a suite. */
    static List<ChannelScore> score(final List<Scenario> suite, final DetectionRules rules) {
        final List<ChannelScore> out = new ArrayList<>(suite.size());
        for (final Scenario s : suite) {
            out.add(ChannelScore.of(s, DetectionRun.of(s.config(), rules), rules.stage()));
        }
        return out;
    }

    /** The headline figures of a scored suite. */
    /**
     * The headline figures. Delay to first detection is counted from the first visible breakdown cycle of each
     * channel (channels whose breakdowns were all invisible to their logging are left out of it).
     */
    record Summary(int channels, int cycles, int positives, int visible, int truePositives, int falsePositives,
                   int missed, int missedVisible, int breakdownChannels, int foundSameCycle, int foundLater,
                   int neverFound, int foundEarly, int confounderChannels, int confounderAlarms, int stageAgreements) {

        /** Of the channels with a visible breakdown, the fraction whose first one was found in its own cycle. */
        double foundInItsCycle() {
            return foundSameCycle / (double) Math.max(1, foundSameCycle + foundLater + neverFound + foundEarly);
        }

        double precision() {
            return truePositives / (double) Math.max(1, truePositives + falsePositives);
        }

        double recall() {
            return truePositives / (double) Math.max(1, positives);
        }

        double visibleRecall() {
            return (visible - missedVisible) / (double) Math.max(1, visible);
        }

        double stageAgreement() {
            return stageAgreements / (double) Math.max(1, cycles);
        }
    }

    static Summary summarise(final List<ChannelScore> scores) {
        int cycles = 0;
        int positives = 0;
        int visible = 0;
        int tp = 0;
        int fp = 0;
        int missed = 0;
        int missedVisible = 0;
        int breakdownChannels = 0;
        int same = 0;
        int later = 0;
        int never = 0;
        int early = 0;
        int confounders = 0;
        int confounderAlarms = 0;
        int agree = 0;
        for (final ChannelScore s : scores) {
            cycles += s.cycles();
            positives += s.positive().size();
            visible += s.visible().size();
            tp += s.truePositives();
            fp += s.falsePositives();
            missed += s.missed();
            missedVisible += s.missedVisible();
            agree += s.stageAgreements();
            if (s.firstPositive() > 0) {
                breakdownChannels++;
            }
            if (s.firstVisible() > 0) {
                final int firstFound = s.detected().stream().filter(c -> c >= s.firstPositive()).findFirst()
                        .orElse(-1);
                if (s.firstDetected() > 0 && s.firstDetected() < s.firstPositive()) {
                    early++;
                } else if (firstFound < 0) {
                    never++;
                } else if (firstFound <= s.firstVisible()) {
                    same++;
                } else {
                    later++;
                }
            } else if (s.firstPositive() < 0) {
                confounders++;
                confounderAlarms += s.falsePositives();
            }
        }
        return new Summary(scores.size(), cycles, positives, visible, tp, fp, missed, missedVisible,
                breakdownChannels, same, later, never, early, confounders, confounderAlarms, agree);
    }

    public static void main(final String[] args) {
        final long seed = args.length > 0 ? Long.parseLong(args[0]) : 2025L;
        final int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        final boolean verbose = args.length > 2 && args[2].equals("-v");
        final long t0 = System.nanoTime();
        final List<Scenario> suite = new ArrayList<>(ScenarioSuite.generate(seed, repeats));
        suite.addAll(floor(seed, 20, 24));
        final List<ChannelScore> scores = score(suite, DetectionRules.DEFAULTS);
        System.out.printf(Locale.ROOT, "suite seed %d x%d: %d channels, %.1f s%n", seed, repeats, scores.size(),
                (System.nanoTime() - t0) / 1e9);
        report(scores);
        if (verbose) {
            scores.stream().filter(s -> !s.notes().isEmpty()).forEach(s -> {
                System.out.println("-- " + s.scenario().name() + " positive " + s.positive() + " detected "
                        + s.detected());
                s.notes().forEach(n -> System.out.println("   " + n));
            });
        }
    }

    /** Prints the figures: all channels, by signature or confounder, by logging interval. */
    static void report(final List<ChannelScore> scores) {
        final Summary all = summarise(scores);
        System.out.printf(Locale.ROOT, "%d channels, %d cycles; first visible breakdown found in its own cycle: %.4f%n",
                all.channels(), all.cycles(), all.foundInItsCycle());
        print("all", all);
        final Map<String, List<ChannelScore>> bySignature = new LinkedHashMap<>();
        scores.forEach(s -> bySignature.computeIfAbsent(s.scenario().signature(), k -> new ArrayList<>()).add(s));
        bySignature.forEach((k, v) -> print(k, summarise(v)));
        byInterval(scores).forEach((k, v) -> print("logging " + k / 1000 + " s", v));
    }

    private static void print(final String label, final Summary s) {
        System.out.printf(Locale.ROOT, "%-24s ch %4d  P %.4f  R %.4f  R(visible) %.4f  TP %5d FP %3d FN %4d"
                        + " (visible FN %3d)  first found: same %3d later %2d never %2d early %2d  stage %.4f"
                        + "  confounder ch %3d alarms %d%n",
                label, s.channels(), s.precision(), s.recall(), s.visibleRecall(), s.truePositives(),
                s.falsePositives(), s.missed(), s.missedVisible(), s.foundSameCycle(), s.foundLater(),
                s.neverFound(), s.foundEarly(), s.stageAgreement(), s.confounderChannels(), s.confounderAlarms());
    }

    /** Suite figures by logging interval, to show what sparse logging costs. */
    static Map<Long, Summary> byInterval(final List<ChannelScore> scores) {
        final Map<Long, List<ChannelScore>> groups = new java.util.TreeMap<>();
        scores.forEach(s -> groups.computeIfAbsent(s.scenario().config().sampling().intervalMs(),
                k -> new ArrayList<>()).add(s));
        final Map<Long, Summary> out = new java.util.TreeMap<>();
        groups.forEach((k, v) -> out.put(k, summarise(v)));
        return out;
    }
}
