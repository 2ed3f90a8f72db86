package io.cellfloor.bench.floor;

import io.cellfloor.schema.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the cycle summaries and alerts as a downstream consumer would (read_committed, so only what the
 * exactly-once apps committed) and records, per record, now minus its timestamp: the wall-clock time of the
 * cycle's last sample at the agent, since the floor is stamped with the wall clock as it is published. Records
 * older than the phase's start (the backlog of an outage) are counted apart, not as latencies. A summary's
 * timestamp is its cycle's end, the last sample of its second half-cycle; the cycle is known to have ended only
 * with the next sample (1 ms later where the cycler logs each step's first instant, as the simulator does; up to
 * a logging interval where it does not), so each latency is also recorded from that closing sample, looked up
 * in what the agent was handed.
 */
final class OutputWatch implements AutoCloseable {
    /** The latencies of one phase of the run. */
    record Phase(String name, long sinceMs, Latencies cycles, Latencies alerts, Latencies cyclesFromClosing,
                 Latencies alertsFromClosing, AtomicLong older) {
        Phase(final String name, final long sinceMs) {
            this(name, sinceMs, new Latencies(), new Latencies(), new Latencies(), new Latencies(), new AtomicLong());
        }
    }

    /** A lag under this many records (about a second of a 10,000-channel floor's input) ends a backlog's tail. */
    static final long SETTLED_LAG_RECORDS = 10_000;

    private final AtomicReference<Phase> phase = new AtomicReference<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Thread thread;
    private final TrackedSource source;

    OutputWatch(final String bootstrapServers, final Phase first, final TrackedSource source) {
        this.source = source;
        phase.set(first);
        final KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", bootstrapServers, "isolation.level", "read_committed",
                "enable.auto.commit", "false"), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        final List<TopicPartition> partitions = Stream.concat(
                consumer.partitionsFor(Topics.CYCLES).stream(), consumer.partitionsFor(Topics.ALERTS).stream())
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = new Thread(() -> run(consumer), "floor-output-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts recording into {@code next}; returns the phase that ends. */
    Phase next(final Phase next) {
        return phase.getAndSet(next);
    }

    private void run(final KafkaConsumer<byte[], byte[]> consumer) {
        try (consumer) {
            while (!stop.get()) {
                for (final ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    final long now = System.currentTimeMillis();
                    final Phase p = phase.get();
                    if (r.timestamp() < p.sinceMs()) {
                        p.older().incrementAndGet();
                        continue;
                    }
                    final boolean alert = Topics.ALERTS.equals(r.topic());
                    (alert ? p.alerts() : p.cycles()).add(now - r.timestamp());
                    final String key = new String(r.key(), StandardCharsets.UTF_8);
                    final String channel = alert ? key.split("/")[1] : key;
                    final long closing = source.firstSampleAfter(channel, r.timestamp());
                    if (closing > 0) {
                        (alert ? p.alertsFromClosing() : p.cyclesFromClosing()).add(now - closing);
                    }
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        thread.join(10_000);
    }

    /**
     * Prints the phase's latencies every 30 s for {@code seconds}, all so far and those of the window, then those
     * from the first window in which the lag was under {@link #SETTLED_LAG_RECORDS}.
     */
    static void progress(final Phase phase, final Lag lag, final int seconds) throws Exception {
        final long end = System.currentTimeMillis() + seconds * 1_000L;
        int[] settled = null; // counts when the lag first fell under a second of input: the backlog's tail is over
        while (System.currentTimeMillis() < end) {
            final int cycles = phase.cycles().count();
            final int alerts = phase.alerts().count();
            final long lagNow = lag.total();
            if (settled == null && lagNow < SETTLED_LAG_RECORDS) {
                settled = new int[] {cycles, alerts, (int) ((System.currentTimeMillis() - phase.sinceMs()) / 1000)};
            }
            Thread.sleep(Math.min(30_000, Math.max(1, end - System.currentTimeMillis())));
            final long elapsedS = (System.currentTimeMillis() - phase.sinceMs()) / 1000;
            FloorScale.say("  %s: %d s, cycles %s | alerts %s | lag %,d records | load %s; in these 30 s: "
                            + "cycles %s | alerts %s", phase.name(), elapsedS, phase.cycles().summary(),
                    phase.alerts().summary(), lag.total(), FloorScale.load(), phase.cycles().summary(cycles),
                    phase.alerts().summary(alerts));
        }
        if (settled != null) {
            FloorScale.say("%s, from %d s on (lag under %,d records): cycles %s | alerts %s", phase.name(),
                    settled[2], SETTLED_LAG_RECORDS, phase.cycles().summary(settled[0]),
                    phase.alerts().summary(settled[1]));
        }
    }

    /** Prints the phase's latencies, from the cycle's last sample and from the sample that closed it. */
    static void report(final Phase phase) {
        FloorScale.say("%s: cycle's last sample to cycle summary %s; to alert %s (%,d outputs stamped before the "
                + "phase)", phase.name(), phase.cycles().summary(), phase.alerts().summary(), phase.older().get());
        FloorScale.say("%s: closing sample to cycle summary %s; to alert %s", phase.name(),
                phase.cyclesFromClosing().summary(), phase.alertsFromClosing().summary());
    }
}
