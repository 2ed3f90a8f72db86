package io.cellfloor.sinks.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
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
    void shouldResumeWhereThePublishedFilesEndAndRemoveOnlyThisWritersUnfinishedSegment() throws IOException {
        final Path a = file("date=2026-01-01/station=s/test=t", Recovery.publishedName(0, 0, 40));
        final Path b = file("date=2026-01-02/station=s/test=t", Recovery.publishedName(0, 40, 55));
        // segment 55 was being published when the writer died: one file renamed, the other still a temp
        final Path halfPublished = file("date=2026-01-02/station=s/test=t", Recovery.publishedName(0, 55, 70));
        final Path halfTemp = file("date=2026-01-03/station=s/test=t", Recovery.tempName(0, 55, "archive"));
        final Path otherPartition = file("date=2026-01-02/station=s/test=t", Recovery.publishedName(1, 70, 90));

        final Recovery.Result r = Recovery.recover(root, ArchiveTopic.CYCLES, 0, "archive");

        assertThat(r.resumeAt()).isEqualTo(OptionalLong.of(55));
        assertThat(r.removed()).isEqualTo(2);
        assertThat(a).exists();
        assertThat(b).exists();
        assertThat(halfPublished).doesNotExist();
        assertThat(halfTemp).doesNotExist();
        assertThat(otherPartition).exists();
    }

    @Test
    void shouldLeaveAnotherWritersFilesAlone() throws IOException {
        final Path published = file("date=2026-01-01/station=s/test=t", Recovery.publishedName(0, 0, 40));
        final Path theirs = file("date=2026-01-01/station=s/test=t", Recovery.tempName(0, 40, "archive"));

        final Recovery.Result r = Recovery.recover(root, ArchiveTopic.CYCLES, 0, "archive-2");

        assertThat(r.resumeAt()).isEqualTo(OptionalLong.of(40));
        assertThat(r.removed()).isZero();
        assertThat(published).exists();
        assertThat(theirs).exists();
    }

    @Test
    void shouldKnowNoPositionWithoutFilesAndNeverDeleteFilesOfTheOldNaming() throws IOException {
        final Path old = file("date=2026-01-01/station=s/test=t", "part-0-00000000000000000007.parquet");

        assertThat(Recovery.recover(root, ArchiveTopic.CYCLES, 0, "archive"))
                .isEqualTo(new Recovery.Result(OptionalLong.empty(), 0));
        assertThat(Recovery.recover(root, ArchiveTopic.SAMPLES, 0, "archive").resumeAt()).isEmpty();
        assertThat(old).exists();
    }

    @Test
    void shouldKeepPathSegmentsSafeForEveryFileSystem() {
        assertThat(PartitionPath.safe("st 1/ch:02")).isEqualTo("st_1_ch_02");
        assertThat(PartitionPath.safe(null)).isEqualTo("unknown");
        assertThat(Recovery.publishedName(3, 1234, 1300))
                .isEqualTo("part-3-00000000000000001234-00000000000000001300.parquet");
        assertThat(Recovery.tempName(3, 1234, "cellfloor-archive"))
                .isEqualTo("part-3-00000000000000001234.parquet.cellfloor-archive.tmp");
    }
}
