package io.cellfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellfloor.avro.DeadLetter;
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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's checkpoint is lost (deleted, a disk replaced) and the agent is started again on the same files: it
 * reads every file again from the first row and sends every batch again. The streams app must take none of them a
 * second time: every output topic, read committed, is byte for byte what the uninterrupted first run left there,
 * and the only new records are the dead letters that say "duplicate batch", one per replayed batch.
 */
class CheckpointLostEndToEndTest {
    private static final String APP = "cellfloor-checkpoint-lost";
    private static final int CHANNELS = 3;
    private static final int ROWS = 4_000;

    @RegisterExtension
    static final KafkaAndRegistryExtension PLATFORM =
            KafkaAndRegistryExtension.withTopics(TopicPlan.topics(3, 1));
    @TempDir
    Path dir;

    @Test
    void shouldLeaveEveryOutputAsTheUninterruptedRunLeftItWhenTheCheckpointIsLostAndEverythingIsSentAgain()
            throws Exception {
        final Path in = Files.createDirectories(dir.resolve("in"));
        for (int c = 1; c <= CHANNELS; c++) {
            FaultRun.writeCsv(in.resolve("cp-ch" + c + ".csv"), ROWS, c);
        }
        final Path state = dir.resolve("agent");
        final SimpleMeterRegistry meters = new SimpleMeterRegistry();
        final TopologyMetrics metrics = new TopologyMetrics(meters);
        try (CellfloorRuntime streams = CellfloorRuntime.of(StreamsAppConfig.parse(Map.of(
                "bootstrap.servers", PLATFORM.bootstrapServers(),
                StreamsAppConfig.REGISTRY_URL, PLATFORM.registryUrl(),
                "application.id", APP,
                "state.dir", dir.resolve("streams").toString()))).meters(meters).metrics(metrics).start()) {
            final SchemaRegistryClient client = streams.registryClient();
            final Map<String, String> registry = streams.registrySettings();

            final double firstPublished;
            try (FaultRun.Agent first = new FaultRun.Agent(in, state, PLATFORM.bootstrapServers(), client, registry)
                    .runToEnd(Duration.ofSeconds(60))) {
                firstPublished = first.published();
                assertThat(first.read()).isEqualTo(CHANNELS * ROWS);
            }
            CommittedOutputs.awaitCaughtUp(PLATFORM.bootstrapServers(), APP, Duration.ofSeconds(120));
            final Map<String, List<String>> uninterrupted = CommittedOutputs.read(PLATFORM.bootstrapServers());
            final long batchesSent = CommittedOutputs.read(PLATFORM.bootstrapServers(), Topics.SAMPLES).size();
            assertThat(firstPublished).isEqualTo(CHANNELS * ROWS);
            assertThat(metrics.samplesIn()).as("samples the app took in the first run").isEqualTo(CHANNELS * ROWS);
            assertThat(uninterrupted.get(Topics.CYCLES)).as("the files' cycles").hasSizeGreaterThan(CHANNELS * 10);
            assertThat(uninterrupted.get(Topics.DEAD_LETTER)).isEmpty();

            deleteRecursively(FaultRun.Agent.checkpointDir(state));
            final long restartedAt = System.nanoTime();
            final double replayed;
            try (FaultRun.Agent second = new FaultRun.Agent(in, state, PLATFORM.bootstrapServers(), client, registry)
                    .runToEnd(Duration.ofSeconds(60))) {
                replayed = second.published();
            }
            CommittedOutputs.awaitCaughtUp(PLATFORM.bootstrapServers(), APP, Duration.ofSeconds(120));
            final double recoverySeconds = (System.nanoTime() - restartedAt) / 1e9;
            final Map<String, List<String>> after = CommittedOutputs.read(PLATFORM.bootstrapServers());
            final long batchesReplayed =
                    CommittedOutputs.read(PLATFORM.bootstrapServers(), Topics.SAMPLES).size() - batchesSent;

            assertThat(replayed).as("the agent sent everything again").isEqualTo(CHANNELS * ROWS);
            assertThat(streams.failure()).isNull();
            assertThat(meters.counter("cellfloor.streams.samples.accepted").count())
                    .as("samples taken into cycles: each once").isEqualTo(CHANNELS * ROWS);
            assertThat(meters.counter("cellfloor.streams.samples.rejected").count())
                    .as("every replayed sample refused").isEqualTo(CHANNELS * ROWS);
            for (final String topic : CommittedOutputs.OUTPUT_TOPICS) {
                if (!topic.equals(Topics.DEAD_LETTER)) {
                    assertThat(CommittedOutputs.comparable(topic, after.get(topic)))
                            .as(topic + " as the uninterrupted run left it")
                            .containsExactlyElementsOf(CommittedOutputs.comparable(topic, uninterrupted.get(topic)));
                }
            }
            final List<String> reasons = reasons(after.get(Topics.DEAD_LETTER), client, registry);
            assertThat(reasons).as("one dead letter per replayed batch, each a duplicate").hasSize((int) batchesReplayed)
                    .allMatch(r -> r.startsWith("duplicate batch"), "a duplicate batch");
            System.out.printf("checkpoint lost: %d samples sent again in %d batches; %.0f samples taken "
                            + "into cycles (0 twice), outputs unchanged (%d cycles), %d dead letters (all duplicates); "
                            + "caught up %.1f s after the restart%n", (long) replayed, batchesReplayed,
                    meters.counter("cellfloor.streams.samples.accepted").count(), after.get(Topics.CYCLES).size(), reasons.size(), recoverySeconds);
        }
    }

    private static List<String> reasons(final List<String> deadLetters, final SchemaRegistryClient client,
                                        final Map<String, String> registry) {
        final var deserializer = CellfloorSerdes.value(DeadLetter.class, client, registry).deserializer();
        final List<String> out = new ArrayList<>();
        for (final String r : deadLetters) {
            final byte[] value = HexFormat.of().parseHex(r.substring(r.indexOf('=') + 1));
            out.add(deserializer.deserialize(Topics.DEAD_LETTER, value).getReason().toString());
        }
        return out;
    }

    private static void deleteRecursively(final Path root) throws java.io.IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (final Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
