package io.cellfloor.ingest.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cellfloor.ingest.spool.SpoolPosition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints survive a round trip, leave no temp file, and a file's identity tells growth from a rewrite. */
class CheckpointStoreTest {
    @TempDir
    Path dir;

    @Test
    void shouldReadBackWhatItWrote() throws Exception {
        final Path data = Files.writeString(dir.resolve("a.csv"), "header\n1,2\n");
        final AgentCheckpoint written = new AgentCheckpoint(new SpoolPosition(3, 4096), List.of(
                new FileCheckpoint(data.toString(), FileIdentity.of(data), 2, "ch-1", "a", 17, 120, false)));
        final CheckpointStore store = new CheckpointStore(dir);

        store.save(written);

        assertThat(store.load()).isEqualTo(written);
        assertThat(dir.resolve("checkpoint.properties.tmp")).doesNotExist();
    }

    @Test
    void shouldStartEmptyWithoutAFileAndSayHowToRecoverFromADamagedOne() throws Exception {
        final CheckpointStore store = new CheckpointStore(dir);
        assertThat(store.load()).isEqualTo(AgentCheckpoint.EMPTY);
        Files.writeString(store.file(), "spool.segment=x\n");
        assertThatThrownBy(store::load).hasMessageContaining("move it away");
    }

    @Test
    void shouldTellAGrowingFileFromATruncatedOrRewrittenOne() throws Exception {
        final Path f = Files.writeString(dir.resolve("b.csv"), "header\n1,2\n");
        final FileIdentity first = FileIdentity.of(f);
        Files.writeString(f, "3,4\n", StandardOpenOption.APPEND);
        assertThat(first.sameFileAs(f, FileIdentity.of(f))).as("grown").isTrue();
        Files.writeString(f, "header\n");
        assertThat(first.sameFileAs(f, FileIdentity.of(f))).as("truncated").isFalse();
        Files.writeString(f, "HEADER\n1,2\n3,4\n");
        assertThat(first.sameFileAs(f, FileIdentity.of(f))).as("rewritten").isFalse();
    }
}
