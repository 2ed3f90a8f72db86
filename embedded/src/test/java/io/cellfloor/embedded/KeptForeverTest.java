package io.cellfloor.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class KeptForeverTest {

    @Test
    void shouldTurnOffTimeRetentionAndKeepTheTopicsOtherSettings() {
        final NewTopic topic = KafkaAndRegistryExtension.keptForever(
                new NewTopic("cellfloor.cell-tests.v1", 3, (short) 1).configs(Map.of("cleanup.policy", "compact")));

        assertThat(topic.name()).isEqualTo("cellfloor.cell-tests.v1");
        assertThat(topic.numPartitions()).isEqualTo(3);
        assertThat(topic.replicationFactor()).isEqualTo((short) 1);
        assertThat(topic.configs()).containsEntry("retention.ms", "-1").containsEntry("cleanup.policy", "compact");
    }

    @Test
    void shouldKeepARetentionTheTestSetItself() {
        final NewTopic topic = KafkaAndRegistryExtension.keptForever(
                new NewTopic("cellfloor.samples.v1", 2, (short) 1).configs(Map.of("retention.ms", "3600000")));

        assertThat(topic.configs()).containsEntry("retention.ms", "3600000");
    }
}
