package io.cellfloor.ingest.spool;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the {@link Spool}'s records to Kafka in append order, on its own thread, so that a producer blocking in
 * {@code send()} while the broker is down (the Kafka 4 producer waits up to {@code max.block.ms} for metadata)
 * never stops the agent from reading: the spool grows instead.
 *
 * <p>At most {@code maxInFlight} records are unacknowledged at a time. When a send fails or times out, the drainer
 * stops sending new records, waits for the ones in flight, pauses {@code retryBackoff}, and sends the failed ones
 * again in their original order. The drained position moves only over a prefix of acknowledged records, so after a
 * crash a record may be sent twice (same sequence, same bytes: the topology drops the replay), never skipped.
 *
 * <p>Metrics: {@code cellfloor.agent.up} (1 while the sending thread lives), {@code cellfloor.agent.spool.bytes},
 * {@code cellfloor.agent.spool.oldest.age.seconds}, {@code cellfloor.agent.last.ack.timestamp.seconds} (wall time of
 * the last acknowledgement, 0 before the first),
 * {@code cellfloor.agent.spool.drained.records} (a counter: its rate is the drain rate), and
 * {@code cellfloor.agent.samples.published} (samples acknowledged by Kafka).
 */
public final class SpoolDrainer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SpoolDrainer.class);
    private static final long PERSIST_EVERY_MS = 500;

    private final Spool spool;
    private final Producer<String, byte[]> producer;
    private final int maxInFlight;
    private final Duration retryBackoff;
    private final LongSupplier wallClockMs;
    private final Counter published;
    private final Counter publishedRows;
    private final Counter drainedRecords;
    private final SendWindow window = new SendWindow();
    private final Thread thread;
    private volatile boolean stopping;
    private volatile SpoolPosition acked;
    private volatile Throwable death;
    private volatile long lastAckMs = -1;
    private long lastPersistMs;

    public SpoolDrainer(final Spool spool, final Producer<String, byte[]> producer, final int maxInFlight,
                        final Duration retryBackoff, final MeterRegistry registry, final LongSupplier wallClockMs) {
        this.spool = spool;
        this.producer = producer;
        this.maxInFlight = maxInFlight;
        this.retryBackoff = retryBackoff;
        this.wallClockMs = wallClockMs;
        this.published = registry.counter("cellfloor.agent.samples.published");
        this.publishedRows = registry.counter("cellfloor.agent.dead-letters.published");
        this.drainedRecords = registry.counter("cellfloor.agent.spool.drained.records");
        Gauge.builder("cellfloor.agent.spool.bytes", spool, Spool::bytes).register(registry);
        Gauge.builder("cellfloor.agent.spool.oldest.age.seconds", this, SpoolDrainer::oldestAgeSeconds)
                .register(registry);
        Gauge.builder("cellfloor.agent.up", this, d -> d.alive() ? 1 : 0).register(registry);
        Gauge.builder("cellfloor.agent.last.ack.timestamp.seconds", this,
                d -> d.lastAckMs < 0 ? 0 : d.lastAckMs / 1000.0).register(registry);
        this.acked = spool.drained();
        this.thread = new Thread(this::loop, "cellfloor-spool-drainer");
        this.thread.setDaemon(true);
    }

    public SpoolDrainer start() {
        thread.start();
        return this;
    }

    /** Seconds the oldest record not yet acknowledged by Kafka has waited in the spool; 0 when none waits. */
    public double oldestAgeSeconds() {
        final long at = window.oldestAppendedAtMs();
        return at < 0 ? 0 : Math.max(0, wallClockMs.getAsLong() - at) / 1000.0;
    }

    /** True when every durable record has been acknowledged. */
    public boolean drained() {
        return !spool.drained().isBefore(spool.durableEnd()) && !acked.isBefore(spool.durableEnd());
    }

    /**
     * False once the sending thread has died of an error (or before it started): the agent must then stop, loudly,
     * since reading on would only fill the spool with nothing sending it.
     */
    public boolean alive() {
        return death == null && thread.isAlive();
    }

    /** Fails the agent's run, with the cause, when the sending thread died: its supervisor then restarts it. */
    public void throwIfDead() {
        if (death != null) {
            throw new IllegalStateException("the spool drainer died (" + death + "): the agent stopped; "
                    + spool.bytes() + " bytes stay in the spool and are sent at the next start", death);
        }
    }

    /** What killed the sending thread, or null. */
    public Throwable death() {
        return death;
    }

    /** The last send failure, or null: for a log line or a health check. */
    public Throwable lastFailure() {
        return window.lastFailure();
    }

    private void loop() {
        try (SpoolReader reader = new SpoolReader(spool, spool.drained())) {
            while (!stopping || !drainedOrGivingUp()) {
                final boolean busy = step(reader);
                if (!busy) {
                    window.await(5);
                }
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (final IOException | RuntimeException | Error e) {
            death = e;
            LOG.error("the spool drainer died: nothing is sent any more, records stay in the spool for the next start;"
                    + " the agent stops so that its supervisor restarts it", e);
            window.lastFailure(e);
            if (e instanceof Error error) {
                throw error;
            }
        } finally {
            persist(true);
        }
    }

    private volatile long giveUpAtMs = Long.MAX_VALUE;

    private boolean drainedOrGivingUp() {
        return drained() || wallClockMs.getAsLong() >= giveUpAtMs;
    }

    private boolean step(final SpoolReader reader) throws IOException, InterruptedException {
        boolean busy = popAcked();
        if (window.hasFailed()) {
            if (window.inFlight() > 0) {
                return busy;
            }
            LOG.warn("Kafka did not take {} spooled record(s) ({}); {} bytes in the spool; retrying in {} ms",
                    window.size(), describe(window.lastFailure()), spool.bytes(), retryBackoff.toMillis());
            window.await(retryBackoff.toMillis());
            for (final SendWindow.Entry f : window.failedEntries()) {
                send(f);
            }
            return true;
        }
        while (window.size() < maxInFlight) {
            final SpoolRecord r = reader.next(spool.durableEnd());
            if (r == null) {
                break;
            }
            send(window.add(r, reader.position()));
            busy = true;
            if (window.hasFailed()) {
                break;
            }
        }
        persist(false);
        return busy;
    }

    private void send(final SendWindow.Entry f) {
        f.state = SendWindow.State.IN_FLIGHT;
        final SpoolRecord r = f.record;
        try {
            producer.send(new ProducerRecord<>(r.topic(), null, r.timestampMs(), r.key(), r.value()), (meta, e) -> {
                if (e == null) {
                    window.acked(f);
                } else {
                    window.failed(f, e);
                }
            });
        } catch (final RuntimeException e) {
            // a send that cannot even be queued (metadata not available within max.block.ms, buffer full)
            window.failed(f, e);
        }
    }

    private boolean popAcked() {
        final List<SendWindow.Entry> done = window.popAcked();
        if (!done.isEmpty()) {
            lastAckMs = wallClockMs.getAsLong();
        }
        for (final SendWindow.Entry f : done) {
            acked = f.end;
            drainedRecords.increment();
            if (f.record.topic().endsWith("dead-letter.v1")) {
                publishedRows.increment(f.record.samples());
            } else {
                published.increment(f.record.samples());
            }
        }
        if (!done.isEmpty() && window.lastFailure() != null && !window.hasFailed()) {
            LOG.info("Kafka takes records again; {} bytes left in the spool", spool.bytes());
            window.lastFailure(null);
        }
        return !done.isEmpty();
    }

    private void persist(final boolean force) {
        final long now = wallClockMs.getAsLong();
        if (!spool.drained().isBefore(acked) || (!force && now - lastPersistMs < PERSIST_EVERY_MS)) {
            return;
        }
        try {
            spool.drainedTo(acked);
            lastPersistMs = now;
        } catch (final IOException e) {
            LOG.warn("could not record the drained spool position {}; records may be sent again after a restart",
                    acked, e);
        }
    }

    private static String describe(final Throwable t) {
        return t == null ? "no reason given" : t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    /**
     * Sends what is durable and waits up to {@code timeout} for Kafka to acknowledge it; what is left stays in the
     * spool for the next start.
     */
    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }

    public void close(final Duration timeout) {
        giveUpAtMs = wallClockMs.getAsLong() + timeout.toMillis();
        stopping = true;
        try {
            thread.join(timeout.toMillis() + 5_000);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
