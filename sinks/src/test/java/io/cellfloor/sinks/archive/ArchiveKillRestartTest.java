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
import io.cellfloor.streams.app.CellfloorRuntime;
import io.cellfloor.streams.app.TopicPlan;
import io.cellfloor.streams.config.StreamsAppConfig;
import io.cellfloor.streams.topology.TopologyMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive on the real broker and registry, fed by the station agent and the streams app: a writer dies between
 * publishing files and committing, leaving temp files mid-write and published-but-uncommitted files behind, and is
 * abandoned without closing; a new writer takes over. The archive must then equal every topic row for row.
 */
class ArchiveKillRestartTest {
    @RegisterExtension
    static final KafkaAndRegistryExtension PLATFORM = KafkaAndRegistryExtension.withTopics(TopicPlan.topics(2, 1));
    @TempDir
    static Path dir;

    @Test
    void shouldLeaveNeitherDuplicatesNorHolesWhenAWriterDiesBetweenPublishAndCommit() throws Exception {
        final Map<String, String> registrySettings = Map.of(RegistryConfig.URL, PLATFORM.registryUrl());
        final SchemaRegistryClient client = new HttpSchemaRegistryClient(RegistryConfig.fromMap(registrySettings));
        publishFloorAndRunStreams(client, registrySettings);
        final Map<ArchiveTopic, List<SpecificRecordBase>> expected = readTopics(client, registrySettings);
        assertThat(expected.get(ArchiveTopic.CYCLES)).hasSize(24);

        final Path archive = dir.resolve("archive");
        final Map<String, String> settings = new HashMap<>();
        settings.put("bootstrap.servers", PLATFORM.bootstrapServers());
        settings.put("schema.registry.url", PLATFORM.registryUrl());
        settings.put("cellfloor.archive-max-records", "5");
        settings.put("max.poll.records", "7");
        settings.put("max.poll.interval.ms", "8000");
        settings.put("session.timeout.ms", "6000");
        final ArchiveSettings s = ArchiveSettings.parse(settings, archive);
        final ArchiveMetrics metrics = new ArchiveMetrics(new SimpleMeterRegistry());

        // the first writer dies at its third commit: files published, offsets not committed, other files half-written
        final AtomicInteger commits = new AtomicInteger();
        final KafkaConsumer<String, byte[]> abandoned = consumer(s);
        final ArchiveWriter first = new ArchiveWriter(abandoned, deserializers(client, registrySettings), s,
                Clock.systemUTC(), metrics, () -> {
                    if (commits.incrementAndGet() == 3) {
                        throw new IllegalStateException("simulated crash between publish and commit");
                    }
                });
        first.subscribe();
        boolean crashed = false;
        while (!crashed) {
            try {
                first.pollOnce(Duration.ofMillis(200));
            } catch (IllegalStateException e) {
                crashed = true;
            }
        }
        assertThat(ArchiveFiles.parquetFiles(archive)).isNotEmpty();
        assertThat(committed(s.groupId())).isLessThan(afterLastRecords);

        // a new writer in the same group, as after a restart; the dead one is never closed
        final ArchiveMetrics metrics2 = new ArchiveMetrics(new SimpleMeterRegistry());
        try (KafkaConsumer<String, byte[]> consumer = consumer(s)) {
            final ArchiveWriter second = new ArchiveWriter(consumer, deserializers(client, registrySettings), s,
                    Clock.systemUTC(), metrics2);
            second.subscribe();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                second.pollOnce(Duration.ofMillis(200));
                return consumer.assignment().size() == 8 && consumer.assignment().stream()
                        .mapToLong(consumer::position).sum() >= endOffsets;
            });
            second.publishAll();
        }
        // offsets, not records: the streams app's transaction markers take offsets too
        assertThat(committed(s.groupId())).isBetween(afterLastRecords, endOffsets);

        try (Stream<Path> all = Files.walk(archive)) {
            assertThat(all.filter(p -> p.toString().endsWith(".tmp")).toList()).isEmpty();
        }
        for (final ArchiveTopic t : ArchiveTopic.values()) {
            // compared as Avro JSON, every field: nested records come back from Parquet as equal values but not
            // always as the same Java types, which SpecificRecord.equals does not forgive
            final List<String> archived = ArchiveFiles.rows(archive.resolve(t.dir())).stream().map(Object::toString)
                    .toList();
            assertThat(archived).as(t.dir()).hasSameSizeAs(expected.get(t))
                    .containsExactlyInAnyOrderElementsOf(expected.get(t).stream().map(Object::toString).toList());
        }
        assertThat(ArchiveFiles.parquetFiles(archive.resolve("samples")).get(0).toString())
                .matches(".*/samples/date=\\d{4}-\\d{2}-\\d{2}/station=[^/]+/test=[^/]+"
                        + "/part-\\d-\\d{20}-\\d{20}\\.parquet");
        assertThat(metrics2.files(ArchiveTopic.SAMPLES)).isPositive();
        assertThat(metrics2.bytes(ArchiveTopic.SAMPLES)).isPositive();
        assertThat(metrics2.lag()).isZero();
        report(archive, expected);
    }

    /** Sizes for the README's retention arithmetic: Kafka bytes and Parquet bytes per sample. */
    private static void report(final Path archive, final Map<ArchiveTopic, List<SpecificRecordBase>> expected)
            throws IOException {
        long samples = 0;
        for (final SpecificRecordBase r : expected.get(ArchiveTopic.SAMPLES)) {
            samples += ((SampleBatch) r).getTimestampMs().size();
        }
        long parquet = 0;
        for (final Path p : ArchiveFiles.parquetFiles(archive.resolve("samples"))) {
            parquet += Files.size(p);
        }
        System.out.printf("archive: %d sample batches, %d samples, %d Kafka value bytes (%.1f per sample),"
                        + " %d Parquet bytes in %d files (%.1f per sample)%n",
                expected.get(ArchiveTopic.SAMPLES).size(), samples, sampleBytes, (double) sampleBytes / samples,
                parquet, ArchiveFiles.parquetFiles(archive.resolve("samples")).size(), (double) parquet / samples);
    }

    private static long sampleBytes;
    private static long endOffsets;
    private static long afterLastRecords;

    private static KafkaConsumer<String, byte[]> consumer(final ArchiveSettings s) {
        return new KafkaConsumer<>(s.consumer(), new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static Map<ArchiveTopic, Deserializer<? extends SpecificRecordBase>> deserializers(
            final SchemaRegistryClient client, final Map<String, String> registrySettings) {
        final Map<ArchiveTopic, Deserializer<? extends SpecificRecordBase>> out = new EnumMap<>(ArchiveTopic.class);
        for (final ArchiveTopic t : ArchiveTopic.values()) {
            out.put(t, CellfloorSerdes.value(t.type(), client, registrySettings).deserializer());
        }
        return out;
    }

    private static long committed(final String group) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", PLATFORM.bootstrapServers()))) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().values().stream()
                    .mapToLong(OffsetAndMetadata::offset).sum();
        }
    }

    private static Map<ArchiveTopic, List<SpecificRecordBase>> readTopics(final SchemaRegistryClient client,
                                                                      final Map<String, String> registrySettings)
            throws Exception {
        final Map<ArchiveTopic, List<SpecificRecordBase>> out = new EnumMap<>(ArchiveTopic.class);
        final Map<ArchiveTopic, Deserializer<? extends SpecificRecordBase>> des = deserializers(client, registrySettings);
        for (final ArchiveTopic t : ArchiveTopic.values()) {
            out.put(t, new ArrayList<>());
        }
        final Map<TopicPartition, Long> ends = new HashMap<>();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", PLATFORM.bootstrapServers()))) {
            final Map<TopicPartition, OffsetSpec> spec = new HashMap<>();
            for (final ArchiveTopic t : ArchiveTopic.values()) {
                for (int p = 0; p < 2; p++) {
                    spec.put(new TopicPartition(t.topic(), p), OffsetSpec.latest());
                }
            }
            admin.listOffsets(spec, new org.apache.kafka.clients.admin.ListOffsetsOptions(
                    org.apache.kafka.common.IsolationLevel.READ_COMMITTED)).all().get()
                    .forEach((tp, info) -> ends.put(tp, info.offset()));
            endOffsets = ends.values().stream().mapToLong(Long::longValue).sum();
        }
        final Map<TopicPartition, Long> lastRecord = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, PLATFORM.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(ends.keySet());
            consumer.seekToBeginning(ends.keySet());
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (final ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    final ArchiveTopic t = ArchiveTopic.of(r.topic());
                    lastRecord.put(new TopicPartition(r.topic(), r.partition()), r.offset() + 1);
                    out.get(t).add(des.get(t).deserialize(r.topic(), r.headers(), r.value()));
                    if (t == ArchiveTopic.SAMPLES) {
                        sampleBytes += r.serializedValueSize();
                    }
                }
                return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
            });
        }
        afterLastRecords = lastRecord.values().stream().mapToLong(Long::longValue).sum();
        return out;
    }

    private static void publishFloorAndRunStreams(final SchemaRegistryClient client,
                                                  final Map<String, String> registrySettings) throws Exception {
        final StreamsAppConfig config = StreamsAppConfig.parse(Map.of(
                "bootstrap.servers", PLATFORM.bootstrapServers(),
                StreamsAppConfig.REGISTRY_URL, PLATFORM.registryUrl(),
                "application.id", "cellfloor-archive-test",
                "state.dir", dir.resolve("streams").toString()));
        final SimpleMeterRegistry meters = new SimpleMeterRegistry();
        final TopologyMetrics metrics = new TopologyMetrics(meters);
        final SimulatedFloor floor = new SimulatedFloor(
                FloorPlan.builder().seed(7).stations(2).channelsPerStation(3).cycles(4).breakdowns(1).build(),
                Pacing.runToCompletion(1_767_225_600_000L));
        try (CellfloorRuntime streams = CellfloorRuntime.of(config).meters(meters).metrics(metrics).start();
             KafkaProducer<String, byte[]> producer = StationAgent.producer(PLATFORM.bootstrapServers())) {
            final StationAgent agent = new StationAgent(new SimulatedSource(floor), producer,
                    CellfloorSerdes.value(SampleBatch.class, client, registrySettings).serializer(),
                    CellfloorSerdes.value(CellTest.class, client, registrySettings).serializer(),
                    AgentSettings.DEFAULTS, meters, System::currentTimeMillis);
            agent.publishCellTests();
            agent.run(() -> true);
            await().atMost(Duration.ofSeconds(90)).until(() -> metrics.samplesIn()
                    >= meters.counter("cellfloor.agent.samples.published").count() && cyclesOut(meters) >= 24);
            streams.close();
        }
    }

    private static double cyclesOut(final SimpleMeterRegistry meters) {
        return meters.find("cellfloor.streams.cycles.closed").counters().stream().mapToDouble(c -> c.count()).sum();
    }
}
