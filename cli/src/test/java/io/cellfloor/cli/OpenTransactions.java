package io.cellfloor.cli;

import io.cellfloor.schema.Topics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * What the broker says about the detection app's transactions, for a test that must kill the app in the middle of
 * one: a partition whose last stable offset (what {@code read_committed} readers may see) is below its high
 * watermark holds records of a transaction that is still open. And the app's lag: its group's committed offsets on
 * the input against the input's end.
 */
final class OpenTransactions {
    private final Admin admin;
    private final String applicationId;
    /** Looked up once: the test polls in a tight loop, and the app's topics do not change while it runs. */
    private List<TopicPartition> written;

    OpenTransactions(final Admin admin, final String applicationId) {
        this.admin = admin;
        this.applicationId = applicationId;
    }

    /**
     * The records written but not yet committed or aborted, summed over the detection app's output topics and its
     * changelogs ({@code high watermark - last stable offset} per partition).
     */
    long uncommittedRecords() throws ExecutionException, InterruptedException {
        long open = 0;
        for (final long[] offsets : offsets().values()) {
            open += offsets[0] - offsets[1];
        }
        return open;
    }

    /** Per partition holding records of a transaction still open: its last stable offset, where that one starts. */
    Map<TopicPartition, Long> openTransactions() throws ExecutionException, InterruptedException {
        final Map<TopicPartition, Long> out = new HashMap<>();
        offsets().forEach((tp, o) -> {
            if (o[1] < o[0]) {
                out.put(tp, o[1]);
            }
        });
        return out;
    }

    /**
     * True once each partition's last stable offset has moved past the one {@code open} recorded: the transactions
     * open then have ended (committed or aborted), whatever later ones are open now.
     */
    boolean ended(final Map<TopicPartition, Long> open) throws ExecutionException, InterruptedException {
        final Map<TopicPartition, long[]> now = offsets();
        return open.entrySet().stream().allMatch(e -> now.get(e.getKey())[1] > e.getValue());
    }

    /** Per partition: {high watermark, last stable offset}. */
    private Map<TopicPartition, long[]> offsets() throws ExecutionException, InterruptedException {
        if (written == null) {
            written = written();
        }
        final Map<TopicPartition, OffsetSpec> latest = written.stream()
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        final var high = admin.listOffsets(latest).all().get();
        final var stable = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
        final Map<TopicPartition, long[]> out = new HashMap<>();
        for (final TopicPartition tp : written) {
            out.put(tp, new long[] {high.get(tp).offset(), stable.get(tp).offset()});
        }
        return out;
    }

    /** Samples-topic records the app's group has committed, over all partitions. */
    long committedSamples() throws ExecutionException, InterruptedException {
        final Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                .partitionsToOffsetAndMetadata().get();
        return committed.entrySet().stream().filter(e -> e.getKey().topic().equals(Topics.SAMPLES))
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    /** Records on the samples topic, over all partitions. */
    long samplesEnd() throws ExecutionException, InterruptedException {
        final Map<TopicPartition, OffsetSpec> latest = partitions(List.of(Topics.SAMPLES)).stream()
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().values().stream().mapToLong(i -> i.offset()).sum();
    }

    /** Detection's sinks and its changelogs; the views app ({@code <id>-views}) is left out. */
    private List<TopicPartition> written() throws ExecutionException, InterruptedException {
        final List<String> topics = new ArrayList<>(List.of(Topics.CYCLES, Topics.BREAKDOWN_EVENTS,
                Topics.STAGE_CHANGES, Topics.CHANNEL_STATUS, Topics.ALERTS, Topics.DEAD_LETTER));
        admin.listTopics().names().get().stream()
                .filter(t -> t.startsWith(applicationId + "-") && !t.startsWith(applicationId + "-views-"))
                .forEach(topics::add);
        return partitions(topics);
    }

    private List<TopicPartition> partitions(final List<String> topics) throws ExecutionException, InterruptedException {
        final List<TopicPartition> out = new ArrayList<>();
        admin.describeTopics(topics).allTopicNames().get().forEach((name, d) ->
                d.partitions().forEach(p -> out.add(new TopicPartition(name, p.partition()))));
        return out;
    }
}
