package io.cellfloor.ingest.format;

import io.cellfloor.domain.Sample;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Everything a reader returned, by kind, for assertions. */
record ReadLog(List<AcceptedRow> accepted, List<RejectedRow> rejected, List<InstrumentSummary> summaries,
               ReadCounts counts, FileMetadata metadata) {

    static ReadLog of(final CyclerFileReader reader) throws IOException {
        try (reader) {
            final List<AcceptedRow> a = new ArrayList<>();
            final List<RejectedRow> r = new ArrayList<>();
            final List<InstrumentSummary> s = new ArrayList<>();
            ReadResult next;
            while ((next = reader.next()) != null) {
                if (next instanceof AcceptedRow row) {
                    a.add(row);
                } else if (next instanceof RejectedRow row) {
                    r.add(row);
                } else {
                    s.add((InstrumentSummary) next);
                }
            }
            return new ReadLog(a, r, s, reader.counts(), reader.metadata());
        }
    }

    List<Sample> samples() {
        return accepted.stream().map(AcceptedRow::sample).toList();
    }

    List<Integer> cycleIndices() {
        return samples().stream().map(Sample::cycleIndex).distinct().toList();
    }
}
