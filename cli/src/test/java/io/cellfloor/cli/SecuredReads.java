package io.cellfloor.cli;

import io.cellfloor.embedded.EmbeddedKafkaCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What a secured test checks its outputs with: the cluster's super user, reading committed records without a
 * group, so the check needs no ACL of its own and cannot borrow a component's.
 */
final class SecuredReads {
    private SecuredReads() {
    }

    /** Committed records on every partition of {@code topic}, from the beginning. */
    static long count(final EmbeddedKafkaCluster kafka, final String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(kafka)) {
            final List<TopicPartition> partitions = partitions(consumer, List.of(topic));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            final Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long count = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                final ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                count += records.count();
            }
            return count;
        }
    }

    /** The sum of the end offsets (transaction markers included) of every partition of {@code topics}. */
    static long endOffsets(final EmbeddedKafkaCluster kafka, final List<String> topics) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(kafka)) {
            return consumer.endOffsets(partitions(consumer, topics)).values().stream().mapToLong(Long::longValue)
                    .sum();
        }
    }

    private static List<TopicPartition> partitions(final KafkaConsumer<byte[], byte[]> consumer,
                                                   final List<String> topics) {
        final List<TopicPartition> out = new ArrayList<>();
        for (final String topic : topics) {
            for (final PartitionInfo p : consumer.partitionsFor(topic)) {
                out.add(new TopicPartition(topic, p.partition()));
            }
        }
        return out;
    }

    private static KafkaConsumer<byte[], byte[]> consumer(final EmbeddedKafkaCluster kafka) {
        final Map<String, Object> props = new HashMap<>(kafka.superUserClient());
        props.put("isolation.level", "read_committed");
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
