package io.cellfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cellfloor.avro.SampleBatch;
import io.cellfloor.embedded.KafkaAndRegistryExtension;
import io.cellfloor.schema.Topics;
import io.cellfloor.schema.registry.SchemaRegistryClient;
import io.cellfloor.schema.serde.CellfloorSerdes;
import io.cellfloor.streams.app.CellfloorRuntime;
import io.cellfloor.streams.app.TopicPlan;
import io.cellfloor.streams.config.StreamsAppConfig;
import io.cellfloor.streams.topology.TopologyMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The station agent's JVM is killed ({@code kill -9}) in the middle of its files while the broker is down, so rows
 * it has read sit in its spool unacknowledged; the files grow while it is dead, the broker comes back and a new
 * agent process starts on the same spool and checkpoint. It must send what the dead one had spooled, once, and
 * read on where the checkpoint says: the samples topic holds every row once, and every output of the streams app
 * (running throughout, in this JVM) equals an uninterrupted run of the same files on other channel names.
 */
class AgentKillEndToEndTest {
    private static final String APP = "cellfloor-agent-kill";
    private static final Duration OUTAGE =
            Duration.ofSeconds(Long.getLong("cellfloor.test.agentKillOutageSeconds", 20));
    private static final long CHECKPOINT_MS = 5_000;
    private static final int CHANNELS = 3;
    private static final int ROWS = 4_000;

    @RegisterExtension
    static final KafkaAndRegistryExtension PLATFORM =
            KafkaAndRegistryExtension.withTopics(TopicPlan.topics(3, 1));
    @TempDir
    Path dir;

    @Test
    void shouldGiveTheOutputsOfAnUninterruptedRunWhenTheAgentIsKilledMidFileDuringABrokerOutage() throws Exception {
        final SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (CellfloorRuntime streams = CellfloorRuntime.of(StreamsAppConfig.parse(Map.of(
                "bootstrap.servers", PLATFORM.bootstrapServers(),
                StreamsAppConfig.REGISTRY_URL, PLATFORM.registryUrl(),
                "application.id", APP,
                "state.dir", dir.resolve("streams").toString()))).meters(meters)
                .metrics(new TopologyMetrics(meters)).start()) {
            final SchemaRegistryClient client = streams.registryClient();
            final Map<String, String> registry = streams.registrySettings();

            FaultRun.referenceRun(dir, PLATFORM.bootstrapServers(), client, registry, CHANNELS, ROWS, APP);

            final Path in = Files.createDirectories(dir.resolve("out-in"));
            for (int c = 1; c <= CHANNELS; c++) {
                FaultRun.appendCsv(in.resolve("out-ch" + c + ".csv"), 1, ROWS / 2, c);
            }
            final Path config = stationConfig(in);
            final double[] atKill = new double[3];
            final Path checkpoint = dir.resolve("out-agent").resolve("checkpoint").resolve("checkpoint.properties");
            final long stoppedAt;
            try (ChildJvm first = agent(config, "first")) {
                await().atMost(Duration.ofSeconds(60)).until(() ->
                        first.metric("cellfloor_agent_samples_published_total") == CHANNELS * ROWS / 2.0);
                PLATFORM.kafka().stopBroker(0);
                stoppedAt = System.nanoTime();
                // rows the dead agent had spooled and checkpointed but not sent: resent from the spool
                appendAll(in, ROWS / 2 + 1, ROWS * 5 / 8);
                await().atMost(Duration.ofSeconds(30)).until(() -> checkpointedLines(checkpoint) == ROWS * 5 / 8 + 1);
                // rows it had spooled after its last checkpoint: cut from the spool, read again
                appendAll(in, ROWS * 5 / 8 + 1, ROWS * 3 / 4);
                await().atMost(Duration.ofSeconds(4)).until(() ->
                        first.metric("cellfloor_agent_samples_read_total") == CHANNELS * ROWS * 3 / 4.0);
                atKill[0] = first.metric("cellfloor_agent_samples_read_total");
                atKill[1] = first.metric("cellfloor_agent_samples_published_total");
                atKill[2] = first.metric("cellfloor_agent_spool_bytes");
                first.kill();
            }
            assertThat(checkpointedLines(checkpoint)).as("the checkpoint behind the reading at the kill")
                    .isEqualTo(ROWS * 5 / 8 + 1);
            assertThat(atKill[1]).as("samples acknowledged at the kill").isEqualTo(CHANNELS * ROWS / 2.0);
            assertThat(atKill[2]).as("spool bytes at the kill").isGreaterThan(0);
            appendAll(in, ROWS * 3 / 4 + 1, ROWS);
            Thread.sleep(Math.max(0, OUTAGE.toMillis() - (System.nanoTime() - stoppedAt) / 1_000_000));
            PLATFORM.kafka().startBroker(0);
            final long startedAt = System.nanoTime();
            final double recovery;
            final int[] sent;
            try (ChildJvm second = agent(config, "second")) {
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> sentOnce(client, registry)[0] == CHANNELS * ROWS);
                CommittedOutputs.awaitCaughtUp(PLATFORM.bootstrapServers(), APP, Duration.ofSeconds(120));
                recovery = (System.nanoTime() - startedAt) / 1e9;
                sent = sentOnce(client, registry);
                assertThat(second.log()).as("the new agent reads on after the checkpointed line")
                        .contains("resuming after line " + (ROWS * 5 / 8 + 1));
                second.stop(Duration.ofSeconds(60));
            }
            assertThat(sent[1]).as("batches on the samples topic twice").isZero();
            assertThat(streams.failure()).isNull();
            final Map<String, Integer> compared = CommittedOutputs.assertSameAsUninterrupted(
                    PLATFORM.bootstrapServers(), "ref-ch", "out-ch", client, registry);
            assertThat(CommittedOutputs.read(PLATFORM.bootstrapServers(), Topics.DEAD_LETTER)).isEmpty();
            assertThat(meters.counter("cellfloor.streams.samples.accepted").count())
                    .as("every sample of both runs once").isEqualTo(2 * CHANNELS * ROWS);
            System.out.printf("agent killed during a %d s broker outage: at the kill %.0f samples read, %.0f "
                            + "acknowledged, %.0f spool bytes; afterwards %d samples on the topic once, %d batches "
                            + "twice, %.0f taken in by the app (both runs), 0 dead letters; records compared %s; sent "
                            + "and caught up %.1f s after the broker was back%n", OUTAGE.toSeconds(), atKill[0],
                    atKill[1], atKill[2], sent[0], sent[1],
                    meters.counter("cellfloor.streams.samples.accepted").count(), compared, recovery);
        }
    }

    private Path stationConfig(final Path in) throws java.io.IOException {
        final Path config = dir.resolve("station.yaml");
        Files.writeString(config, String.join("\n",
                "station: st-faults", // FaultRun.Agent's station, so the two runs' outputs compare
                "mode: follow",
                "directories: [" + in + "]",
                "stateDir: " + dir.resolve("out-agent"),
                "pollIntervalMs: 50",
                // long enough that the test can read and kill between two checkpoints
                "checkpointIntervalMs: " + CHECKPOINT_MS,
                "kafka:",
                "  bootstrap.servers: " + PLATFORM.bootstrapServers(),
                "registry:",
                "  url: " + PLATFORM.registryUrl(),
                "metricsPort: 0", ""));
        return config;
    }

    private static void appendAll(final Path in, final int from, final int to) throws java.io.IOException {
        for (int c = 1; c <= CHANNELS; c++) {
            FaultRun.appendCsv(in.resolve("out-ch" + c + ".csv"), from, to, c);
        }
    }

    /** The last line the agent's checkpoint covers, the same in every file here; 0 before the first checkpoint. */
    private static long checkpointedLines(final Path checkpoint) throws java.io.IOException {
        if (!Files.exists(checkpoint)) {
            return 0;
        }
        final java.util.Properties p = new java.util.Properties();
        try (var r = Files.newBufferedReader(checkpoint)) {
            p.load(r);
        }
        final var lines = p.stringPropertyNames().stream().filter(k -> k.matches("file\\.\\d+\\.line"))
                .map(k -> Long.parseLong(p.getProperty(k))).distinct().toList();
        return lines.size() == 1 ? lines.get(0) : -1;
    }

    private static ChildJvm agent(final Path config, final String name) throws java.io.IOException {
        return ChildJvm.start(ChildJvm.log(AgentKillEndToEndTest.class, "agent-" + name), "agent", "--config",
                config.toString());
    }

    /**
     * The faulted run's samples on the samples topic: {samples in distinct batches, batches seen more than once}; a
     * batch is its channel and sequence number.
     */
    private static int[] sentOnce(final SchemaRegistryClient client, final Map<String, String> registry) {
        final var batches = CellfloorSerdes.value(SampleBatch.class, client, registry).deserializer();
        final Map<String, Integer> seen = new HashMap<>();
        final int[] out = new int[2];
        for (final String r : CommittedOutputs.read(PLATFORM.bootstrapServers(), Topics.SAMPLES)) {
            final int eq = r.indexOf('=');
            if (!r.substring(0, eq).contains("out-ch")) {
                continue;
            }
            final SampleBatch b = batches.deserialize(Topics.SAMPLES, HexFormat.of().parseHex(r.substring(eq + 1)));
            if (seen.merge(b.getChannelId() + "#" + b.getSequence(), 1, Integer::sum) == 1) {
                out[0] += b.getTimestampMs().size();
            } else {
                out[1]++;
            }
        }
        return out;
    }
}
