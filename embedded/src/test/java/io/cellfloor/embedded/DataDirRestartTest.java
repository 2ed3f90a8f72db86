package io.cellfloor.embedded;

import static io.cellfloor.embedded.TestClients.awaitValues;
import static io.cellfloor.embedded.TestClients.numbered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What demo mode relies on: a whole cluster built again on the same directory keeps its topics and records. */
class DataDirRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void shouldKeepRecordsWhenClusterIsBuiltAgainOnSameDirectory() throws Exception {
        final String topic = "embedded.demo-state";
        final List<String> sent = numbered("kept", 10);
        try (EmbeddedKafkaCluster first = EmbeddedKafkaCluster.singleNode(dataDir).trapKafkaExit().start();
             KafkaProducer<String, String> producer = TestClients.producer(first.bootstrapServers())) {
            first.createTopic(topic, 1, 1, Map.of("cleanup.policy", "compact"));
            sent.forEach(value -> producer.send(new ProducerRecord<>(topic, value, value)));
            producer.flush();
        }
        final String metaAfterFirstRun = Files.readString(dataDir.resolve("combined-1").resolve("meta.properties"));

        try (EmbeddedKafkaCluster second = EmbeddedKafkaCluster.singleNode(dataDir).trapKafkaExit().start()) {
            // the demo declares its topics on every run
            second.createTopic(topic, 1, 1, Map.of("cleanup.policy", "compact"));
            try (KafkaConsumer<String, String> consumer = TestClients.consumer(second.bootstrapServers(), false)) {
                assertThat(awaitValues(consumer, topic, sent.size())).containsExactlyElementsOf(sent);
            }
        }
        assertThat(dataDir.resolve("combined-1").resolve("meta.properties")).hasContent(metaAfterFirstRun);
    }

    @Test
    void shouldRefuseDirectoryOfClusterWithAnotherShape() throws Exception {
        Files.createDirectories(dataDir.resolve("controller-100"));

        try (EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.singleNode(dataDir)) {
            assertThatThrownBy(kafka::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("controller-100")
                .hasMessageContaining("another shape");
        }
    }
}
