package io.cellfloor.embedded;

import static io.cellfloor.embedded.TestClients.awaitValues;
import static io.cellfloor.embedded.TestClients.numbered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The single-node cluster end to end. Also the smoke test for the Kafka server internals the cluster relies on:
 * if a Kafka upgrade changes them, this class fails first.
 */
class SingleNodeClusterTest {

    @TempDir
    static Path dataDir;

    private static EmbeddedKafkaCluster kafka;

    @BeforeAll
    static void startCluster() {
        kafka = EmbeddedKafkaCluster.singleNode(dataDir).trapKafkaExit().start();
    }

    @AfterAll
    static void stopCluster() {
        kafka.close();
    }

    @Test
    void shouldReadBackRecordsFromIdempotentProducer() {
        final String topic = "embedded.idempotent";
        kafka.createTopic(topic, 1, 1, Map.of());
        final List<String> sent = numbered("sample", 100);

        try (KafkaProducer<String, String> producer = TestClients.producer(kafka.bootstrapServers())) {
            for (final String value : sent) {
                producer.send(new ProducerRecord<>(topic, "cell-1", value));
            }
            producer.flush();
        }

        try (KafkaConsumer<String, String> consumer = TestClients.consumer(kafka.bootstrapServers(), false)) {
            assertThat(awaitValues(consumer, topic, sent.size())).containsExactlyElementsOf(sent);
        }
    }

    @Test
    void shouldShowOnlyCommittedTransactionsToReadCommittedConsumer() {
        final String topic = "embedded.transactional";
        kafka.createTopic(topic, 1, 1, Map.of());

        try (KafkaProducer<String, String> producer =
                 TestClients.transactionalProducer(kafka.bootstrapServers(), "embedded-test-tx")) {
            producer.initTransactions();
            producer.beginTransaction();
            numbered("aborted", 5).forEach(value -> producer.send(new ProducerRecord<>(topic, "cell-1", value)));
            producer.abortTransaction();
            producer.beginTransaction();
            numbered("committed", 10).forEach(value -> producer.send(new ProducerRecord<>(topic, "cell-1", value)));
            producer.commitTransaction();
        }

        try (KafkaConsumer<String, String> consumer = TestClients.consumer(kafka.bootstrapServers(), true)) {
            assertThat(awaitValues(consumer, topic, 10)).containsExactlyElementsOf(numbered("committed", 10));
        }
    }

    @Test
    void shouldDeliverRecordsSentWhileBrokerWasDown() throws Exception {
        final String topic = "embedded.broker-restart";
        kafka.createTopic(topic, 1, 1, Map.of("cleanup.policy", "compact"));
        final List<String> whileDown = numbered("buffered", 50);
        final AtomicInteger attempted = new AtomicInteger();

        try (KafkaProducer<String, String> producer = TestClients.producer(kafka.bootstrapServers())) {
            producer.send(new ProducerRecord<>(topic, "cell-0", "before")).get(30, TimeUnit.SECONDS);
            kafka.stopBroker(0);
            // send() may block for metadata while no broker answers, as it would in the ingest publisher
            final CompletableFuture<List<Future<RecordMetadata>>> sending = CompletableFuture.supplyAsync(() ->
                whileDown.stream().map(value -> {
                    attempted.incrementAndGet();
                    return producer.send(new ProducerRecord<>(topic, value, value));
                }).collect(Collectors.toList()));
            await().atMost(TestClients.RECORD_WAIT).untilAtomic(attempted, greaterThan(0));

            kafka.startBroker(0);
            final List<Future<RecordMetadata>> pending = sending.get(60, TimeUnit.SECONDS);
            for (final Future<RecordMetadata> sent : pending) {
                sent.get(60, TimeUnit.SECONDS);
            }
        }

        final List<String> expected = new ArrayList<>(List.of("before"));
        expected.addAll(whileDown);
        try (KafkaConsumer<String, String> consumer = TestClients.consumer(kafka.bootstrapServers(), false)) {
            assertThat(awaitValues(consumer, topic, expected.size())).containsExactlyElementsOf(expected);
        }
    }
}
