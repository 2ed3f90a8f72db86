package io.cellfloor.bench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 13's benchmark that can fail: generates the independent labelled suite ({@link Families}), runs
 * {@code ./cellfloor analyze} on every channel with its CellTest, and prints the score per family and overall.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.cellfloor.bench.suite.IndependentSuite OUTDIR [seed]
 *      [--launcher ./cellfloor] [--only NAME_PART] [--generate-only]
 * </pre>
 * Writes {@code OUTDIR/data} (CSV, YAML, labels), {@code OUTDIR/results} (the product's output) and
 * {@code OUTDIR/score.md}. Run it from the repository root so the default launcher is found.
 */
public final class IndependentSuite {
    private IndependentSuite() {
    }

    public static void main(final String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: IndependentSuite OUTDIR [seed] [--launcher ./cellfloor] [--only NAME_PART] "
                    + "[--generate-only]");
            System.exit(2);
        }
        final Path out = Path.of(args[0]);
        long seed = 13;
        List<String> launcher = List.of("./cellfloor");
        String only = "";
        boolean generateOnly = false;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--launcher" -> launcher = List.of(args[++i].split(" "));
                case "--only" -> only = args[++i];
                case "--generate-only" -> generateOnly = true;
                default -> seed = Long.parseLong(args[i]);
            }
        }
        final Path data = out.resolve("data");
        final Path results = out.resolve("results");
        final SuiteScorer scorer = new SuiteScorer(launcher);
        final Map<String, ChannelScore> families = new LinkedHashMap<>();
        final List<String> perChannel = new ArrayList<>();
        for (final Scenario s : Families.all(seed)) {
            if (!s.name().contains(only) && !s.family().contains(only)) {
                continue;
            }
            final List<CycleLabel> labels = ChannelGenerator.write(s, data);
            if (generateOnly) {
                System.out.println(s.name() + ": " + labels.size() + " cycles written");
                continue;
            }
            final List<JsonNode> product = scorer.analyze(data, s.name(), results);
            final ChannelScore score = SuiteScorer.score(labels, product);
            families.computeIfAbsent(s.family(), f -> new ChannelScore()).add(score);
            perChannel.add(String.format(Locale.ROOT, "%s: %d cycles, %d breakdown, TP %d FP %d FN %d, first %s, "
                            + "stage %.2f, confounders %d/%d, split %d, missing %d", s.name(), score.cycles,
                    score.breakdownCycles(), score.truePositives, score.falsePositives, score.falseNegatives,
                    score.channelsWithBreakdown == 0 ? "-" : score.firstFoundInOwnCycle == 1 ? "yes" : "no",
                    score.stageAgreement(), score.confounderCyclesWithEvent, score.confounderCycles,
                    score.splitCycles, score.missingCycles));
            System.out.println(perChannel.get(perChannel.size() - 1));
        }
        if (generateOnly) {
            return;
        }
        final String table = table(families);
        System.out.println();
        System.out.print(table);
        Files.writeString(out.resolve("score.md"), table + "\n" + String.join("\n", perChannel) + "\n");
    }

    static String table(final Map<String, ChannelScore> families) {
        final StringBuilder b = new StringBuilder();
        b.append("| family | channels | cycles | breakdown cycles | precision | recall | first breakdown in its own "
                + "cycle | stage agreement | confounder cycles with an event | median CE error, normal cycles "
                + "(points) | cycles split / missing |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        final ChannelScore total = new ChannelScore();
        families.forEach((name, score) -> {
            row(b, name, score);
            total.add(score);
        });
        row(b, "**all**", total);
        return b.toString();
    }

    private static void row(final StringBuilder b, final String name, final ChannelScore s) {
        b.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %s | %s | %s | %s | %d of %d | %s | %d / %d |%n",
                name, s.channels, s.cycles, s.breakdownCycles(), ratio(s.precision()), ratio(s.recall()),
                s.channelsWithBreakdown == 0 ? "-" : s.firstFoundInOwnCycle + " of " + s.channelsWithBreakdown,
                ratio(s.stageAgreement()), s.confounderCyclesWithEvent, s.confounderCycles,
                Double.isNaN(s.medianCeError()) ? "-" : String.format(Locale.ROOT, "%.3f", s.medianCeError()),
                s.splitCycles, s.missingCycles));
    }

    private static String ratio(final double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }
}
