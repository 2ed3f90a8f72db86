package io.cellfloor.bench.floor;

import io.cellfloor.schema.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Where the detection app's committed offsets on the samples topic stand against the topic's end, per partition. */
final class Lag {
    private final Admin admin;
    private final String groupId;

    Lag(final String bootstrapServers, final String groupId) {
        this.admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers));
        this.groupId = groupId;
    }

    Map<Integer, Long> endOffsets() throws ExecutionException, InterruptedException {
        final int partitions = admin.describeTopics(List.of(Topics.SAMPLES)).allTopicNames().get()
                .get(Topics.SAMPLES).partitions().size();
        final Map<TopicPartition, OffsetSpec> ask = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            ask.put(new TopicPartition(Topics.SAMPLES, p), OffsetSpec.latest());
        }
        final Map<Integer, Long> out = new HashMap<>();
        admin.listOffsets(ask).all().get().forEach((tp, info) -> out.put(tp.partition(), info.offset()));
        return out;
    }

    Map<Integer, Long> committed() throws ExecutionException, InterruptedException {
        final Map<Integer, Long> out = new HashMap<>();
        final Map<TopicPartition, OffsetAndMetadata> offsets =
                admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
        offsets.forEach((tp, o) -> {
            if (Topics.SAMPLES.equals(tp.topic()) && o != null) {
                out.put(tp.partition(), o.offset());
            }
        });
        return out;
    }

    /** Records on the samples topic not committed by the detection app yet. */
    long total() throws ExecutionException, InterruptedException {
        final Map<Integer, Long> committed = committed();
        long lag = 0;
        for (final Map.Entry<Integer, Long> e : endOffsets().entrySet()) {
            lag += e.getValue() - committed.getOrDefault(e.getKey(), 0L);
        }
        return lag;
    }

    /** Until every partition's committed offset has reached {@code target}. */
    void awaitCommitted(final Map<Integer, Long> target, final Duration timeout) throws Exception {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            final Map<Integer, Long> committed = committed();
            if (target.entrySet().stream().allMatch(e -> committed.getOrDefault(e.getKey(), 0L) >= e.getValue())) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the streams apps did not catch up within " + timeout);
    }
}
