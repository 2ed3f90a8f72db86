package io.cellfloor.embedded;

import static io.cellfloor.embedded.TestClients.awaitValues;
import static io.cellfloor.embedded.TestClients.numbered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A controller and three brokers: acks=all keeps working with one broker down, and the broker rejoins. */
class ThreeBrokerClusterTest {

    @TempDir
    static Path dataDir;

    private static EmbeddedKafkaCluster kafka;

    @BeforeAll
    static void startCluster() {
        kafka = EmbeddedKafkaCluster.threeBrokers(dataDir).trapKafkaExit().start();
    }

    @AfterAll
    static void stopCluster() {
        kafka.close();
    }

    @Test
    void shouldAcceptAcksAllWritesWhileOneOfThreeBrokersIsDown() throws Exception {
        final String topic = "embedded.replicated";
        kafka.createTopic(topic, 1, 3, Map.of("min.insync.replicas", "2"));
        final List<String> whileDown = numbered("degraded", 20);

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
             KafkaProducer<String, String> producer = TestClients.producer(kafka.bootstrapServers())) {
            await().atMost(TestClients.RECORD_WAIT).until(() -> partition(admin, topic).isr().size() == 3);
            producer.send(new ProducerRecord<>(topic, "cell-0", "before")).get(30, TimeUnit.SECONDS);
            final int leaderIndex = brokerIndex(partition(admin, topic).leader().id());

            kafka.stopBroker(leaderIndex);
            for (final String value : whileDown) {
                producer.send(new ProducerRecord<>(topic, "cell-0", value)).get(30, TimeUnit.SECONDS);
            }
            assertThat(partition(admin, topic).isr()).hasSize(2);

            kafka.startBroker(leaderIndex);
            await().atMost(TestClients.RECORD_WAIT).until(() -> partition(admin, topic).isr().size() == 3);
        }

        final List<String> expected = new ArrayList<>(List.of("before"));
        expected.addAll(whileDown);
        try (KafkaConsumer<String, String> consumer = TestClients.consumer(kafka.bootstrapServers(), false)) {
            assertThat(awaitValues(consumer, topic, expected.size())).containsExactlyElementsOf(expected);
        }
    }

    private static TopicPartitionInfo partition(final Admin admin, final String topic) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
            .get(topic).partitions().get(0);
    }

    private static int brokerIndex(final int nodeId) {
        for (int index = 0; index < kafka.brokerCount(); index++) {
            if (kafka.brokerNodeId(index) == nodeId) {
                return index;
            }
        }
        throw new AssertionError("No broker has node id " + nodeId);
    }
}
