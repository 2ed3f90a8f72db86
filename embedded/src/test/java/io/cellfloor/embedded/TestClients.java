package io.cellfloor.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** String clients with the settings the end-to-end tests share, and a bounded wait for records. */
final class TestClients {

    static final Duration RECORD_WAIT = Duration.ofSeconds(60);

    private TestClients() {
    }

    /** Idempotent, acks=all, and patient enough to outlive a broker restart. */
    static KafkaProducer<String, String> producer(final String bootstrapServers) {
        return new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000,
            ProducerConfig.LINGER_MS_CONFIG, 5),
            new StringSerializer(), new StringSerializer());
    }

    static KafkaProducer<String, String> transactionalProducer(final String bootstrapServers,
                                                               final String transactionalId) {
        return new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId,
            ProducerConfig.ACKS_CONFIG, "all"),
            new StringSerializer(), new StringSerializer());
    }

    /** A consumer in a fresh group, so it reads from the beginning and exercises the offsets topic. */
    static KafkaConsumer<String, String> consumer(final String bootstrapServers, final boolean readCommitted) {
        return new KafkaConsumer<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, readCommitted ? "read_committed" : "read_uncommitted"),
            new StringDeserializer(), new StringDeserializer());
    }

    /** Subscribes and polls until {@code expected} values have arrived; fails on more or on timeout. */
    static List<String> awaitValues(final KafkaConsumer<String, String> consumer, final String topic,
                                    final int expected) {
        consumer.subscribe(List.of(topic));
        final List<String> values = new ArrayList<>();
        await().atMost(RECORD_WAIT)
            .pollInSameThread()
            .pollDelay(Duration.ZERO)
            .pollInterval(Duration.ofMillis(10))
            .untilAsserted(() -> {
                for (final ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
                assertThat(values).hasSizeGreaterThanOrEqualTo(expected);
            });
        return values;
    }

    static List<String> numbered(final String prefix, final int count) {
        final List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(prefix + "-" + i);
        }
        return values;
    }
}
