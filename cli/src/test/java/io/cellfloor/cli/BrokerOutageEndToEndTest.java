package io.cellfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cellfloor.embedded.KafkaAndRegistryExtension;
import io.cellfloor.schema.Topics;
import io.cellfloor.schema.registry.SchemaRegistryClient;
import io.cellfloor.streams.app.CellfloorRuntime;
import io.cellfloor.streams.app.TopicPlan;
import io.cellfloor.streams.config.StreamsAppConfig;
import io.cellfloor.streams.topology.TopologyMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker is stopped in the middle of the files for as long as issue 15 asks (180 s) while the agent follows
 * them and the streams app runs; the files grow meanwhile. The agent keeps what it reads in its spool and sends it
 * in order once the broker is back; the streams app waits. Every output topic, read committed, must then hold for
 * these channels exactly what an uninterrupted run of the same files on other channel names left there.
 */
class BrokerOutageEndToEndTest {
    private static final String APP = "cellfloor-broker-outage";
    private static final Duration OUTAGE = Duration.ofSeconds(
            Long.getLong("cellfloor.test.brokerOutageSeconds", 180));
    private static final int CHANNELS = 3;
    private static final int ROWS = 4_000;

    @RegisterExtension
    static final KafkaAndRegistryExtension PLATFORM =
            KafkaAndRegistryExtension.withTopics(TopicPlan.topics(3, 1));
    @TempDir
    Path dir;

    @Test
    void shouldGiveTheOutputsOfAnUninterruptedRunWhenTheBrokerIsStoppedInTheMiddleOfTheFiles() throws Exception {
        final SimpleMeterRegistry meters = new SimpleMeterRegistry();
        final TopologyMetrics metrics = new TopologyMetrics(meters);
        try (CellfloorRuntime streams = CellfloorRuntime.of(StreamsAppConfig.parse(Map.of(
                "bootstrap.servers", PLATFORM.bootstrapServers(),
                StreamsAppConfig.REGISTRY_URL, PLATFORM.registryUrl(),
                "application.id", APP,
                "state.dir", dir.resolve("streams").toString()))).meters(meters).metrics(metrics).start()) {
            final SchemaRegistryClient client = streams.registryClient();
            final Map<String, String> registry = streams.registrySettings();

            FaultRun.referenceRun(dir, PLATFORM.bootstrapServers(), client, registry, CHANNELS, ROWS, APP);

            final Path in = Files.createDirectories(dir.resolve("out-in"));
            for (int c = 1; c <= CHANNELS; c++) {
                FaultRun.appendCsv(in.resolve("out-ch" + c + ".csv"), 1, ROWS / 2, c);
            }
            final double[] recovery = new double[1];
            try (FaultRun.Agent agent = new FaultRun.Agent(in, dir.resolve("out-agent"),
                    PLATFORM.bootstrapServers(), client, registry, true, Duration.ofMillis(200));
                 FaultRun.Following following = new FaultRun.Following(agent)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> agent.published() >= CHANNELS * ROWS / 2.0);
                PLATFORM.kafka().stopBroker(0);
                final long stoppedAt = System.nanoTime();
                for (int c = 1; c <= CHANNELS; c++) {
                    FaultRun.appendCsv(in.resolve("out-ch" + c + ".csv"), ROWS / 2 + 1, ROWS, c);
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> agent.read() == CHANNELS * ROWS);
                assertThat(agent.published()).as("nothing sent while the broker is down")
                        .isLessThan(CHANNELS * ROWS);
                Thread.sleep(Math.max(0, OUTAGE.toMillis() - (System.nanoTime() - stoppedAt) / 1_000_000));
                PLATFORM.kafka().startBroker(0);
                final long startedAt = System.nanoTime();
                await().atMost(Duration.ofSeconds(180)).until(() ->
                        agent.published() == CHANNELS * ROWS && agent.drainer.drained());
                CommittedOutputs.awaitCaughtUp(PLATFORM.bootstrapServers(), APP, Duration.ofSeconds(300));
                recovery[0] = (System.nanoTime() - startedAt) / 1e9;
            }
            assertThat(streams.failure()).isNull();
            final Map<String, Integer> compared = CommittedOutputs.assertSameAsUninterrupted(
                    PLATFORM.bootstrapServers(), "ref-ch", "out-ch", client, registry);
            System.out.println("broker outage: records compared with the uninterrupted run " + compared);
            final List<String> cycles = CommittedOutputs.read(PLATFORM.bootstrapServers(), Topics.CYCLES);
            assertThat(CommittedOutputs.read(PLATFORM.bootstrapServers(), Topics.DEAD_LETTER)).isEmpty();
            final double taken = FaultRun.assertEverySampleTaken(meters, 2 * CHANNELS * ROWS);
            System.out.printf("broker outage %d s: %d samples in each run, %.0f taken in (%.0f again after aborted "
                            + "transactions), %d cycles in all, 0 dead letters; agent sent and app caught up %.1f s "
                            + "after the broker was back%n", OUTAGE.toSeconds(), CHANNELS * ROWS, taken,
                    taken - 2 * CHANNELS * ROWS, cycles.size(), recovery[0]);
        }
    }
}
