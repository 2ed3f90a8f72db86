package io.cellfloor.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until a streams app has committed its input topic to the end: with exactly-once that is the moment every
 * output of every input record (the cycles among them) is readable by {@code read_committed} consumers, which
 * is where "samples in, cycles out" ends.
 */
final class CommitWatch {
    private CommitWatch() {
    }

    static void awaitEnd(final String bootstrap, final String applicationId, final String topic,
                         final long deadlineNanos) throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            final long end = ends(admin, List.of(topic)).get(topic);
            while (true) {
                final long committed = admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata()
                        .get().entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                        .mapToLong(e -> e.getValue().offset()).sum();
                if (committed >= end) {
                    return;
                }
                if (System.nanoTime() > deadlineNanos) {
                    throw new IllegalStateException("committed offsets of " + topic + " at " + committed + " of "
                            + end + " at the deadline");
                }
                Thread.sleep(5);
            }
        }
    }

    /** The end offsets of {@code topic} summed over its partitions: its records, where no transaction wrote it. */
    static long end(final String bootstrap, final String topic) throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return ends(admin, List.of(topic)).get(topic);
        }
    }

    /** Offsets written per topic (records plus one transaction marker per partition and commit), largest first. */
    static String topicEnds(final String bootstrap) throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return ends(admin, admin.listTopics().names().get()).entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .map(e -> e.getKey() + "=" + String.format("%,d", e.getValue()))
                    .collect(Collectors.joining(" ", "offsets per topic: ", ""));
        }
    }

    /** Each topic's end offsets summed over its partitions. */
    private static Map<String, Long> ends(final Admin admin, final Collection<String> topics)
            throws InterruptedException, ExecutionException {
        final Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get().forEach((name, d) -> d.partitions()
                .forEach(p -> partitions.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
        final Map<String, Long> ends = new HashMap<>();
        admin.listOffsets(partitions).all().get().forEach((tp, o) -> ends.merge(tp.topic(), o.offset(), Long::sum));
        return ends;
    }
}
