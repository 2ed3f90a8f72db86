package io.cellfloor.streams.app;

import io.cellfloor.schema.Topics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The topics cellfloor needs, for clusters where the app may create them (demo, tests) and as the reference
 * for operators who create them by hand: samples and cell tests must have the same partition count
 * (they are co-partitioned by channel id), and cell tests are compacted.
 *
 * <p>Every topic deleted by time takes the broker's append time as its record timestamp
 * ({@link #APPEND_TIME}): records carry their sample, cycle or event times in the payload, and a backfilled
 * year-old file must stay in Kafka for the topic's retention counted from its arrival, not be deleted at the next
 * retention check. Consumers read times from the payload, never from the record (see RELIABILITY.md).
 */
public final class TopicPlan {
    /** The setting that makes retention count from arrival: the broker stamps each record as it appends it. */
    public static final Map<String, String> APPEND_TIME = Map.of("message.timestamp.type", "LogAppendTime");
    private static final Map<String, String> COMPACT = Map.of("cleanup.policy", "compact");

    private TopicPlan() {
    }

    public static List<NewTopic> topics(final int partitions, final int replication) {
        final short rf = (short) replication;
        return List.of(
                new NewTopic(Topics.SAMPLES, partitions, rf).configs(APPEND_TIME),
                new NewTopic(Topics.CELL_TESTS, partitions, rf).configs(COMPACT),
                new NewTopic(Topics.CYCLES, partitions, rf).configs(APPEND_TIME),
                new NewTopic(Topics.BREAKDOWN_EVENTS, partitions, rf).configs(APPEND_TIME),
                new NewTopic(Topics.STAGE_CHANGES, partitions, rf).configs(APPEND_TIME),
                new NewTopic(Topics.CHANNEL_STATUS, partitions, rf).configs(COMPACT),
                new NewTopic(Topics.ALERTS, partitions, rf).configs(APPEND_TIME),
                new NewTopic(Topics.COHORTS, partitions, rf).configs(COMPACT),
                new NewTopic(Topics.DEAD_LETTER, 1, rf).configs(APPEND_TIME));
    }
}
