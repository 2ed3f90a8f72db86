package io.cellfloor.sinks.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecoveryTest {
    @TempDir
    Path root;

    private Path file(final String dirs, final String name) throws IOException {
        final Path p = root.resolve("cycles").resolve(dirs).resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, "x");
    }

    @Test
    void shouldDeleteTempsAndFilesAtOrAfterTheCommittedOffsetOfThatPartitionOnly() throws IOException {
        final Path committed = file("date=2026-01-01/station=s/test=t", Segment.fileName(0, 0));
        final Path uncommitted = file("date=2026-01-02/station=s/test=t", Segment.fileName(0, 40));
        final Path temp = file("date=2026-01-02/station=s/test=t", Segment.fileName(0, 55) + ".tmp");
        final Path otherPartition = file("date=2026-01-02/station=s/test=t", Segment.fileName(1, 40));

        assertThat(Recovery.clean(root, ArchiveTopic.CYCLES, 0, 40)).isEqualTo(2);

        assertThat(committed).exists();
        assertThat(uncommitted).doesNotExist();
        assertThat(temp).doesNotExist();
        assertThat(otherPartition).exists();
    }

    @Test
    void shouldKeepPathSegmentsSafeForEveryFileSystem() {
        assertThat(PartitionPath.safe("st 1/ch:02")).isEqualTo("st_1_ch_02");
        assertThat(PartitionPath.safe(null)).isEqualTo("unknown");
        assertThat(Segment.fileName(3, 1234)).isEqualTo("part-3-00000000000000001234.parquet");
    }
}
