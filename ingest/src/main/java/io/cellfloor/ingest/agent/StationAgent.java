package io.cellfloor.ingest.agent;

import io.cellfloor.avro.CellTest;
import io.cellfloor.avro.SampleBatch;
import io.cellfloor.domain.Sample;
import io.cellfloor.ingest.ChannelInfo;
import io.cellfloor.ingest.SampleSink;
import io.cellfloor.ingest.SampleSource;
import io.cellfloor.ingest.publish.ProducerPublisher;
import io.cellfloor.ingest.publish.Publisher;
import io.cellfloor.ingest.publish.SpoolPublisher;
import io.cellfloor.ingest.spool.Spool;
import io.cellfloor.schema.AvroMapping;
import io.cellfloor.schema.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a {@link SampleSource} and publishes each channel's samples as {@link SampleBatch}es keyed by channel id
 * (batched by {@link AgentSettings}, and sent at once with a sample that opens a new step), after first publishing
 * each channel's {@link CellTest}. The producer must be idempotent ({@link #producerDefaults()}).
 *
 * <p>Where the records go is the {@link Publisher}'s business: straight to a producer (a failed send is logged and
 * counted: fine for the demo and the offline analysis), or, with {@link #spooled}, through a {@link Spool}, so a
 * broker outage loses nothing and the source waits while the spool is full. Cycler files go to {@link FileAgent}.
 *
 * <p>Counters: {@code cellfloor.agent.samples.read}, {@code .samples.published}, {@code .samples.failed}.
 */
public final class StationAgent implements SampleSink {
    private static final Logger LOG = LoggerFactory.getLogger(StationAgent.class);
    private static final Duration FULL_WAIT = Duration.ofMillis(20);
    private static final Duration POLL_WAIT = Duration.ofMillis(5);

    private final SampleSource source;
    private final Publisher publisher;
    private final Serializer<SampleBatch> batches;
    private final Serializer<CellTest> cellTests;
    private final AgentSettings settings;
    private final LongSupplier wallClockMs;
    private final Sleeper sleeper;
    private final Map<String, ChannelInfo> channels = new HashMap<>();
    private final Map<String, ChannelBatcher> batchers = new HashMap<>();
    private final Counter read;
    private long lastReleaseMs;
    private boolean stepSent;

    /** An agent that sends straight to {@code producer}. */
    public StationAgent(final SampleSource source, final Producer<String, byte[]> producer,
                        final Serializer<SampleBatch> batches, final Serializer<CellTest> cellTests,
                        final AgentSettings settings, final MeterRegistry registry, final LongSupplier wallClockMs) {
        this(source, new ProducerPublisher(producer, registry), batches, cellTests, settings, registry, wallClockMs,
                Sleeper.system());
    }

    /**
     * An agent that appends every record to {@code spool}, for a {@link io.cellfloor.ingest.spool.SpoolDrainer} on
     * it to send; records become sendable at every aged flush and at {@link #flushAll()}.
     */
    public static StationAgent spooled(final SampleSource source, final Spool spool,
                                       final Serializer<SampleBatch> batches, final Serializer<CellTest> cellTests,
                                       final AgentSettings settings, final MeterRegistry registry,
                                       final LongSupplier wallClockMs) {
        // listed as before, at 0: the drainer counts what Kafka took and retries instead of failing
        registry.counter("cellfloor.agent.samples.published");
        registry.counter("cellfloor.agent.samples.failed");
        return new StationAgent(source, new SpoolPublisher(spool, wallClockMs), batches, cellTests, settings,
                registry, wallClockMs, Sleeper.system());
    }

    /** An agent that hands its records to {@code publisher} and waits through {@code sleeper}. */
    public StationAgent(final SampleSource source, final Publisher publisher,
                        final Serializer<SampleBatch> batches, final Serializer<CellTest> cellTests,
                        final AgentSettings settings, final MeterRegistry registry, final LongSupplier wallClockMs,
                        final Sleeper sleeper) {
        this.source = source;
        this.publisher = publisher;
        this.batches = batches;
        this.cellTests = cellTests;
        this.settings = settings;
        this.wallClockMs = wallClockMs;
        this.sleeper = sleeper;
        this.read = registry.counter("cellfloor.agent.samples.read");
        for (final ChannelInfo c : source.channels()) {
            channels.put(c.channelId(), c);
        }
    }

    /** A producer with {@link #producerDefaults()} to {@code bootstrapServers}, for raw (already serialized) values. */
    public static KafkaProducer<String, byte[]> producer(final String bootstrapServers) {
        return producer(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** A producer with {@link #producerDefaults()} overridden by {@code settings} (which name the brokers). */
    public static KafkaProducer<String, byte[]> producer(final Map<String, Object> settings) {
        final Map<String, Object> props = new HashMap<>(producerDefaults());
        props.putAll(settings);
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Idempotent, acks=all, batched and compressed, and batches that never expire: with the 2 min default, a longer
     * outage fails older queued records while newer ones get through, and their resend arrives out of order.
     */
    public static Map<String, Object> producerDefaults() {
        return Map.of("enable.idempotence", "true", "acks", "all",
                "delivery.timeout.ms", Integer.toString(Integer.MAX_VALUE),
                "linger.ms", "20", "batch.size", "262144", "compression.type", "lz4");
    }

    /** Publishes the cell test of every channel whose cell is known; call before the first samples. */
    public void publishCellTests() {
        for (final ChannelInfo c : channels.values()) {
            if (c.cell() == null) {
                LOG.warn("channel {} has no cell metadata; the streams app will use defaults", c.channelId());
                continue;
            }
            final CellTest test = AvroMapping.cellTest(c.stationId(), c.channelId(), c.testId(), c.cell());
            try {
                publisher.cellTest(c.channelId(), cellTests.serialize(Topics.CELL_TESTS, test));
            } catch (final IOException e) {
                throw cannotAppend(e);
            }
        }
        flush();
    }

    /** Polls until the source is exhausted or {@code keepGoing} says stop, then publishes what is left. */
    public void run(final BooleanSupplier keepGoing) throws IOException, InterruptedException {
        while (keepGoing.getAsBoolean()) {
            if (publisher.isFull()) {
                release();
                sleeper.sleep(FULL_WAIT); // back-pressure: the source waits until the drainer has freed space
                continue;
            }
            final boolean more = source.poll(this);
            flushAged();
            if (!more) {
                break;
            }
            sleeper.sleep(POLL_WAIT);
        }
        flushAll();
    }

    @Override
    public void accept(final String channelId, final Sample sample) {
        read.increment();
        final ChannelBatcher b = batcher(channelId);
        final boolean opensStep = b.opensStep(sample);
        b.add(sample, wallClockMs.getAsLong());
        if (b.size() >= settings.maxSamples() || opensStep) {
            send(b, false);
            stepSent |= opensStep; // it closes a half-cycle downstream: released at once, not up to a second later
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
        boolean any = false;
        for (final ChannelBatcher b : batchers.values()) {
            if (b.size() > 0 && now - b.openedAtMs() >= settings.maxDelayMs()) {
                send(b, false);
                any = true;
            }
        }
        if (any || stepSent || now - lastReleaseMs >= settings.maxDelayMs()) {
            // full batches were handed over as they filled; they become sendable here, at most maxDelayMs later
            release();
            lastReleaseMs = now;
            stepSent = false;
        }
    }

    /** Sends every open batch and waits until the broker has them. */
    public void flushAll() {
        for (final ChannelBatcher b : batchers.values()) {
            if (b.size() > 0) {
                send(b, false);
            }
        }
        flush();
    }

    private void send(final ChannelBatcher b, final boolean endOfTest) {
        final SampleBatch batch = b.drain(endOfTest);
        final List<Long> t = batch.getTimestampMs();
        final int n = t.size();
        final long timestamp = n == 0 ? wallClockMs.getAsLong() : t.get(0);
        try {
            publisher.batch(batch.getChannelId(), timestamp, batch.getSequence(), n,
                    batches.serialize(Topics.SAMPLES, batch));
        } catch (final IOException e) {
            throw cannotAppend(e);
        }
    }

    private void release() {
        try {
            publisher.release();
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot force the spool to disk", e);
        }
    }

    private void flush() {
        try {
            publisher.flush();
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot force the spool to disk", e);
        }
    }

    private static UncheckedIOException cannotAppend(final IOException e) {
        return new UncheckedIOException("cannot append to the spool (disk full or removed?); stopping, not dropping", e);
    }
}
