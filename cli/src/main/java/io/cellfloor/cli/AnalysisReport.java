package io.cellfloor.cli;

import io.cellfloor.avro.ChannelStatus;
import io.cellfloor.avro.CycleSummary;
import io.cellfloor.avro.DeadLetter;
import io.cellfloor.ingest.FileSource;
import io.cellfloor.ingest.format.ReadCounts;
import io.cellfloor.ingest.format.RejectedRow;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
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
        cycles.stream().filter(c -> c.getFeatures() != null && c.getFeatures().getNotApplicable() != null)
                .reduce((a, b) -> b).ifPresent(c -> out.println("  detection " + c.getFeatures().getNotApplicable()));
        rejected.stream().limit(maxReasons).forEach(r -> out.printf("  rejected line %d: %s%n", r.line(), r.reason()));
        deadLetters.stream().limit(maxReasons).forEach(d -> out.println("  not processed: " + d.getReason()));
        out.println("  -> " + output);
    }
}
