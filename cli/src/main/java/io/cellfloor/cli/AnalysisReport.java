package io.cellfloor.cli;

import io.cellfloor.avro.ChannelStatus;
import io.cellfloor.avro.CycleSummary;
import io.cellfloor.avro.DeadLetter;
import io.cellfloor.ingest.FileSource;
import io.cellfloor.ingest.format.ReadCounts;
import io.cellfloor.ingest.format.RejectedRow;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Locale;

/** The few lines `analyze` prints per file: what was read, what came out, and what was wrong. */
record AnalysisReport(Path file, FileSource source, List<CycleSummary> cycles, List<DeadLetter> deadLetters,
                      List<RejectedRow> rejected, ChannelStatus status, Path output) {

    void print(final PrintStream out, final int maxReasons) {
        final ReadCounts counts = source.counts();
        final long complete = cycles.stream().filter(CycleSummary::getComplete).count();
        final double meanCe = cycles.stream().filter(c -> c.getComplete() && c.getCePercent() != null)
                .mapToDouble(CycleSummary::getCePercent).average().orElse(Double.NaN);
        final long events = cycles.stream().mapToLong(c -> c.getEvents().size()).sum();
        out.printf(Locale.ROOT, "%s (%s): %,d rows read, %,d samples, %,d rows rejected%n", file,
                source.reader().metadata().format(), counts.dataRows(), counts.accepted(), counts.rejected());
        out.printf(Locale.ROOT, "  %d cycles (%d complete), mean CE %s, %d breakdown events, stage %s%s%n",
                cycles.size(), complete, Double.isNaN(meanCe) ? "n/a" : String.format(Locale.ROOT, "%.2f %%", meanCe),
                events, status == null ? "n/a" : status.getStage(),
                status == null || status.getCyclesToFirstBreakdown() == null ? ""
                        : ", first breakdown at cycle " + status.getCyclesToFirstBreakdown());
        if (!cycles.isEmpty()) {
            out.printf(Locale.ROOT, "  cut %s: cycles %d-%d; %s%s%n", cut(), cycles.get(0).getCycleNumber(),
                    cycles.get(cycles.size() - 1).getCycleNumber(), protocols(), mismatches());
        }
        cycles.stream().filter(c -> c.getFeatures() != null && c.getFeatures().getNotApplicable() != null)
                .reduce((a, b) -> b).ifPresent(c -> out.println("  detection " + c.getFeatures().getNotApplicable()));
        rejected.stream().limit(maxReasons).forEach(r -> out.printf("  rejected line %d: %s%n", r.line(), r.reason()));
        deadLetters.stream().limit(maxReasons).forEach(d -> out.println("  not processed: " + d.getReason()));
        out.println("  -> " + output);
    }

    private String cut() {
        return cycles.get(0).getBoundaries() == io.cellfloor.avro.CycleBoundaries.CYCLER ? "at the cycler's cycle index"
                : "by direction of current (no cycle index)";
    }

    /** How many cycles of each protocol, e.g. "3 simple, 1 multi-step". */
    private String protocols() {
        final Map<io.cellfloor.avro.CycleProtocol, Long> by = new EnumMap<>(io.cellfloor.avro.CycleProtocol.class);
        cycles.forEach(c -> by.merge(c.getProtocol(), 1L, Long::sum));
        return by.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(Locale.ROOT)
                .replace('_', '-')).collect(Collectors.joining(", "));
    }

    /** Cycles whose coulomb count strays from the instrument's count: how far the log itself can be trusted. */
    private String mismatches() {
        final long n = cycles.stream().filter(CycleSummary::getCapacityMismatch).count();
        return n == 0 ? "" : "; " + n + " with the coulomb count over 1 % from the instrument's (capacities and CE "
                + "use the instrument's)";
    }
}
