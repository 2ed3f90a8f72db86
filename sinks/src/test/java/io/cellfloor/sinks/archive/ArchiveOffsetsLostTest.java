package io.cellfloor.sinks.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cellfloor.avro.CellTest;
import io.cellfloor.avro.SampleBatch;
import io.cellfloor.embedded.KafkaAndRegistryExtension;
import io.cellfloor.ingest.SimulatedSource;
import io.cellfloor.ingest.agent.AgentSettings;
import io.cellfloor.ingest.agent.StationAgent;
import io.cellfloor.schema.registry.HttpSchemaRegistryClient;
import io.cellfloor.schema.registry.RegistryConfig;
import io.cellfloor.schema.registry.SchemaRegistryClient;
import io.cellfloor.schema.serde.CellfloorSerdes;
import io.cellfloor.sim.FloorPlan;
import io.cellfloor.sim.Pacing;
import io.cellfloor.sim.SimulatedFloor;
import io.cellfloor.streams.app.TopicPlan;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive's history does not depend on its consumer group: the group's offsets are deleted (as by expiry,
 * an offset reset or an operator) and the archive restarted, and a second writer with another group id is pointed at
 * the same directory. Neither may delete a published file nor write a row twice; both resume where the files end.
 */
class ArchiveOffsetsLostTest {
    @RegisterExtension
    static final KafkaAndRegistryExtension PLATFORM = KafkaAndRegistryExtension.withTopics(TopicPlan.topics(2, 1));
    private static final String SAMPLES = ArchiveTopic.SAMPLES.topic();
    private static final Set<TopicPartition> PARTITIONS =
            Set.of(new TopicPartition(SAMPLES, 0), new TopicPartition(SAMPLES, 1));
    @TempDir
    Path dir;

    @Test
    void shouldKeepEveryFileAndWriteNoRowTwiceWhenTheGroupOffsetsAreDeletedOrAnotherGroupWrites() throws Exception {
        final Map<String, String> registry = Map.of(RegistryConfig.URL, PLATFORM.registryUrl());
        final SchemaRegistryClient client = new HttpSchemaRegistryClient(RegistryConfig.fromMap(registry));
        final Deserializer<SampleBatch> batches = CellfloorSerdes.value(SampleBatch.class, client, registry)
                .deserializer();
        final Path archive = dir.resolve("archive");
        publishFloor(client, registry, 7);
        final ArchiveSettings first = settings(archive, "cellfloor-archive");
        archiveEverything(first, client, registry);
        final Map<Path, Long> published = sizes(archive);
        assertThat(published).hasSizeGreaterThan(4);
        assertSameRows(archive, topicRows(batches));

        try (Admin admin = Admin.create(Map.of("bootstrap.servers", PLATFORM.bootstrapServers()))) {
            admin.deleteConsumerGroupOffsets(first.groupId(), PARTITIONS).all().get();
            assertThat(admin.listConsumerGroupOffsets(first.groupId()).partitionsToOffsetAndMetadata().get())
                    .isEmpty();
        }
        publishFloor(client, registry, 8);
        final long started = System.nanoTime();
        archiveEverything(first, client, registry);
        System.out.printf("archive after its group offsets were deleted: caught up in %.1f s%n",
                (System.nanoTime() - started) / 1e9);
        final Map<Path, Long> afterRestart = sizes(archive);
        assertThat(afterRestart).containsAllEntriesOf(published).hasSizeGreaterThan(published.size());
        final List<SpecificRecordBase> all = topicRows(batches);
        assertSameRows(archive, all);

        // another group on the same directory, while the first group has a file open
        final Path open = archive.resolve("samples/date=2026-01-01/station=s/test=t")
                .resolve(Recovery.tempName(0, 1_000_000, "cellfloor-archive"));
        Files.createDirectories(open.getParent());
        Files.writeString(open, "being written");
        archiveEverything(settings(archive, "cellfloor-archive-2"), client, registry);
        assertThat(open).exists();
        assertThat(sizes(archive)).isEqualTo(afterRestart);
        assertSameRows(archive, all);
    }

    private static void assertSameRows(final Path archive, final List<SpecificRecordBase> expected) throws Exception {
        final List<String> rows = ArchiveFiles.rows(archive.resolve("samples")).stream().map(Object::toString)
                .toList();
        assertThat(rows).hasSameSizeAs(expected)
                .containsExactlyInAnyOrderElementsOf(expected.stream().map(Object::toString).toList());
    }

    private static Map<Path, Long> sizes(final Path archive) throws Exception {
        final Map<Path, Long> out = new TreeMap<>();
        for (final Path p : ArchiveFiles.parquetFiles(archive)) {
            out.put(p, Files.getLastModifiedTime(p).toMillis() * 1_000_000 + Files.size(p));
        }
        return out;
    }

    private static ArchiveSettings settings(final Path archive, final String group) {
        final Map<String, String> s = new HashMap<>();
        s.put("bootstrap.servers", PLATFORM.bootstrapServers());
        s.put("schema.registry.url", PLATFORM.registryUrl());
        s.put("cellfloor.archive-topics", "samples");
        s.put("cellfloor.archive-group-id", group);
        s.put("cellfloor.archive-max-records", "3");
        return ArchiveSettings.parse(s, archive);
    }

    /** Runs a writer until it has read both partitions to their end, then publishes, commits and leaves. */
    private static void archiveEverything(final ArchiveSettings s, final SchemaRegistryClient client,
                                          final Map<String, String> registry) throws Exception {
        final Map<TopicPartition, Long> ends;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", PLATFORM.bootstrapServers()))) {
            final Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new HashMap<>();
            PARTITIONS.forEach(tp -> latest.put(tp, org.apache.kafka.clients.admin.OffsetSpec.latest()));
            ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
        }
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(s.consumer(), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            final ArchiveWriter writer = new ArchiveWriter(consumer,
                    Map.of(ArchiveTopic.SAMPLES, CellfloorSerdes.value(SampleBatch.class, client, registry)
                            .deserializer()), s, Clock.systemUTC(), new ArchiveMetrics(new SimpleMeterRegistry()));
            writer.subscribe();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                writer.pollOnce(Duration.ofMillis(200));
                return consumer.assignment().size() == 2 && ends.entrySet().stream()
                        .allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
            });
            writer.publishAll();
        }
    }

    private static List<SpecificRecordBase> topicRows(final Deserializer<SampleBatch> batches) {
        final List<SpecificRecordBase> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, PLATFORM.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(PARTITIONS);
            consumer.seekToBeginning(PARTITIONS);
            final Map<TopicPartition, Long> ends = consumer.endOffsets(PARTITIONS);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (final ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    out.add(batches.deserialize(r.topic(), r.headers(), r.value()));
                }
                return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
            });
        }
        return out;
    }

    private static void publishFloor(final SchemaRegistryClient client, final Map<String, String> registry,
                                     final long seed) throws Exception {
        final SimpleMeterRegistry meters = new SimpleMeterRegistry();
        final SimulatedFloor floor = new SimulatedFloor(
                FloorPlan.builder().seed(seed).stations(2).channelsPerStation(3).cycles(2).breakdowns(0).build(),
                Pacing.runToCompletion(1_767_225_600_000L));
        try (KafkaProducer<String, byte[]> producer = StationAgent.producer(PLATFORM.bootstrapServers())) {
            final StationAgent agent = new StationAgent(new SimulatedSource(floor), producer,
                    CellfloorSerdes.value(SampleBatch.class, client, registry).serializer(),
                    CellfloorSerdes.value(CellTest.class, client, registry).serializer(),
                    AgentSettings.DEFAULTS, meters, System::currentTimeMillis);
            agent.publishCellTests();
            agent.run(() -> true);
            producer.flush();
        }
    }
}
