package io.cellfloor.ingest.agent;

import io.cellfloor.avro.CellTest;
import io.cellfloor.avro.SampleBatch;
import io.cellfloor.domain.Sample;
import io.cellfloor.ingest.ChannelInfo;
import io.cellfloor.ingest.SampleSink;
import io.cellfloor.ingest.SampleSource;
import io.cellfloor.schema.AvroMapping;
import io.cellfloor.schema.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a {@link SampleSource} and publishes each channel's samples as {@link SampleBatch}es keyed by channel id,
 * after first publishing each channel's {@link CellTest}. The producer must be idempotent (see
 * {@link #producerDefaults()}) so retries never duplicate a batch.
 *
 * <p>Counters: {@code cellfloor.agent.samples.read}, {@code .samples.published}, {@code .samples.failed}.
 */
public final class StationAgent implements SampleSink {
    private static final Logger LOG = LoggerFactory.getLogger(StationAgent.class);

    private final SampleSource source;
    private final Producer<String, byte[]> producer;
    private final Serializer<SampleBatch> batches;
    private final Serializer<CellTest> cellTests;
    private final AgentSettings settings;
    private final LongSupplier wallClockMs;
    private final Map<String, ChannelInfo> channels = new HashMap<>();
    private final Map<String, ChannelBatcher> batchers = new HashMap<>();
    private final Counter read;
    private final Counter published;
    private final Counter failed;

    public StationAgent(final SampleSource source, final Producer<String, byte[]> producer,
                        final Serializer<SampleBatch> batches, final Serializer<CellTest> cellTests,
                        final AgentSettings settings, final MeterRegistry registry, final LongSupplier wallClockMs) {
        this.source = source;
        this.producer = producer;
        this.batches = batches;
        this.cellTests = cellTests;
        this.settings = settings;
        this.wallClockMs = wallClockMs;
        this.read = registry.counter("cellfloor.agent.samples.read");
        this.published = registry.counter("cellfloor.agent.samples.published");
        this.failed = registry.counter("cellfloor.agent.samples.failed");
        for (final ChannelInfo c : source.channels()) {
            channels.put(c.channelId(), c);
        }
    }

    /** Settings every agent producer needs: idempotent, acks=all, batched and compressed. */
    public static Map<String, Object> producerDefaults() {
        return Map.of(
                "enable.idempotence", "true",
                "acks", "all",
                "linger.ms", "20",
                "batch.size", "262144",
                "compression.type", "lz4");
    }

    /** Publishes the cell test of every channel whose cell is known; call before the first samples. */
    public void publishCellTests() {
        for (final ChannelInfo c : channels.values()) {
            if (c.cell() == null) {
                LOG.warn("channel {} has no cell metadata; the streams app will use defaults", c.channelId());
                continue;
            }
            final CellTest test = AvroMapping.cellTest(c.stationId(), c.channelId(), c.testId(), c.cell());
            producer.send(new ProducerRecord<>(Topics.CELL_TESTS, c.channelId(),
                    cellTests.serialize(Topics.CELL_TESTS, test)), (meta, e) -> {
                if (e != null) {
                    LOG.error("could not publish the cell test of channel {}", c.channelId(), e);
                }
            });
        }
        producer.flush();
    }

    /** Polls until the source is exhausted or {@code keepGoing} says stop, then publishes what is left. */
    public void run(final BooleanSupplier keepGoing) throws IOException, InterruptedException {
        while (keepGoing.getAsBoolean()) {
            final boolean more = source.poll(this);
            flushAged();
            if (!more) {
                break;
            }
            Thread.sleep(5);
        }
        flushAll();
    }

    @Override
    public void accept(final String channelId, final Sample sample) {
        read.increment();
        final ChannelBatcher b = batcher(channelId);
        b.add(sample, wallClockMs.getAsLong());
        if (b.size() >= settings.maxSamples()) {
            send(b, false);
        }
    }

    @Override
    public void endOfTest(final String channelId) {
        send(batcher(channelId), true);
    }

    private ChannelBatcher batcher(final String channelId) {
        return batchers.computeIfAbsent(channelId, id -> {
            final ChannelInfo info = channels.get(id);
            if (info == null) {
                throw new IllegalStateException("source produced samples for channel " + id
                        + " that it did not list in channels()");
            }
            return new ChannelBatcher(info, 0);
        });
    }

    private void flushAged() {
        final long now = wallClockMs.getAsLong();
        for (final ChannelBatcher b : batchers.values()) {
            if (b.size() > 0 && now - b.openedAtMs() >= settings.maxDelayMs()) {
                send(b, false);
            }
        }
    }

    /** Sends every open batch and waits until the broker has them. */
    public void flushAll() {
        for (final ChannelBatcher b : batchers.values()) {
            if (b.size() > 0) {
                send(b, false);
            }
        }
        producer.flush();
    }

    private void send(final ChannelBatcher b, final boolean endOfTest) {
        final SampleBatch batch = b.drain(endOfTest);
        final int n = batch.getTimestampMs().size();
        final List<Long> t = batch.getTimestampMs();
        final long timestamp = n == 0 ? wallClockMs.getAsLong() : t.get(0);
        producer.send(new ProducerRecord<>(Topics.SAMPLES, null, timestamp, batch.getChannelId(),
                batches.serialize(Topics.SAMPLES, batch)), (meta, e) -> {
            if (e == null) {
                published.increment(n);
            } else {
                failed.increment(n);
                LOG.error("could not publish batch {} of channel {} ({} samples)", batch.getSequence(),
                        batch.getChannelId(), n, e);
            }
        });
    }
}
