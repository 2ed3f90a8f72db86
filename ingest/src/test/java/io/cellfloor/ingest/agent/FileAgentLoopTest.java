package io.cellfloor.ingest.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellfloor.avro.CellTest;
import io.cellfloor.avro.DeadLetter;
import io.cellfloor.avro.SampleBatch;
import io.cellfloor.ingest.checkpoint.CheckpointStore;
import io.cellfloor.schema.serde.CellfloorSerdes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file agent's loop on a fake clock and sleeper: it waits through the sleeper, never for real. */
class FileAgentLoopTest {
    @TempDir
    Path dir;

    private final long[] clock = {1_767_225_600_000L};
    private final List<Duration> slept = new ArrayList<>();

    private FileAgent open(final FileAgentSettings settings, final long spoolMaxBytes) throws Exception {
        return FileAgent.open(settings, dir.resolve("spool"), spoolMaxBytes, dir.resolve("checkpoint"),
                CellfloorSerdes.value(SampleBatch.class, AgentFixture.REGISTRY, AgentFixture.REGISTRY_CONFIG)
                        .serializer(),
                CellfloorSerdes.value(CellTest.class, AgentFixture.REGISTRY, AgentFixture.REGISTRY_CONFIG)
                        .serializer(),
                CellfloorSerdes.value(DeadLetter.class, AgentFixture.REGISTRY, AgentFixture.REGISTRY_CONFIG)
                        .serializer(),
                new SimpleMeterRegistry(), () -> clock[0], null, d -> {
                    slept.add(d);
                    clock[0] += d.toMillis();
                });
    }

    @Test
    void shouldCheckpointAndWaitOnePollIntervalAtATimeWhileTheSpoolIsFull() throws Exception {
        final Path in = Files.createDirectories(dir.resolve("in"));
        AgentFixture.writeCsv(in.resolve("cell-f.csv"), 20_000, Set.of());
        final FileAgent agent = open(AgentFixture.settings(in, dir.resolve("q"), false), 64 * 1024);

        agent.run(() -> slept.size() < 3); // no drainer: the spool fills and stays full

        assertThat(slept).containsExactly(Duration.ofMillis(20), Duration.ofMillis(20), Duration.ofMillis(20));
        assertThat(agent.spool().isFull()).isTrue();
        assertThat(new CheckpointStore(dir.resolve("checkpoint")).load().files()).singleElement()
                .satisfies(f -> assertThat(f.lastLine()).isBetween(2L, 19_999L));
        agent.close();
    }

    @Test
    void shouldWaitAtMostFiftyMillisWhenFollowingAndNothingIsNew() throws Exception {
        final Path in = Files.createDirectories(dir.resolve("in"));
        AgentFixture.writeCsv(in.resolve("cell-g.csv"), 10, Set.of());
        final FileAgentSettings following = new FileAgentSettings("st-1", List.of(in), true, null, List.of(),
                AgentFixture.settings(in, dir.resolve("q"), true).options(), dir.resolve("q"), Duration.ofSeconds(5),
                Duration.ofSeconds(30), new AgentSettings(50, 1000));
        final FileAgent agent = open(following, 1 << 20);

        agent.run(() -> slept.size() < 4);

        assertThat(slept).hasSize(4).containsOnly(Duration.ofMillis(50));
        agent.close();
    }
}
