package io.cellfloor.ingest.publish;

import io.cellfloor.schema.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes straight to a Kafka producer: no disk on the way, so a failed send is logged and counted in
 * {@code cellfloor.agent.samples.failed} rather than retried. Right for the demo and the offline analysis, where the
 * broker sits next to the source; a station that must survive broker outages uses {@link SpoolPublisher}. The
 * producer should be idempotent so its own retries never duplicate a batch.
 *
 * <p>Counters: {@code cellfloor.agent.samples.published}, {@code cellfloor.agent.samples.failed}.
 */
public final class ProducerPublisher implements Publisher {
    private static final Logger LOG = LoggerFactory.getLogger(ProducerPublisher.class);

    private final Producer<String, byte[]> producer;
    private final Counter published;
    private final Counter failed;

    public ProducerPublisher(final Producer<String, byte[]> producer, final MeterRegistry registry) {
        this.producer = producer;
        this.published = registry.counter("cellfloor.agent.samples.published");
        this.failed = registry.counter("cellfloor.agent.samples.failed");
    }

    /** Sent without a timestamp, so the record carries the producer's time, as cell tests always have. */
    @Override
    public void cellTest(final String channelId, final byte[] value) {
        producer.send(new ProducerRecord<>(Topics.CELL_TESTS, channelId, value), (meta, e) -> {
            if (e != null) {
                LOG.error("could not publish the cell test of channel {}", channelId, e);
            }
        });
    }

    @Override
    public void batch(final String channelId, final long timestampMs, final long sequence, final int samples,
                      final byte[] value) {
        producer.send(new ProducerRecord<>(Topics.SAMPLES, null, timestampMs, channelId, value), (meta, e) -> {
            if (e == null) {
                published.increment(samples);
            } else {
                failed.increment(samples);
                LOG.error("could not publish batch {} of channel {} ({} samples)", sequence, channelId, samples, e);
            }
        });
    }

    @Override
    public void deadLetter(final String channelId, final byte[] value) {
        producer.send(new ProducerRecord<>(Topics.DEAD_LETTER, channelId, value), (meta, e) -> {
            if (e != null) {
                LOG.error("could not publish a dead letter of channel {}", channelId, e);
            }
        });
    }

    /** The producer sends in the background as records arrive: nothing to release. */
    @Override
    public void release() {
    }

    @Override
    public void flush() {
        producer.flush();
    }

    /** The producer's own buffer blocks {@code send} when full; the source is never paused from here. */
    @Override
    public boolean isFull() {
        return false;
    }
}
