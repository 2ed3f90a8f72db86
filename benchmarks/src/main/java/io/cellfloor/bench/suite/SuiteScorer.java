package io.cellfloor.bench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores the product as a user runs it: {@code <launcher> analyze --out DIR --cell-test <name>.yaml <name>.csv}
 * in its own process, then the {@code .jsonl} it wrote, cycle by cycle against the labels. Product cycles are
 * matched to labels by {@code cyclerCycleIndex}, so a product that splits a cycle in two is charged for it (its
 * stage and CE come from the wrong piece) rather than shifted against every later label.
 */
final class SuiteScorer {
    private final List<String> launcher;
    private final ObjectMapper json = new ObjectMapper();

    SuiteScorer(final List<String> launcher) {
        this.launcher = List.copyOf(launcher);
    }

    /** Runs the product on one generated channel and returns the product's cycles, in output order. */
    List<JsonNode> analyze(final Path dataDir, final String name, final Path outDir) throws IOException {
        final List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of("analyze", "--out", outDir.toString(), "--cell-test",
                dataDir.resolve(name + ".yaml").toString(), dataDir.resolve(name + ".csv").toString()));
        final Path console = outDir.resolve(name + ".console.txt");
        Files.createDirectories(outDir);
        final Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(console.toFile()).start();
        try {
            final int code = process.waitFor();
            if (code != 0) {
                throw new IOException("analyze failed for " + name + " (exit " + code + "), see " + console);
            }
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while analysing " + name, e);
        }
        final List<JsonNode> cycles = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(outDir.resolve(name + ".jsonl"))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    cycles.add(json.readTree(line));
                }
            }
        }
        return cycles;
    }

    /** Compares the product's cycles with the labels of one channel. */
    static ChannelScore score(final List<CycleLabel> labels, final List<JsonNode> product) {
        final Map<Integer, List<JsonNode>> byIndex = new HashMap<>();
        final ChannelScore score = new ChannelScore();
        score.channels = 1;
        for (final JsonNode c : product) {
            final JsonNode index = c.get("cyclerCycleIndex");
            if (index == null || index.isNull()) {
                if (hasEvent(c)) {
                    score.falsePositives++;
                }
                continue;
            }
            byIndex.computeIfAbsent(index.asInt(), k -> new ArrayList<>()).add(c);
        }
        int firstLabelled = Integer.MAX_VALUE;
        int firstFlagged = Integer.MAX_VALUE;
        for (final CycleLabel label : labels) {
            final List<JsonNode> mine = byIndex.getOrDefault(label.cycle(), List.of());
            final boolean flagged = mine.stream().anyMatch(SuiteScorer::hasEvent);
            score.cycles++;
            if (mine.isEmpty()) {
                score.missingCycles++;
            } else if (mine.size() > 1) {
                score.splitCycles++;
            }
            if (label.breakdown()) {
                firstLabelled = Math.min(firstLabelled, label.cycle());
                if (flagged) {
                    score.truePositives++;
                } else {
                    score.falseNegatives++;
                }
            } else if (flagged) {
                score.falsePositives++;
            }
            if (flagged) {
                firstFlagged = Math.min(firstFlagged, label.cycle());
            }
            if (!label.breakdown() && label.confounder() != null) {
                score.confounderCycles++;
                if (flagged) {
                    score.confounderCyclesWithEvent++;
                }
            }
            final JsonNode last = mine.isEmpty() ? null : mine.get(mine.size() - 1);
            if (last != null && label.stage().equals(last.path("stage").asText())) {
                score.stageAgreements++;
            }
            final JsonNode ce = mine.isEmpty() ? null : mine.get(0).get("cePercent");
            if (!label.breakdown() && ce != null && ce.isNumber()) {
                score.ceErrors.add(Math.abs(ce.asDouble() - label.cePercent()));
            }
        }
        for (final Integer index : byIndex.keySet()) {
            final boolean unlabelled = index < 1 || index > labels.size();
            if (unlabelled && byIndex.get(index).stream().anyMatch(SuiteScorer::hasEvent)) {
                score.falsePositives++;
            }
        }
        if (firstLabelled != Integer.MAX_VALUE) {
            score.channelsWithBreakdown = 1;
            score.firstFoundInOwnCycle = firstFlagged == firstLabelled ? 1 : 0;
        }
        return score;
    }

    private static boolean hasEvent(final JsonNode cycle) {
        final JsonNode events = cycle.get("events");
        return events != null && events.isArray() && !events.isEmpty();
    }
}
