package io.cellfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellfloor.avro.SampleBatch;
import io.cellfloor.schema.Topics;
import io.cellfloor.schema.registry.HttpSchemaRegistryClient;
import io.cellfloor.schema.registry.RegistryConfig;
import io.cellfloor.schema.serde.CellfloorSerdes;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo as a newcomer sees it: everything this JVM writes to its console (the demo's lines and any log line,
 * System.out and System.err alike) starts with the demo's own lines, no WARN or ERROR among the first 40; the
 * broker's and the clients' chatter is in the state directory's log; and the simulated floor, started in the past,
 * never stamps a sample after the wall clock.
 */
class DemoFirstScreenTest {
    private static final Pattern ADDRESSES = Pattern.compile("broker (\\S+) \\| schema registry (\\S+) \\| .*");
    private static final long HISTORY_MS = Duration.ofHours(2).toMillis();

    @TempDir
    Path dir;

    @Test
    void shouldShowOnlyTheDemosOwnLinesAndNeverStampASampleAfterTheWallClock() throws Exception {
        final Lines console = new Lines();
        final PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8);
        final PrintStream realOut = System.out;
        final PrintStream realErr = System.err;
        final Path state = dir.resolve("demo");
        final DemoSettings settings = DemoCommand.parse("--channels", "8", "--speed-up", "3000", "--cycles", "40",
                "--history-hours", "2", "--state-dir", state.toString(), "--metrics-port", "0", "--http-port", "0");
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicInteger status = new AtomicInteger(-1);
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final long startMs = System.currentTimeMillis();
        final Samples samples = new Samples();
        System.setOut(capture);
        System.setErr(capture);
        try {
            final Thread demo = new Thread(() -> {
                try {
                    status.set(Demo.runUntilStopped(settings, stop::get, capture));
                } catch (Throwable e) {
                    failure.set(e);
                }
            }, "first-screen-demo");
            demo.start();
            final Matcher addresses = awaitLine(console, ADDRESSES, Duration.ofSeconds(90));
            // 2 h of history at 3000x is caught up after 2.4 s; read samples well past that, at the wall clock's pace
            samples.readFor(addresses.group(1), addresses.group(2), Duration.ofSeconds(20));
            stop.set(true);
            demo.join(Duration.ofSeconds(120).toMillis());
        } finally {
            System.setOut(realOut);
            System.setErr(realErr);
        }

        final List<String> lines = console.snapshot();
        final String shown = String.join("\n", lines);
        assertThat(failure.get()).as(shown).isNull();
        assertThat(status.get()).as(shown).isZero();
        assertThat(lines.subList(0, Math.min(40, lines.size())))
                .as(shown).noneMatch(l -> l.contains("WARN") || l.contains("ERROR"));
        assertThat(lines).as(shown).anyMatch(l -> l.startsWith("simulated floor: starts 2 h ago at 3000x"))
                .anyMatch(l -> l.startsWith("simulated floor: caught up with now"));
        assertThat(lines).as(shown).anyMatch(l -> l.matches(".*cycle +\\d+ +(plated|charge) .* CE +\\d+\\.\\d\\d %.*"));
        assertThat(samples.count).isGreaterThan(1_000);
        assertThat(samples.aheadOfWallClock).as("samples stamped after the wall clock").isEmpty();
        assertThat(samples.oldestMs).isLessThanOrEqualTo(startMs - HISTORY_MS + 60_000);
        // caught up: the floor's newest samples are the wall clock's, not hours behind it
        assertThat(samples.newestMs).isGreaterThan(System.currentTimeMillis() - 60_000);
        final String log = Files.readString(state.resolve("cellfloor.log"));
        assertThat(log).contains("INFO").contains("Kafka cluster");
    }

    private static Matcher awaitLine(final Lines console, final Pattern pattern, final Duration timeout)
            throws InterruptedException {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (final String line : console.snapshot()) {
                final Matcher m = pattern.matcher(line);
                if (m.matches()) {
                    return m;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no line matching " + pattern + " in:\n" + String.join("\n", console.snapshot()));
    }

    /** Every sample of the samples topic, checked against the wall clock the moment it is read. */
    private static final class Samples {
        private final List<String> aheadOfWallClock = new ArrayList<>();
        private long count;
        private long oldestMs = Long.MAX_VALUE;
        private long newestMs = Long.MIN_VALUE;

        void readFor(final String bootstrap, final String registryUrl, final Duration duration) {
            final Map<String, String> registry = Map.of(RegistryConfig.URL, registryUrl);
            final Deserializer<SampleBatch> values = CellfloorSerdes.value(SampleBatch.class,
                    new HttpSchemaRegistryClient(RegistryConfig.fromMap(registry)), registry).deserializer();
            final Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.GROUP_ID_CONFIG, "first-screen-test",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            final long end = System.nanoTime() + duration.toNanos();
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                    new ByteArrayDeserializer())) {
                consumer.subscribe(List.of(Topics.SAMPLES));
                while (System.nanoTime() < end) {
                    for (final ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                        check(r, values.deserialize(Topics.SAMPLES, r.value()), System.currentTimeMillis());
                    }
                }
            }
        }

        private void check(final ConsumerRecord<String, byte[]> r, final SampleBatch batch, final long wallMs) {
            if (r.timestamp() > wallMs) {
                aheadOfWallClock.add(r.key() + " record timestamp " + r.timestamp() + " > " + wallMs);
            }
            for (final long t : batch.getTimestampMs()) {
                count++;
                oldestMs = Math.min(oldestMs, t);
                newestMs = Math.max(newestMs, t);
                if (t > wallMs) {
                    aheadOfWallClock.add(r.key() + " sample at " + t + " > " + wallMs);
                }
            }
        }
    }

    /** Console output as lines, safe to read while the demo writes. */
    private static final class Lines extends OutputStream {
        private final ByteArrayOutputStream current = new ByteArrayOutputStream();
        private final List<String> done = new ArrayList<>();

        @Override
        public synchronized void write(final int b) {
            if (b == '\n') {
                done.add(current.toString(StandardCharsets.UTF_8));
                current.reset();
            } else {
                current.write(b);
            }
        }

        synchronized List<String> snapshot() {
            return List.copyOf(done);
        }
    }
}
