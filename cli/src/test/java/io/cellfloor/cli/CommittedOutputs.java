package io.cellfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cellfloor.avro.Alert;
import io.cellfloor.avro.BreakdownEvent;
import io.cellfloor.avro.ChannelStatus;
import io.cellfloor.avro.CohortStats;
import io.cellfloor.avro.CycleSummary;
import io.cellfloor.avro.DeadLetter;
import io.cellfloor.avro.StageChange;
import io.cellfloor.schema.Topics;
import io.cellfloor.schema.registry.SchemaRegistryClient;
import io.cellfloor.schema.serde.CellfloorSerdes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * What the streams app has committed, for fault tests that compare a run with a fault against an uninterrupted one:
 * every output topic read {@code read_committed} from its start, each record as partition, key and value bytes, so a
 * duplicate is an equal string and any changed byte shows. And a wait for the app to have committed its input to the
 * end, so that "nothing more came out" is a fact and not a timeout.
 */
final class CommittedOutputs {
    /** Every topic the streams app writes. */
    static final List<String> OUTPUT_TOPICS = List.of(Topics.CYCLES, Topics.BREAKDOWN_EVENTS, Topics.STAGE_CHANGES,
            Topics.CHANNEL_STATUS, Topics.COHORTS, Topics.ALERTS, Topics.DEAD_LETTER);

    /** The value type of each output topic, to read them as text where raw bytes cannot be compared. */
    static final Map<String, Class<? extends SpecificRecord>> TYPES = Map.of(
            Topics.CYCLES, CycleSummary.class, Topics.BREAKDOWN_EVENTS, BreakdownEvent.class,
            Topics.STAGE_CHANGES, StageChange.class, Topics.CHANNEL_STATUS, ChannelStatus.class,
            Topics.COHORTS, CohortStats.class, Topics.ALERTS, Alert.class, Topics.DEAD_LETTER, DeadLetter.class);

    /** Compacted topics: the log cleaner may drop superseded records at any time, so only each key's last counts. */
    static final java.util.Set<String> COMPACTED = java.util.Set.of(Topics.CHANNEL_STATUS, Topics.COHORTS);

    private CommittedOutputs() {
    }

    /** For a compacted topic, each key's last record (keys sorted); other topics' records as they are. */
    static List<String> comparable(final String topic, final List<String> records) {
        if (!COMPACTED.contains(topic)) {
            return records;
        }
        final Map<String, String> last = new java.util.TreeMap<>();
        for (final String r : records) {
            final int eq = r.indexOf('=');
            last.put(r.substring(r.lastIndexOf('/', eq) + 1, eq), r);
        }
        return List.copyOf(last.values());
    }

    /**
     * Asserts that the channels named {@code fault...} left on every output topic what the channels named
     * {@code reference...} left there (same files, uninterrupted), record for record in each key's order once renamed.
     * Cohort statistics are left out: they aggregate both runs' channels together, so they cannot be split.
     *
     * @return per topic, how many records were compared
     */
    static Map<String, Integer> assertSameAsUninterrupted(final String bootstrap, final String reference,
                                                          final String fault, final SchemaRegistryClient client,
                                                          final Map<String, String> registry) {
        final Map<String, Integer> compared = new LinkedHashMap<>();
        for (final String topic : List.of(Topics.CYCLES, Topics.BREAKDOWN_EVENTS, Topics.STAGE_CHANGES,
                Topics.CHANNEL_STATUS, Topics.ALERTS, Topics.DEAD_LETTER)) {
            final List<String> expected = comparable(topic, decoded(bootstrap, topic, reference, client, registry))
                    .stream().map(s -> s.replace(reference, fault)).toList();
            final List<String> actual = comparable(topic, decoded(bootstrap, topic, fault, client, registry));
            int same = 0;
            while (same < Math.min(actual.size(), expected.size()) && actual.get(same).equals(expected.get(same))) {
                same++;
            }
            assertThat(same).as("%s: %d records as in the uninterrupted run, %d there; first difference:%n"
                            + "expected %s%nactual   %s", topic, actual.size(), expected.size(),
                    same < expected.size() ? expected.get(same) : "(none)",
                    same < actual.size() ? actual.get(same) : "(none)")
                    .isEqualTo(expected.size()).isEqualTo(actual.size());
            compared.put(topic, expected.size());
        }
        assertThat(compared.get(Topics.CYCLES)).as("cycles to compare").isGreaterThan(0);
        return compared;
    }

    /**
     * The records of {@code topic} whose key contains {@code keyPart}, as {@code key=value as JSON}, each key's
     * records in offset order and the keys sorted, so two runs on differently named channels can be compared after
     * renaming.
     */
    static List<String> decoded(final String bootstrap, final String topic, final String keyPart,
                                final SchemaRegistryClient client, final Map<String, String> registry) {
        final Deserializer<? extends SpecificRecord> values =
                CellfloorSerdes.value(TYPES.get(topic), client, registry).deserializer();
        final List<String> out = new ArrayList<>();
        for (final String r : read(bootstrap, topic)) {
            final int eq = r.indexOf('=');
            final String key = r.substring(r.indexOf('/') + 1, eq);
            if (key.contains(keyPart)) {
                out.add(key + "=" + values.deserialize(topic, HexFormat.of().parseHex(r.substring(eq + 1))));
            }
        }
        out.sort(java.util.Comparator.comparing(s -> s.substring(0, s.indexOf('='))));
        return out;
    }

    /** Topic to its records in partition and offset order, as {@code partition/key=hex(value)}. */
    static Map<String, List<String>> read(final String bootstrap) {
        final Map<String, List<String>> out = new LinkedHashMap<>();
        for (final String topic : OUTPUT_TOPICS) {
            out.put(topic, read(bootstrap, topic));
        }
        return out;
    }

    static List<String> read(final String bootstrap, final String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            final List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).sorted(
                            (a, b) -> Integer.compare(a.partition(), b.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            final Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            final Map<Integer, List<String>> byPartition = new java.util.TreeMap<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (final ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    byPartition.computeIfAbsent(r.partition(), p -> new ArrayList<>()).add(r.partition() + "/"
                            + (r.key() == null ? "" : new String(r.key(), java.nio.charset.StandardCharsets.UTF_8))
                            + "=" + HexFormat.of().formatHex(r.value()));
                }
                return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
            });
            return byPartition.values().stream().flatMap(List::stream).collect(Collectors.toList());
        }
    }

    /**
     * Waits until the detection app's group has committed every input partition to its end, then the views app's
     * (cycles, events, statuses and its own repartition topics): as each commits only what it has processed and
     * written (exactly-once), every output, cohorts included, is then final for the input so far.
     */
    static void awaitCaughtUp(final String bootstrap, final String applicationId, final Duration atMost) {
        final Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(p)) {
            awaitGroup(admin, applicationId, List.of(Topics.SAMPLES, Topics.CELL_TESTS), atMost);
            final String views = applicationId + "-views";
            final List<String> viewInputs = new ArrayList<>(List.of(Topics.CYCLES, Topics.BREAKDOWN_EVENTS,
                    Topics.CHANNEL_STATUS));
            try {
                admin.listTopics().names().get().stream()
                        .filter(t -> t.startsWith(views) && t.endsWith("-repartition")).forEach(viewInputs::add);
            } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("cannot list topics", e);
            }
            awaitGroup(admin, views, viewInputs, atMost);
        }
    }

    private static void awaitGroup(final Admin admin, final String group, final List<String> topics,
                                   final Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> {
            final Map<TopicPartition, OffsetAndMetadata> committed = admin
                    .listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            final List<TopicPartition> inputs = new ArrayList<>();
            for (final String topic : topics) {
                admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                        .forEach(i -> inputs.add(new TopicPartition(topic, i.partition())));
            }
            final Map<TopicPartition, OffsetSpec> latest = inputs.stream()
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            final var ends = admin.listOffsets(latest).all().get();
            return inputs.stream().allMatch(tp -> ends.get(tp).offset() == 0
                    || committed.containsKey(tp) && committed.get(tp).offset() >= ends.get(tp).offset());
        });
    }
}
