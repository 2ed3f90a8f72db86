package io.cellfloor.sinks.alert;

import io.cellfloor.avro.Alert;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert sink's loop: read {@code cellfloor.alerts.v1}, deliver each alert, dead-letter what could not be
 * delivered, and only then commit its offset. A crash between delivery and commit sends the alert again after the
 * restart, which is safe because every receiver gets the alert's dedup key; a crash before delivery loses nothing.
 *
 * <p>Dead letters are the alert's original bytes (same schema id, read them with the {@code Alert} deserializer) with
 * headers {@code cellfloor.failed-receivers}, {@code cellfloor.error} and {@code cellfloor.source} (topic-partition@offset).
 * Re-driving them is a copy back to the alerts topic.
 */
public final class AlertSink implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertSink.class);

    private final Consumer<String, byte[]> consumer;
    private final Producer<String, byte[]> producer;
    private final Deserializer<Alert> deserializer;
    private final AlertDispatcher dispatcher;
    private final String alertsTopic;
    private final String undeliverableTopic;
    private final AtomicBoolean running = new AtomicBoolean(true);

    public AlertSink(final Consumer<String, byte[]> consumer, final Producer<String, byte[]> producer,
                     final Deserializer<Alert> deserializer, final AlertDispatcher dispatcher,
                     final String alertsTopic, final String undeliverableTopic) {
        this.consumer = consumer;
        this.producer = producer;
        this.deserializer = deserializer;
        this.dispatcher = dispatcher;
        this.alertsTopic = alertsTopic;
        this.undeliverableTopic = undeliverableTopic;
    }

    /** Polls and handles records until {@link #stop()}; the interrupt flag is restored if it ends that way. */
    public void run() {
        consumer.subscribe(List.of(alertsTopic));
        try {
            while (running.get()) {
                pollOnce(Duration.ofMillis(500));
            }
        } catch (InterruptedException | org.apache.kafka.common.errors.InterruptException e) {
            Thread.currentThread().interrupt();
            LOG.info("alert sink interrupted; alerts not yet committed are read again after the restart");
        }
    }

    /** One poll: every record delivered or dead-lettered, each offset committed after its record. */
    public int pollOnce(final Duration timeout) throws InterruptedException {
        final ConsumerRecords<String, byte[]> records = consumer.poll(timeout);
        for (final ConsumerRecord<String, byte[]> r : records) {
            handle(r);
            consumer.commitSync(Map.of(new TopicPartition(r.topic(), r.partition()),
                    new OffsetAndMetadata(r.offset() + 1)));
        }
        return records.count();
    }

    private void handle(final ConsumerRecord<String, byte[]> r) throws InterruptedException {
        final Alert alert;
        try {
            alert = deserializer.deserialize(r.topic(), r.headers(), r.value());
        } catch (RuntimeException e) {
            deadLetter(r, "-", "cannot read the alert: " + e.getMessage());
            return;
        }
        final DispatchResult result = dispatcher.deliver(alert);
        if (!result.complete()) {
            LOG.warn("alert {} not delivered to {}; dead-lettered to {}", alert.getDedupKey(), result.failures(),
                    undeliverableTopic);
            deadLetter(r, String.join(",", result.failures().keySet()), result.failures().toString());
        }
    }

    /** Waits for the broker's acknowledgement: the offset may be committed only once the dead letter is durable. */
    private void deadLetter(final ConsumerRecord<String, byte[]> r, final String receivers, final String error)
            throws InterruptedException {
        final ProducerRecord<String, byte[]> out = new ProducerRecord<>(undeliverableTopic, r.key(), r.value());
        final Headers h = out.headers();
        r.headers().forEach(h::add);
        h.add("cellfloor.failed-receivers", receivers.getBytes(StandardCharsets.UTF_8));
        h.add("cellfloor.error", error.getBytes(StandardCharsets.UTF_8));
        h.add("cellfloor.source", (r.topic() + "-" + r.partition() + "@" + r.offset()).getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(out).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write to dead-letter topic " + undeliverableTopic
                    + " (does it exist, may this principal write to it?); the alert at " + r.topic() + "-"
                    + r.partition() + "@" + r.offset() + " stays uncommitted and is retried after a restart", e.getCause());
        }
    }

    public void stop() {
        running.set(false);
    }

    @Override
    public void close() {
        stop();
    }
}
