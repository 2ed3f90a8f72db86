package io.cellfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cellfloor.embedded.EmbeddedKafkaCluster;
import io.cellfloor.embedded.KafkaAndRegistryExtension;
import io.cellfloor.embedded.RegistryProcess;
import io.cellfloor.schema.Topics;
import io.cellfloor.schema.registry.SchemaRegistryClient;
import io.cellfloor.streams.app.CellfloorRuntime;
import io.cellfloor.streams.app.TopicPlan;
import io.cellfloor.streams.config.StreamsAppConfig;
import io.cellfloor.streams.topology.TopologyMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One broker of three is stopped: the leader of the samples partition the first channel's batches go to, with every
 * topic (the app's internal ones too) at replication factor 3 and min ISR 2, so producers with acks=all and the
 * exactly-once app go on with the two left. Every output topic, read committed, must hold for these channels exactly
 * what an uninterrupted run of the same files left there.
 */
class LeaderLossEndToEndTest {
    private static final String APP = "cellfloor-leader-loss";
    private static final int CHANNELS = 3;
    private static final int ROWS = 4_000;
    private static final int PARTITIONS = 3;

    @TempDir
    static Path dir;
    static EmbeddedKafkaCluster kafka;
    static RegistryProcess registryProcess;

    @BeforeAll
    static void start() {
        kafka = EmbeddedKafkaCluster.threeBrokers(dir.resolve("kafka")).start();
        registryProcess = RegistryProcess.start(dir.resolve("registry"));
        final List<NewTopic> topics = TopicPlan.topics(PARTITIONS, 3).stream()
                .map(KafkaAndRegistryExtension::keptForever).toList();
        topics.forEach(t -> t.configs().put("min.insync.replicas", "2"));
        kafka.createTopics(topics.toArray(NewTopic[]::new));
    }

    @AfterAll
    static void stop() {
        if (registryProcess != null) {
            registryProcess.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void shouldGiveTheOutputsOfAnUninterruptedRunWhenTheSamplesLeaderIsStopped() throws Exception {
        final SimpleMeterRegistry meters = new SimpleMeterRegistry();
        final TopologyMetrics metrics = new TopologyMetrics(meters);
        final String bootstrap = kafka.bootstrapServers();
        try (CellfloorRuntime streams = CellfloorRuntime.of(StreamsAppConfig.parse(Map.of(
                "bootstrap.servers", bootstrap,
                StreamsAppConfig.REGISTRY_URL, registryProcess.url(),
                "application.id", APP,
                "replication.factor", "3",
                "state.dir", dir.resolve("streams").toString()))).meters(meters).metrics(metrics).start();
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            final SchemaRegistryClient client = streams.registryClient();
            final Map<String, String> registry = streams.registrySettings();

            FaultRun.referenceRun(dir, bootstrap, client, registry, CHANNELS, ROWS, APP);

            final Path in = Files.createDirectories(dir.resolve("out-in"));
            for (int c = 1; c <= CHANNELS; c++) {
                FaultRun.appendCsv(in.resolve("out-ch" + c + ".csv"), 1, ROWS / 2, c);
            }
            final int partition = Utils.toPositive(Utils.murmur2("out-ch1".getBytes(StandardCharsets.UTF_8)))
                    % PARTITIONS;
            final int leader = brokerIndex(samplesPartition(admin, partition).leader().id());
            final double recovery;
            try (FaultRun.Agent agent = new FaultRun.Agent(in, dir.resolve("out-agent"), bootstrap, client,
                    registry, true, Duration.ofMillis(200));
                 FaultRun.Following following = new FaultRun.Following(agent)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> agent.published() >= CHANNELS * ROWS / 2.0);
                kafka.stopBroker(leader);
                final long stoppedAt = System.nanoTime();
                for (int c = 1; c <= CHANNELS; c++) {
                    FaultRun.appendCsv(in.resolve("out-ch" + c + ".csv"), ROWS / 2 + 1, ROWS, c);
                }
                await().atMost(Duration.ofSeconds(120)).until(() ->
                        agent.published() == CHANNELS * ROWS && agent.drainer.drained());
                CommittedOutputs.awaitCaughtUp(bootstrap, APP, Duration.ofSeconds(180));
                recovery = (System.nanoTime() - stoppedAt) / 1e9;
                assertThat(samplesPartition(admin, partition).leader().id()).as("a new leader")
                        .isNotEqualTo(kafka.brokerNodeId(leader));
            }
            kafka.startBroker(leader);
            assertThat(streams.failure()).isNull();
            final Map<String, Integer> compared = CommittedOutputs.assertSameAsUninterrupted(bootstrap, "ref-ch",
                    "out-ch", client, registry);
            System.out.println("leader loss: records compared with the uninterrupted run " + compared);
            assertThat(CommittedOutputs.read(bootstrap, Topics.DEAD_LETTER)).isEmpty();
            final double taken = FaultRun.assertEverySampleTaken(meters, 2 * CHANNELS * ROWS);
            System.out.printf("leader of samples partition %d (broker %d) stopped: %d samples in each run, %.0f "
                            + "taken in (%.0f again after aborted transactions), %d cycles in all, 0 dead letters; "
                            + "all sent and processed %.1f s after the stop%n", partition, kafka.brokerNodeId(leader),
                    CHANNELS * ROWS, taken, taken - 2 * CHANNELS * ROWS,
                    CommittedOutputs.read(bootstrap, Topics.CYCLES).size(), recovery);
        }
    }

    private static TopicPartitionInfo samplesPartition(final Admin admin, final int partition) throws Exception {
        return admin.describeTopics(List.of(Topics.SAMPLES)).allTopicNames().get(30, TimeUnit.SECONDS)
                .get(Topics.SAMPLES).partitions().get(partition);
    }

    private static int brokerIndex(final int nodeId) {
        for (int index = 0; index < kafka.brokerCount(); index++) {
            if (kafka.brokerNodeId(index) == nodeId) {
                return index;
            }
        }
        throw new AssertionError("no broker has node id " + nodeId);
    }
}
