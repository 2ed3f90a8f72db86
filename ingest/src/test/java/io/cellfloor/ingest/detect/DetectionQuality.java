package io.cellfloor.ingest.detect;

import io.cellfloor.domain.DetectionRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The detection-quality benchmark: runs the labelled {@link ScenarioSuite} through the domain's assembler (in
 * topology-sized batches with the state round-tripped) and scores it cycle by cycle. Run it with
 * <pre>{@code
 * ./mvnw -B -o -q -pl ingest -am test-compile && java -cp "$(cat /tmp/cp)" io.cellfloor.ingest.detect.DetectionQuality [seed] [repeats] [-v]
 * }</pre>
 * (see {@code BENCHMARKS.md} for the exact classpath line) or through {@code DetectionQualityTest}.
 */
public final class DetectionQuality {
    private DetectionQuality() {
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
    record Summary(int channels, int cycles, int positives, int visible, int truePositives, int falsePositives,
                   int missed, int missedVisible, int breakdownChannels, int foundSameCycle, int foundLater,
                   int neverFound, int foundEarly, int confounderChannels, int confounderAlarms, int stageAgreements) {

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
                if (s.firstDetected() < 0) {
                    never++;
                } else if (s.firstDetected() < s.firstPositive()) {
                    early++;
                } else if (s.firstDetected() == s.firstPositive()) {
                    same++;
                } else {
                    later++;
                }
            } else {
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
        final List<Scenario> suite = ScenarioSuite.generate(seed, repeats);
        final List<ChannelScore> scores = score(suite, DetectionRules.DEFAULTS);
        final Summary all = summarise(scores);
        System.out.printf(Locale.ROOT, "suite seed %d x%d: %d channels, %d cycles, %.1f s%n", seed, repeats,
                all.channels(), all.cycles(), (System.nanoTime() - t0) / 1e9);
        print("all", all);
        final Map<String, List<ChannelScore>> bySignature = new LinkedHashMap<>();
        scores.forEach(s -> bySignature.computeIfAbsent(s.scenario().signature(), k -> new ArrayList<>()).add(s));
        bySignature.forEach((k, v) -> print(k, summarise(v)));
        if (verbose) {
            scores.stream().filter(s -> !s.notes().isEmpty()).forEach(s -> {
                System.out.println("-- " + s.scenario().name() + " positive " + s.positive() + " detected "
                        + s.detected());
                s.notes().forEach(n -> System.out.println("   " + n));
            });
        }
    }

    private static void print(final String label, final Summary s) {
        System.out.printf(Locale.ROOT, "%-24s ch %4d  P %.4f  R %.4f  R(visible) %.4f  TP %5d FP %3d FN %4d"
                        + " (visible FN %3d)  first found: same %3d later %2d never %2d early %2d  stage %.4f"
                        + "  confounder ch %3d alarms %d%n",
                label, s.channels(), s.precision(), s.recall(), s.visibleRecall(), s.truePositives(),
                s.falsePositives(), s.missed(), s.missedVisible(), s.foundSameCycle(), s.foundLater(),
                s.neverFound(), s.foundEarly(), s.stageAgreement(), s.confounderChannels(), s.confounderAlarms());
    }
}
