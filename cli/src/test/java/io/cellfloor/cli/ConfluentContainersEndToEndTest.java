package io.cellfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.cellfloor.avro.CellTest;
import io.cellfloor.avro.CycleSummary;
import io.cellfloor.avro.HalfCycleSummary;
import io.cellfloor.avro.SampleBatch;
import io.cellfloor.ingest.SimulatedSource;
import io.cellfloor.ingest.agent.AgentSettings;
import io.cellfloor.ingest.agent.StationAgent;
import io.cellfloor.schema.Topics;
import io.cellfloor.schema.registry.HttpSchemaRegistryClient;
import io.cellfloor.schema.registry.RegistryConfig;
import io.cellfloor.schema.registry.SchemaRegistryClient;
import io.cellfloor.schema.serde.CellfloorSerdes;
import io.cellfloor.sim.ChannelTruth;
import io.cellfloor.sim.EventType;
import io.cellfloor.sim.FloorPlan;
import io.cellfloor.sim.Pacing;
import io.cellfloor.sim.SimulatedFloor;
import io.cellfloor.sim.TruthCycle;
import io.cellfloor.sim.TruthHalfCycle;
import io.cellfloor.streams.app.CellfloorRuntime;
import io.cellfloor.streams.app.TopicPlan;
import io.cellfloor.streams.config.StreamsAppConfig;
import io.cellfloor.streams.topology.TopologyMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;

/**
 * The whole product against the parts a site runs, not our stand-ins: Apache Kafka's own image and Confluent's
 * schema registry (the embedded broker and the Apicurio-based registry cover every other test). A simulated floor
 * goes through a station agent and the real topology; the cycle summaries on {@link Topics#CYCLES} must match the
 * simulator's ground truth.
 *
 * <p>Needs a Docker engine. Where none answers, {@code disabledWithoutDocker} reports the class as skipped before
 * any container, topic or client is created, so the build stays fast and green on machines without Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
class ConfluentContainersEndToEndTest {
    /** Kept in step with docker-compose.yml. */
    private static final DockerImageName KAFKA_IMAGE = DockerImageName.parse("apache/kafka:4.3.1");
    private static final DockerImageName REGISTRY_IMAGE =
            DockerImageName.parse("confluentinc/cp-schema-registry:8.3.1");
    private static final String KAFKA_ALIAS = "kafka";
    /** The listener other containers on the network use; the test itself uses the mapped host port. */
    private static final String KAFKA_INTERNAL_LISTENER = KAFKA_ALIAS + ":19092";
    private static final int REGISTRY_PORT = 8081;
    private static final int PARTITIONS = 3;
    private static final double CAPACITY_TOLERANCE = 0.001;
    private static final Duration CYCLES_TIMEOUT = Duration.ofMinutes(3);

    private static Network network;
    private static KafkaContainer kafka;
    private static GenericContainer<?> registry;

    @BeforeAll
    static void startContainers() {
        network = Network.newNetwork();
        kafka = new KafkaContainer(KAFKA_IMAGE)
                .withNetwork(network)
                .withNetworkAliases(KAFKA_ALIAS)
                .withListener(KAFKA_INTERNAL_LISTENER);
        registry = new GenericContainer<>(REGISTRY_IMAGE)
                .withNetwork(network)
                .withNetworkAliases("schema-registry")
                .withExposedPorts(REGISTRY_PORT)
                .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
                .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:" + REGISTRY_PORT)
                .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://" + KAFKA_INTERNAL_LISTENER)
                // one broker: the registry's _schemas topic cannot have the default three replicas
                .withEnv("SCHEMA_REGISTRY_KAFKASTORE_TOPIC_REPLICATION_FACTOR", "1")
                .dependsOn(kafka)
                .waitingFor(Wait.forHttp("/subjects").forStatusCode(200)
                        .withStartupTimeout(Duration.ofMinutes(2)));
        Startables.deepStart(kafka, registry).join();
    }

    @AfterAll
    static void stopContainers() {
        // reverse order of start; the network goes last, once nothing is attached to it
        if (registry != null) {
            registry.stop();
        }
        if (kafka != null) {
            kafka.stop();
        }
        if (network != null) {
            network.close();
        }
    }

    @Test
    void shouldReproduceTheSimulatedCyclesThroughApacheKafkaAndConfluentRegistry(@TempDir final Path stateDir)
            throws Exception {
        assertFloorReproduced(kafka.getBootstrapServers(),
                "http://" + registry.getHost() + ":" + registry.getMappedPort(REGISTRY_PORT), stateDir);
    }

    /** Creates the topics, runs the floor through the agent and the topology, and checks cycles against truth. */
    private static void assertFloorReproduced(final String bootstrap, final String registryUrl, final Path stateDir)
            throws Exception {
        createTopics(bootstrap);

        final StreamsAppConfig config = StreamsAppConfig.parse(Map.of(
                "bootstrap.servers", bootstrap,
                StreamsAppConfig.REGISTRY_URL, registryUrl,
                "application.id", "cellfloor-containers-e2e",
                "state.dir", stateDir.resolve("streams").toString()));
        final Map<String, String> registrySettings = RegistryConfig.settings(config.registry(), config.registryUrl());
        final SchemaRegistryClient client = new HttpSchemaRegistryClient(RegistryConfig.fromMap(registrySettings));
        final SimpleMeterRegistry meters = new SimpleMeterRegistry();
        final TopologyMetrics topologyMetrics = new TopologyMetrics(meters);
        final Clock clock = Clock.systemUTC();
        // simulated time starts a day back: Kafka 4 rejects records stamped more than an hour ahead by default,
        // and a run-to-completion floor covers hours of cycling within seconds
        final SimulatedFloor floor = new SimulatedFloor(
                FloorPlan.builder().stations(1).channelsPerStation(3).cycles(3).breakdowns(0).build(),
                Pacing.runToCompletion(clock.millis() - Duration.ofDays(1).toMillis()));

        try (CellfloorRuntime streams = CellfloorRuntime.of(config).meters(meters).metrics(topologyMetrics).start();
             KafkaProducer<String, byte[]> producer = producer(bootstrap);
             KafkaConsumer<String, CycleSummary> consumer = cyclesConsumer(bootstrap,
                     CellfloorSerdes.value(CycleSummary.class, client, registrySettings).deserializer())) {
            assertThat(streams.apps().awaitRunning(Duration.ofMinutes(1)))
                    .as("streams apps RUNNING (detection %s, views %s, failure %s)", streams.apps().detection().state(),
                            streams.apps().views().state(), streams.failure()).isTrue();

            final StationAgent agent = new StationAgent(new SimulatedSource(floor), producer,
                    CellfloorSerdes.value(SampleBatch.class, client, registrySettings).serializer(),
                    CellfloorSerdes.value(CellTest.class, client, registrySettings).serializer(),
                    AgentSettings.DEFAULTS, meters, clock::millis);
            agent.publishCellTests();
            agent.run(() -> true);

            final Map<String, ChannelTruth> truth = floor.truth();
            final int expectedCycles = truth.values().stream().mapToInt(t -> t.cycles().size()).sum();
            final Map<String, List<CycleSummary>> cycles = new TreeMap<>();
            await("every simulated cycle on " + Topics.CYCLES).atMost(CYCLES_TIMEOUT)
                    .pollInterval(Duration.ofMillis(200))
                    .failFast("the streams app failed", () -> streams.failure() != null)
                    .until(() -> {
                        for (final ConsumerRecord<String, CycleSummary> r : consumer.poll(Duration.ofMillis(200))) {
                            cycles.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.value());
                        }
                        return cycles.values().stream().mapToInt(List::size).sum() >= expectedCycles;
                    });

            assertThat(topologyMetrics.deadLetters()).as("dead letters").isZero();
            assertThat(topologyMetrics.samplesIn())
                    .isEqualTo(meters.counter("cellfloor.agent.samples.published").count());
            assertThat(cycles.keySet()).isEqualTo(truth.keySet());
            truth.values().forEach(channel -> assertMatchesTruth(channel, cycles.get(channel.channelId())));
        }
    }

    private static void assertMatchesTruth(final ChannelTruth truth, final List<CycleSummary> actual) {
        final String channel = truth.channelId();
        final List<CycleSummary> sorted = actual.stream()
                .sorted(Comparator.comparingInt(CycleSummary::getCycleNumber)).toList();
        assertThat(sorted).as("%s cycles", channel).hasSameSizeAs(truth.cycles());
        for (int k = 0; k < sorted.size(); k++) {
            final CycleSummary summary = sorted.get(k);
            final TruthCycle expected = truth.cycles().get(k);
            assertThat(summary.getCycleNumber()).as("%s cycle number", channel).isEqualTo(expected.cycle());
            assertThat(summary.getCellTestKnown()).as("%s cycle %d cell test known", channel, k + 1).isTrue();
            if (hasLoggingGap(truth, expected)) {
                continue; // the assembler flags a logging gap (or data ending in one) rather than integrating across
            }
            assertThat(summary.getComplete()).as("%s cycle %d complete", channel, k + 1).isTrue();
            assertHalfCycle(channel + " cycle " + (k + 1) + " charge", summary.getCharge(), expected.charge());
            assertHalfCycle(channel + " cycle " + (k + 1) + " discharge", summary.getDischarge(),
                    expected.discharge());
        }
    }

    private static void assertHalfCycle(final String what, final HalfCycleSummary actual,
                                        final TruthHalfCycle expected) {
        assertThat(actual).as(what).isNotNull();
        assertThat(actual.getCapacityMAh()).as(what + " capacity (mAh)")
                .isCloseTo(expected.capacityMAh(), within(expected.capacityMAh() * CAPACITY_TOLERANCE));
        assertThat(actual.getEndReason().name()).as(what + " end reason").isEqualTo(expected.endReason().name());
    }

    private static boolean hasLoggingGap(final ChannelTruth truth, final TruthCycle cycle) {
        return truth.events().stream()
                .anyMatch(e -> e.type() == EventType.LOGGING_GAP && e.cycle() == cycle.cycle());
    }

    private static void createTopics(final String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(TopicPlan.topics(PARTITIONS, 1)).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static KafkaProducer<String, byte[]> producer(final String bootstrap) {
        return StationAgent.producer(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.CLIENT_ID_CONFIG, "cellfloor-containers-e2e-agent"));
    }

    /** Reads every partition of the cycles topic from the start, committed transactions only (the app is EOS). */
    private static KafkaConsumer<String, CycleSummary> cyclesConsumer(
            final String bootstrap, final Deserializer<CycleSummary> values) {
        final KafkaConsumer<String, CycleSummary> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), values);
        final List<TopicPartition> partitions = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            partitions.add(new TopicPartition(Topics.CYCLES, p));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }
}
