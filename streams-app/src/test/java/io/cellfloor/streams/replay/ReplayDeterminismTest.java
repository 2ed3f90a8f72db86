package io.cellfloor.streams.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cellfloor.avro.CellTest;
import io.cellfloor.avro.SampleBatch;
import io.cellfloor.embedded.KafkaAndRegistryExtension;
import io.cellfloor.ingest.SimulatedSource;
import io.cellfloor.ingest.agent.AgentSettings;
import io.cellfloor.ingest.agent.StationAgent;
import io.cellfloor.schema.Topics;
import io.cellfloor.schema.registry.SchemaRegistryClient;
import io.cellfloor.schema.serde.CellfloorSerdes;
import io.cellfloor.sim.FloorPlan;
import io.cellfloor.sim.Pacing;
import io.cellfloor.sim.SimulatedFloor;
import io.cellfloor.streams.app.CellfloorRuntime;
import io.cellfloor.streams.app.TopicPlan;
import io.cellfloor.streams.config.StreamsAppConfig;
import io.cellfloor.streams.topology.TopologyMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replay of the whole samples topic with the live settings must reproduce the live run byte for byte: the same
 * cycle summaries and breakdown events, per channel, in the same order, in the replay's own topics.
 */
class ReplayDeterminismTest {
    private static final long T0 = 1_767_225_600_000L;
    @RegisterExtension
    static final KafkaAndRegistryExtension PLATFORM = KafkaAndRegistryExtension.withTopics(Stream.concat(
            TopicPlan.topics(2, 1).stream(), Stream.concat(ReplayTopics.newTopics("same-settings", 2).stream(),
                    ReplayTopics.newTopics("two-lanes", 2).stream())).toList());
    @TempDir
    static Path dir;

    @Test
    void shouldReproduceTheLiveCyclesAndEventsByteForByte() throws Exception {
        final StreamsAppConfig config = StreamsAppConfig.parse(Map.of(
                "bootstrap.servers", PLATFORM.bootstrapServers(),
                StreamsAppConfig.REGISTRY_URL, PLATFORM.registryUrl(),
                "application.id", "cellfloor-live",
                "state.dir", dir.resolve("streams").toString()));
        final Map<String, String> registrySettings = CellfloorRuntime.registrySettings(config);
        final SchemaRegistryClient client = runLive(config);

        final List<String> progress = new ArrayList<>();
        final Map<String, Long> written = replay(config, client, registrySettings, "same-settings", 1, progress);
        // two topologies on two threads, a partition each: every channel's outputs as on one, none lost or twice
        final Map<String, Long> writtenOnTwo = replay(config, client, registrySettings, "two-lanes", 2,
                new ArrayList<>());

        final Map<String, String> topics = ReplayTopics.forSuffix("same-settings");
        final Map<String, List<String>> liveCycles = byKey(Topics.CYCLES);
        assertThat(liveCycles.values().stream().mapToInt(List::size).sum()).isEqualTo(24);
        assertThat(liveCycles.keySet()).hasSize(6);
        // the default partitioner puts the channels on both partitions, so each of the two lanes had some
        assertThat(liveCycles.keySet().stream().map(k -> Utils.toPositive(Utils.murmur2(
                k.getBytes(java.nio.charset.StandardCharsets.UTF_8))) % 2).distinct()).hasSize(2);
        assertThat(byKey(topics.get(Topics.CYCLES))).isEqualTo(liveCycles);
        assertThat(byKey(topics.get(Topics.BREAKDOWN_EVENTS))).isEqualTo(byKey(Topics.BREAKDOWN_EVENTS));
        assertThat(byKey(topics.get(Topics.STAGE_CHANGES))).isEqualTo(byKey(Topics.STAGE_CHANGES));
        assertThat(written.get(topics.get(Topics.CYCLES))).isEqualTo(24);
        assertThat(progress).last().asString().contains("100.0 %");
        final Map<String, String> twoLanes = ReplayTopics.forSuffix("two-lanes");
        assertThat(byKey(twoLanes.get(Topics.CYCLES))).isEqualTo(liveCycles);
        assertThat(byKey(twoLanes.get(Topics.BREAKDOWN_EVENTS))).isEqualTo(byKey(Topics.BREAKDOWN_EVENTS));
        assertThat(byKey(twoLanes.get(Topics.STAGE_CHANGES))).isEqualTo(byKey(Topics.STAGE_CHANGES));
        assertThat(byKey(twoLanes.get(Topics.CHANNEL_STATUS))).isEqualTo(byKey(topics.get(Topics.CHANNEL_STATUS)));
        assertThat(writtenOnTwo.values()).containsExactlyElementsOf(written.values());
    }

    private static Map<String, Long> replay(final StreamsAppConfig config, final SchemaRegistryClient client,
                                            final Map<String, String> registrySettings, final String suffix,
                                            final int threads, final List<String> progress) throws Exception {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, PLATFORM.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                new ByteArrayDeserializer());
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, PLATFORM.bootstrapServers()), new StringSerializer(),
                     new ByteArraySerializer())) {
            // the window is in sample time: it ends long before the batches arrived (append time), yet holds them all
            return new Replayer(consumer, producer, client, registrySettings, config.topology(),
                    Clock.systemUTC(), progress::add, threads).replay(new ReplayRequest(Instant.ofEpochMilli(0),
                    Instant.ofEpochMilli(T0).plus(Duration.ofDays(30)), Set.of(), suffix));
        }
    }

    /** Every value of a topic as Base64, per key, in offset order. */
    private static Map<String, List<String>> byKey(final String topic) {
        final Map<String, List<String>> out = new TreeMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, PLATFORM.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            final List<TopicPartition> parts = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            final Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (final ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    out.computeIfAbsent(r.key(), k -> new ArrayList<>())
                            .add(Base64.getEncoder().encodeToString(r.value()));
                }
                return parts.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
            });
        }
        return out;
    }

    /** Runs the live app over the floor until every cycle is out; returns its registry client. */
    private static SchemaRegistryClient runLive(final StreamsAppConfig config) throws Exception {
        final SimpleMeterRegistry meters = new SimpleMeterRegistry();
        final TopologyMetrics metrics = new TopologyMetrics(meters);
        final SimulatedFloor floor = new SimulatedFloor(
                FloorPlan.builder().seed(7).stations(2).channelsPerStation(3).cycles(4).breakdowns(1).build(),
                Pacing.runToCompletion(T0));
        try (CellfloorRuntime streams = CellfloorRuntime.of(config).meters(meters).metrics(metrics).start();
             KafkaProducer<String, byte[]> producer = StationAgent.producer(PLATFORM.bootstrapServers())) {
            final SchemaRegistryClient client = streams.registryClient();
            final Map<String, String> registrySettings = streams.registrySettings();
            final StationAgent agent = new StationAgent(new SimulatedSource(floor), producer,
                    CellfloorSerdes.value(SampleBatch.class, client, registrySettings).serializer(),
                    CellfloorSerdes.value(CellTest.class, client, registrySettings).serializer(),
                    AgentSettings.DEFAULTS, meters, System::currentTimeMillis);
            agent.publishCellTests();
            agent.run(() -> true);
            await().atMost(Duration.ofSeconds(90)).until(() -> metrics.samplesIn()
                    >= meters.counter("cellfloor.agent.samples.published").count()
                    && meters.counter("cellfloor.streams.cycles.closed").count() >= 24);
            streams.close();
            return client;
        }
    }
}
