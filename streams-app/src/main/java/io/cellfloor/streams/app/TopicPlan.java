package io.cellfloor.streams.app;

import io.cellfloor.schema.Topics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The topics cellfloor needs, for clusters where the app may create them (demo, tests) and as the reference
 * for operators who create them by hand: samples and cell tests must have the same partition count
 * (they are co-partitioned by channel id), and cell tests are compacted.
 */
public final class TopicPlan {
    private TopicPlan() {
    }

    public static List<NewTopic> topics(final int partitions, final int replication) {
        final short rf = (short) replication;
        return List.of(
                new NewTopic(Topics.SAMPLES, partitions, rf),
                new NewTopic(Topics.CELL_TESTS, partitions, rf).configs(Map.of("cleanup.policy", "compact")),
                new NewTopic(Topics.CYCLES, partitions, rf),
                new NewTopic(Topics.BREAKDOWN_EVENTS, partitions, rf),
                new NewTopic(Topics.STAGE_CHANGES, partitions, rf),
                new NewTopic(Topics.CHANNEL_STATUS, partitions, rf).configs(Map.of("cleanup.policy", "compact")),
                new NewTopic(Topics.ALERTS, partitions, rf),
                new NewTopic(Topics.COHORTS, partitions, rf).configs(Map.of("cleanup.policy", "compact")),
                new NewTopic(Topics.DEAD_LETTER, 1, rf));
    }
}
