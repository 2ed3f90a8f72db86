package io.cellfloor.ingest.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.cellfloor.ingest.checkpoint.FileCheckpoint;
import io.cellfloor.ingest.checkpoint.FileIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facts the file agent decides on, from real files: rename, rewrite, growth. */
class FileRegistryTest {
    @TempDir
    Path dir;

    private static FileCheckpoint checkpointOf(final Path file, final boolean finished) throws Exception {
        return new FileCheckpoint(file.toString(), FileIdentity.of(file), 100, "cell-a", "cell-a", 2, 0, finished);
    }

    @Test
    void shouldTellARenamedFileByItsInodeAndFirstBytes() throws Exception {
        final Path before = dir.resolve("cell-a.csv");
        AgentFixture.writeCsv(before, 100, Set.of());
        final FileRegistry files = new FileRegistry(List.of(checkpointOf(before, false)));
        assumeFalse(FileIdentity.of(before).fileKey().isEmpty(), "this file system has no inode to follow a rename");
        final Path after = Files.move(before, dir.resolve("cell-a.1.csv"));

        final FileFacts facts = files.facts(after, FileIdentity.of(after));

        assertThat(facts.renamedFrom()).isEqualTo(before.toString());
        assertThat(facts.previous()).as("nothing was checkpointed under the new name").isNull();
        assertThat(Pickup.decide(facts).action()).isEqualTo(Pickup.Action.IGNORE_RENAMED);
    }

    @Test
    void shouldSeeAGrownFileAsTheSameAndARewrittenOneAsAnother() throws Exception {
        final Path file = dir.resolve("cell-b.csv");
        AgentFixture.writeCsv(file, 100, Set.of());
        final FileRegistry files = new FileRegistry(List.of(checkpointOf(file, false)));

        Files.writeString(file, AgentFixture.row(101, false), java.nio.file.StandardOpenOption.APPEND);
        final FileFacts grown = files.facts(file, FileIdentity.of(file));
        AgentFixture.writeCsv(file, 30, Set.of());
        final FileFacts rewritten = files.facts(file, FileIdentity.of(file));

        assertThat(grown.renamedFrom()).isNull();
        assertThat(grown.previousSame()).isTrue();
        assertThat(Pickup.decide(grown).action()).isEqualTo(Pickup.Action.RESUME);
        assertThat(rewritten.previousSame()).as("shorter than at the checkpoint").isFalse();
        assertThat(Pickup.decide(rewritten).action()).isEqualTo(Pickup.Action.START_REWRITTEN);
    }

    @Test
    void shouldListOnlyTheCheckpointEntriesOfFilesNotOpen() throws Exception {
        final Path done = dir.resolve("cell-c.csv");
        AgentFixture.writeCsv(done, 10, Set.of());
        final FileRegistry files = new FileRegistry(List.of(checkpointOf(done, true)));

        assertThat(files.notOpen()).extracting(FileCheckpoint::path).containsExactly(done.toString());
        assertThat(files.holderOf("cell-c", done)).isNull();
        assertThat(files.ignore(done)).as("first time: log why").isTrue();
        assertThat(files.ignore(done)).as("then quiet").isFalse();
    }
}
