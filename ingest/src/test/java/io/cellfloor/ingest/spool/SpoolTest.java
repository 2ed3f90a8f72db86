package io.cellfloor.ingest.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The on-disk spool: order, cut-back to the last checkpoint, torn tails, segment deletion, bounds. */
class SpoolTest {
    @TempDir
    Path dir;

    private static SpoolRecord record(final int i) {
        return new SpoolRecord("cellfloor.samples.v1", "ch-" + i % 3, 1000L * i, i, 10, 5L,
                ("value-" + i).getBytes(StandardCharsets.UTF_8));
    }

    private List<String> readAll(final Spool spool) throws Exception {
        final List<String> out = new ArrayList<>();
        try (SpoolReader r = new SpoolReader(spool, spool.drained())) {
            for (SpoolRecord x = r.next(spool.durableEnd()); x != null; x = r.next(spool.durableEnd())) {
                out.add(new String(x.value(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @Test
    void shouldCutWhatWasAppendedAfterTheCheckpointWhenReopened() throws Exception {
        final Spool spool = Spool.open(dir, 1 << 20, 4096, null);
        for (int i = 0; i < 3; i++) {
            spool.append(record(i));
        }
        final SpoolPosition committed = spool.sync();
        spool.append(record(3));
        spool.append(record(4));
        spool.close();

        final Spool reopened = Spool.open(dir, 1 << 20, 4096, committed);

        assertThat(reopened.durableEnd()).isEqualTo(committed);
        assertThat(readAll(reopened)).containsExactly("value-0", "value-1", "value-2");
        reopened.append(record(9));
        reopened.markDurable(reopened.sync());
        assertThat(readAll(reopened)).containsExactly("value-0", "value-1", "value-2", "value-9");
    }

    @Test
    void shouldDropATornLastRecordWhenReopenedWithoutACheckpoint() throws Exception {
        final Spool spool = Spool.open(dir, 1 << 20, 4096, null);
        spool.append(record(0));
        spool.append(record(1));
        spool.close();
        try (Stream<Path> files = Files.list(dir)) {
            final Path segment = files.filter(p -> p.toString().endsWith(".seg")).findFirst().orElseThrow();
            Files.write(segment, new byte[] {0, 0, 0, 40, 1, 2, 3}, StandardOpenOption.APPEND);
        }

        final Spool reopened = Spool.open(dir, 1 << 20, 4096, null);

        assertThat(readAll(reopened)).containsExactly("value-0", "value-1");
    }

    @Test
    void shouldReadAcrossSegmentsInOrderAndDeleteTheDrainedOnes() throws Exception {
        final Spool spool = Spool.open(dir, 1 << 20, 1024, null);
        final List<SpoolPosition> ends = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ends.add(spool.append(record(i)));
        }
        spool.markDurable(spool.sync());
        final List<String> expected = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            expected.add("value-" + i);
        }
        assertThat(readAll(spool)).containsExactlyElementsOf(expected);
        final long before = spool.bytes();
        final long segmentsBefore = segments();

        spool.drainedTo(ends.get(79));

        assertThat(segments()).isLessThan(segmentsBefore);
        assertThat(spool.bytes()).isLessThan(before).isPositive();
        assertThat(readAll(spool)).containsExactlyElementsOf(expected.subList(80, 100));
    }

    @Test
    void shouldSayFullAtItsBound() throws Exception {
        final Spool spool = Spool.open(dir, 2048, 1024, null);
        while (!spool.isFull()) {
            spool.append(record(1));
        }
        assertThat(spool.bytes()).isGreaterThanOrEqualTo(2048).isLessThan(2048 + 100);
    }

    private long segments() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".seg")).count();
        }
    }
}
