package io.cellfloor.bench.suite;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Writes one channel: {@code <name>.csv} (Arbin CSV as a cycler exports it), {@code <name>.yaml} (its CellTest)
 * and {@code <name>.labels.jsonl} (one {@link CycleLabel} per cycle). Deterministic for a scenario's seed.
 */
final class ChannelGenerator {
    private ChannelGenerator() {
    }

    static List<CycleLabel> write(final Scenario s, final Path dir) throws IOException {
        Files.createDirectories(dir);
        final List<CycleLabel> labels;
        try (BufferedWriter csv = Files.newBufferedWriter(dir.resolve(s.name() + ".csv"))) {
            final ArbinLog log = new ArbinLog(csv, s.logging(), new Random(s.seed()));
            labels = s.isFull() ? new FullChannel(s, log, kneeCycle(s)).run() : new LiChannel(s, log).run();
        }
        Files.writeString(dir.resolve(s.name() + ".yaml"), s.cellTestYaml());
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve(s.name() + ".labels.jsonl"))) {
            for (final CycleLabel l : labels) {
                out.write(l.toJson());
                out.write('\n');
            }
        }
        return labels;
    }

    private static int kneeCycle(final Scenario s) {
        return s.cycles().stream().filter(c -> "capacity knee".equals(c.confounder())).mapToInt(c -> c.cycle() - 1)
                .findFirst().orElse(Integer.MAX_VALUE);
    }
}
