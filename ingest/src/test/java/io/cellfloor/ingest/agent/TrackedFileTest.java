package io.cellfloor.ingest.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellfloor.avro.SampleBatch;
import io.cellfloor.domain.Sample;
import io.cellfloor.ingest.ChannelInfo;
import io.cellfloor.ingest.checkpoint.FileIdentity;
import io.cellfloor.ingest.format.AcceptedRow;
import io.cellfloor.ingest.format.CyclerFileReader;
import io.cellfloor.ingest.format.FileMetadata;
import io.cellfloor.ingest.format.ReadCounts;
import io.cellfloor.ingest.format.ReadResult;
import io.cellfloor.ingest.format.RejectedRow;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One file's reading on its own: a scripted reader, a recording sink, no agent. */
class TrackedFileTest {
    private static final Path FILE = Path.of("/in/cell-a.csv");
    private static final ChannelInfo CHANNEL = new ChannelInfo("st-1", "cell-a", "cell-a", null);

    /** A reader that returns the given rows, then null (the end of what the file holds now). */
    private static final class ScriptedReader implements CyclerFileReader {
        private final Deque<ReadResult> rows;

        ScriptedReader(final List<ReadResult> rows) {
            this.rows = new ArrayDeque<>(rows);
        }

        @Override
        public FileMetadata metadata() {
            return null;
        }

        @Override
        public ReadResult next() {
            return rows.poll();
        }

        @Override
        public ReadCounts counts() {
            return null;
        }

        @Override
        public void close() {
        }
    }

    private static final class RecordingSink implements TrackedFile.Sink {
        final List<SampleBatch> batches = new ArrayList<>();
        final List<Long> rejectedLines = new ArrayList<>();
        int read;
        boolean full;

        @Override
        public void rowRead() {
            read++;
        }

        @Override
        public void batch(final TrackedFile file, final SampleBatch batch) {
            batches.add(batch);
        }

        @Override
        public void rejected(final TrackedFile file, final RejectedRow row) {
            rejectedLines.add(row.line());
        }

        @Override
        public boolean mustPause() {
            return full;
        }
    }

    private static List<ReadResult> rows(final int from, final int to) {
        final List<ReadResult> out = new ArrayList<>();
        for (int line = from; line <= to; line++) {
            out.add(new AcceptedRow(line, Sample.of(line * 1_000L, 0.001, 3.5)));
        }
        return out;
    }

    private static TrackedFile file(final List<ReadResult> rows, final int maxSamples, final long nextSequence,
                                    final long skipThrough) {
        return new TrackedFile(FILE, new FileIdentity("", 0, 0, "00000000"), new ScriptedReader(rows), CHANNEL,
                new Quarantine(Path.of("unused.quarantine")), maxSamples, nextSequence, skipThrough);
    }

    @Test
    void shouldSkipTheRowsUpToTheCheckpointedLineAndGoOnNumberingFromIt() throws Exception {
        final TrackedFile f = file(rows(1, 10), 4, 3, 6);
        final RecordingSink sink = new RecordingSink();

        final TrackedFile.Slice slice = f.read(sink, 100, 0);

        assertThat(slice).isEqualTo(new TrackedFile.Slice(true, true));
        assertThat(sink.read).isEqualTo(4);
        assertThat(sink.batches).singleElement().satisfies(b -> {
            assertThat(b.getSequence()).isEqualTo(3);
            assertThat(b.getTimestampMs()).containsExactly(7_000L, 8_000L, 9_000L, 10_000L);
        });
        assertThat(f.checkpoint(0).lastLine()).isEqualTo(10);
        assertThat(f.checkpoint(0).nextSequence()).isEqualTo(4);
    }

    @Test
    void shouldStopTheSliceAfterAFullBatchWhenTheSinkMustPause() throws Exception {
        final TrackedFile f = file(rows(1, 10), 3, 0, 0);
        final RecordingSink sink = new RecordingSink();
        sink.full = true;

        final TrackedFile.Slice slice = f.read(sink, 100, 0);

        assertThat(slice).isEqualTo(new TrackedFile.Slice(true, false));
        assertThat(sink.read).isEqualTo(3);
        assertThat(f.checkpoint(0).lastLine()).isEqualTo(3);
    }

    @Test
    void shouldReadNoMoreThanTheSliceAllows() throws Exception {
        final TrackedFile f = file(rows(1, 10), 100, 0, 0);
        final RecordingSink sink = new RecordingSink();

        assertThat(f.read(sink, 4, 0)).isEqualTo(new TrackedFile.Slice(true, false));
        assertThat(sink.read).isEqualTo(4);
        assertThat(sink.batches).isEmpty();
        assertThat(f.drainBatch(false).getTimestampMs()).hasSize(4);
        assertThat(f.drainBatch(false)).as("nothing open").isNull();
    }

    @Test
    void shouldCountRejectedRowsAsReadAndHandThemToTheSink() throws Exception {
        final List<ReadResult> rows = new ArrayList<>(rows(1, 2));
        rows.add(new RejectedRow(FILE, 3, "voltage: 'abc' is not a number", "3,3,1,0.001,abc"));
        rows.addAll(rows(4, 4));
        final TrackedFile f = file(rows, 100, 0, 0);
        final RecordingSink sink = new RecordingSink();

        f.read(sink, 100, 0);

        assertThat(sink.read).isEqualTo(4);
        assertThat(sink.rejectedLines).containsExactly(3L);
        assertThat(f.rows()).isEqualTo(4);
        assertThat(f.rejected()).isEqualTo(1);
        assertThat(f.lastSampleMs()).isEqualTo(4_000);
    }

    @Test
    void shouldReportTheEndWithoutDecidingTheTestIsOver() throws Exception {
        final TrackedFile f = file(List.of(), 10, 0, 0);
        final RecordingSink sink = new RecordingSink();

        assertThat(f.read(sink, 10, 0)).isEqualTo(new TrackedFile.Slice(false, true));
        assertThat(f.finished).isFalse();
        assertThat(f.drainBatch(true).getEndOfTest()).isTrue();
    }
}
