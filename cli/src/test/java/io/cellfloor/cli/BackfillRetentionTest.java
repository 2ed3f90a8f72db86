package io.cellfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellfloor.avro.CellTest;
import io.cellfloor.avro.CycleSummary;
import io.cellfloor.avro.SampleBatch;
import io.cellfloor.embedded.KafkaAndRegistryExtension;
import io.cellfloor.ingest.FileSource;
import io.cellfloor.ingest.agent.AgentSettings;
import io.cellfloor.ingest.agent.StationAgent;
import io.cellfloor.ingest.format.ReaderOptions;
import io.cellfloor.schema.Topics;
import io.cellfloor.schema.registry.SchemaRegistryClient;
import io.cellfloor.schema.serde.CellfloorSerdes;
import io.cellfloor.streams.app.CellfloorRuntime;
import io.cellfloor.streams.app.TopicPlan;
import io.cellfloor.streams.config.StreamsAppConfig;
import io.cellfloor.streams.query.AvroMaps;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's backfill fault: a cycler file stamped in 2022 is published through the station agent to a broker that
 * checks retention every second, on topics kept for only 5 minutes. The samples and the streams app's outputs carry
 * 2022 times in their payload but are stamped with their arrival ({@link TopicPlan#APPEND_TIME}), so the retention
 * check deletes none of them: the cycles read back read_committed after several checks equal {@code analyze}'s for
 * the same file, the run with no Kafka at all. A control topic with the old create-time stamping shows that the
 * check ran and would have deleted a backfilled record.
 *
 * <p>File: neware_uio.csv from jepegit/cellpy (MIT); see the MANIFEST in the data folder.
 */
class BackfillRetentionTest {
    private static final String STATION = "offline"; // the station analyze names its files' channels under
    // longer than the test runs (the records arrive within it), years shorter than the file's age
    private static final String RETENTION_MS = "300000";
    private static final String CONTROL = "cellfloor.test.backfill-control";

    @RegisterExtension
    static final KafkaAndRegistryExtension PLATFORM = KafkaAndRegistryExtension.withTopics(shortRetention())
            .withBrokerConfigs(Map.of("log.retention.check.interval.ms", "1000"));
    @TempDir
    static Path dir;

    @Test
    void shouldKeepEveryBackfilledBatchAndCycleThroughTheBrokersRetentionCheck() throws Exception {
        final Path data = Path.of(System.getProperty("cellfloor.shared.data", "../../shared/data"));
        final Path neware = data.resolve("neware/neware_uio.csv");
        assumeTrue(Files.isReadable(neware), "real cycler export not found at " + data.toAbsolutePath()
                + " (../shared/data beside the clone); skipping");
        final List<String> expected = analyze(neware);
        final StreamsAppConfig config = StreamsAppConfig.parse(Map.of(
                "bootstrap.servers", PLATFORM.bootstrapServers(),
                StreamsAppConfig.REGISTRY_URL, PLATFORM.registryUrl(),
                "application.id", "cellfloor-backfill-retention",
                "state.dir", dir.resolve("streams").toString()));

        try (CellfloorRuntime streams = CellfloorRuntime.of(config).start();
             KafkaProducer<String, byte[]> producer = StationAgent.producer(PLATFORM.bootstrapServers());
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                     PLATFORM.bootstrapServers()))) {
            final SchemaRegistryClient client = streams.registryClient();
            final Map<String, String> registry = streams.registrySettings();
            publish(neware, producer, client, registry);
            final long yearAgo = System.currentTimeMillis() - Duration.ofDays(365).toMillis();
            producer.send(new ProducerRecord<>(CONTROL, null, yearAgo, "st1-ch01", new byte[]{1})).get();
            final long published = endOffsets(admin, Topics.SAMPLES).values().stream().mapToLong(Long::longValue)
                    .sum();
            assertThat(readCycles(client, registry, expected.size())).containsExactlyElementsOf(expected);

            // the control's only record is a year old by its create time: the first retention check deletes it
            await().atMost(Duration.ofSeconds(60)).until(() -> startOffsets(admin, CONTROL).values().stream()
                    .allMatch(o -> o == 1L));
            Thread.sleep(3_000); // three more checks

            assertThat(startOffsets(admin, Topics.SAMPLES)).allSatisfy((tp, o) -> assertThat(o).as(tp.toString())
                    .isZero());
            assertThat(startOffsets(admin, Topics.CYCLES)).allSatisfy((tp, o) -> assertThat(o).as(tp.toString())
                    .isZero());
            final List<ConsumerRecord<String, byte[]>> samples = readAll(Topics.SAMPLES);
            assertThat(samples).hasSize((int) published);
            assertThat(samples).allSatisfy(r -> assertThat(r.timestampType()).isEqualTo(TimestampType.LOG_APPEND_TIME));
            final SampleBatch first = CellfloorSerdes.value(SampleBatch.class, client, registry).deserializer()
                    .deserialize(Topics.SAMPLES, samples.get(0).value());
            assertThat(first.getTimestampMs().get(0)).as("the sample time stays in the payload").isLessThan(yearAgo);
            assertThat(readCycles(client, registry, expected.size())).containsExactlyElementsOf(expected);
            assertThat(streams.failure()).isNull();
        }
    }

    /** The topics of the plan with a 60 s retention where they delete by time, and the create-time control. */
    private static List<NewTopic> shortRetention() {
        final List<NewTopic> topics = new ArrayList<>();
        for (final NewTopic t : TopicPlan.topics(3, 1)) {
            final Map<String, String> configs = new HashMap<>(t.configs() == null ? Map.of() : t.configs());
            if (!"compact".equals(configs.get("cleanup.policy"))) {
                configs.put("retention.ms", RETENTION_MS);
            }
            topics.add(new NewTopic(t.name(), t.numPartitions(), t.replicationFactor()).configs(configs));
        }
        topics.add(new NewTopic(CONTROL, 1, (short) 1).configs(Map.of("retention.ms", RETENTION_MS,
                "message.timestamp.type", "CreateTime")));
        return topics;
    }

    private static List<String> analyze(final Path file) throws Exception {
        final Path out = dir.resolve("analyze");
        final int status = AnalyzeCommand.run(List.of(file.toString()), out.toString(), null, "UTC",
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(status).isZero();
        return Files.readAllLines(out.resolve(FileSource.baseName(file) + ".jsonl")).stream()
                .filter(l -> !l.isBlank()).toList();
    }

    private static void publish(final Path file, final KafkaProducer<String, byte[]> producer,
                                final SchemaRegistryClient client, final Map<String, String> registry)
            throws Exception {
        try (FileSource source = new FileSource(file, STATION, null,
                ReaderOptions.defaults().withZone(ZoneId.of("UTC")), r -> { })) {
            final StationAgent agent = new StationAgent(source, producer,
                    CellfloorSerdes.value(SampleBatch.class, client, registry).serializer(),
                    CellfloorSerdes.value(CellTest.class, client, registry).serializer(),
                    new AgentSettings(137, 1000), new SimpleMeterRegistry(), System::currentTimeMillis);
            agent.publishCellTests();
            agent.run(() -> true);
        }
        producer.flush();
    }

    /** The cycles topic from the start, read committed, each cycle as analyze writes it, in time order. */
    private static List<String> readCycles(final SchemaRegistryClient client, final Map<String, String> registry,
                                           final int expected) throws Exception {
        final ObjectMapper json = new ObjectMapper();
        final List<CycleSummary> read = new ArrayList<>();
        try (KafkaConsumer<String, CycleSummary> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, PLATFORM.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                CellfloorSerdes.value(CycleSummary.class, client, registry).deserializer())) {
            final List<TopicPartition> parts = consumer.partitionsFor(Topics.CYCLES).stream()
                    .map(p -> new TopicPartition(Topics.CYCLES, p.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> read.add(r.value()));
                return read.size() >= expected;
            });
            consumer.poll(Duration.ofSeconds(2)).forEach(r -> read.add(r.value()));
        }
        read.sort(Comparator.comparing(CycleSummary::getChannelId).thenComparing(CycleSummary::getStartMs));
        final List<String> out = new ArrayList<>();
        for (final CycleSummary c : read) {
            out.add(json.writeValueAsString(AvroMaps.of(c)));
        }
        return out;
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(final String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, PLATFORM.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            final List<TopicPartition> parts = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            final Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            final List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
                return parts.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
            });
            out.sort(Comparator.comparing((ConsumerRecord<String, byte[]> r) -> r.partition())
                    .thenComparing(ConsumerRecord::offset));
            return out;
        }
    }

    private static Map<TopicPartition, Long> startOffsets(final Admin admin, final String topic) throws Exception {
        return offsets(admin, topic, OffsetSpec.earliest());
    }

    private static Map<TopicPartition, Long> endOffsets(final Admin admin, final String topic) throws Exception {
        return offsets(admin, topic, OffsetSpec.latest());
    }

    private static Map<TopicPartition, Long> offsets(final Admin admin, final String topic, final OffsetSpec spec)
            throws Exception {
        final int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                .size();
        final Map<TopicPartition, OffsetSpec> ask = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            ask.put(new TopicPartition(topic, p), spec);
        }
        return admin.listOffsets(ask).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset(), (a, b) -> a,
                        HashMap::new));
    }
}
