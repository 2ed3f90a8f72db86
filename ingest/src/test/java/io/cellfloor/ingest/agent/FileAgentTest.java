package io.cellfloor.ingest.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cellfloor.avro.DeadLetter;
import io.cellfloor.avro.SampleBatch;
import io.cellfloor.ingest.spool.SpoolDrainer;
import io.cellfloor.schema.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file agent end to end against a mock producer: accounting, quarantine, resume after a crash, follow. */
class FileAgentTest {
    @TempDir
    Path dir;

    private static MockProducer<String, byte[]> producer() {
        return new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    }

    @Test
    void shouldAccountForEveryRowAsPublishedOrQuarantined() throws Exception {
        final Path in = Files.createDirectories(dir.resolve("in"));
        AgentFixture.writeCsv(in.resolve("cell-a.csv"), 1_000, Set.of(7, 500, 999));
        final SimpleMeterRegistry meters = new SimpleMeterRegistry();
        final MockProducer<String, byte[]> producer = producer();
        final FileAgent agent = AgentFixture.open(AgentFixture.settings(in, dir.resolve("q"), false), dir, meters,
                1 << 20);
        final SpoolDrainer drainer = new SpoolDrainer(agent.spool(), producer, 64, Duration.ofMillis(50), meters,
                System::currentTimeMillis).start();

        agent.run(() -> true);
        drainer.close(Duration.ofSeconds(10));
        agent.close();

        assertThat(drainer.drained()).isTrue();
        final double read = meters.counter("cellfloor.agent.samples.read").count();
        final double published = meters.counter("cellfloor.agent.samples.published").count();
        final double quarantined = meters.counter("cellfloor.agent.rows.quarantined").count();
        assertThat(read).isEqualTo(1_000);
        assertThat(quarantined).isEqualTo(3);
        assertThat(published + quarantined).isEqualTo(read);
        final List<String> quarantine = Files.readAllLines(dir.resolve("q").resolve("cell-a.csv.quarantine"));
        assertThat(quarantine).hasSize(3);
        assertThat(quarantine.get(0)).startsWith("8\t").contains("abc");
        final List<DeadLetter> letters = producer.history().stream()
                .filter(r -> r.topic().equals(Topics.DEAD_LETTER))
                .map(r -> AgentFixture.deadLetters().deserialize(Topics.DEAD_LETTER, r.value())).toList();
        assertThat(letters).extracting(DeadLetter::getOffset).containsExactly(8L, 501L, 1000L);
        assertThat(letters.get(0).getSourceTopic()).endsWith("cell-a.csv");
        assertThat(StandardCharsets.UTF_8.decode(letters.get(0).getPayload()).toString()).contains("abc");
        assertThat(samples(producer.history())).hasSize(997);
    }

    @Test
    void shouldResumeAfterACrashWithNoGapNoDuplicateAndTheSameSequenceNumbers() throws Exception {
        final Path in = Files.createDirectories(dir.resolve("in"));
        AgentFixture.writeCsv(in.resolve("cell-b.csv"), 50_000, Set.of(42, 25_000));
        final MockProducer<String, byte[]> first = producer();
        final FileAgent crashed = AgentFixture.open(AgentFixture.settings(in, dir.resolve("q"), false, 0), dir,
                new SimpleMeterRegistry(), 1 << 24);
        final SpoolDrainer firstDrainer = new SpoolDrainer(crashed.spool(), first, 8, Duration.ofMillis(50),
                new SimpleMeterRegistry(), System::currentTimeMillis).start();
        final int[] polls = {0};
        // killed mid-file: no close, no last checkpoint; spool, quarantine and checkpoint stay as a kill leaves them
        assertThatThrownBy(() -> crashed.run(() -> {
            if (polls[0]++ == 3) {
                throw new IllegalStateException("killed");
            }
            return true;
        })).hasMessage("killed");
        firstDrainer.close(Duration.ofSeconds(5));
        assertThat(samples(first.history())).as("the first run sent part of the file").isNotEmpty().hasSizeLessThan(49_000);

        final MockProducer<String, byte[]> second = producer();
        final SimpleMeterRegistry meters = new SimpleMeterRegistry();
        final FileAgent resumed = AgentFixture.open(AgentFixture.settings(in, dir.resolve("q"), false), dir, meters,
                1 << 20);
        final SpoolDrainer drainer = new SpoolDrainer(resumed.spool(), second, 64, Duration.ofMillis(50), meters,
                System::currentTimeMillis).start();
        resumed.run(() -> true);
        drainer.close(Duration.ofSeconds(10));
        resumed.close();

        final List<ProducerRecord<String, byte[]>> all = new ArrayList<>(first.history());
        all.addAll(second.history());
        final Map<Long, SampleBatch> bySequence = new TreeMap<>();
        for (final ProducerRecord<String, byte[]> r : all) {
            if (r.topic().equals(Topics.SAMPLES)) {
                final SampleBatch b = AgentFixture.batches().deserialize(Topics.SAMPLES, r.value());
                final SampleBatch before = bySequence.putIfAbsent(b.getSequence(), b);
                assertThat(before == null || before.equals(b))
                        .as("batch %d sent twice with different content", b.getSequence()).isTrue();
            }
        }
        assertThat(bySequence.keySet()).as("sequence numbers with no gap")
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, bySequence.size()).boxed().toList());
        final List<Long> times = new ArrayList<>();
        bySequence.values().forEach(b -> times.addAll(b.getTimestampMs()));
        assertThat(times).hasSize(49_998).doesNotHaveDuplicates().isSorted();
        assertThat(Files.readAllLines(dir.resolve("q").resolve("cell-b.csv.quarantine"))).hasSize(2);
    }

    @Test
    void shouldStopReadingWhileTheSpoolIsFullAndCatchUpWhenKafkaTakesRecordsAgain() throws Exception {
        final Path in = Files.createDirectories(dir.resolve("in"));
        AgentFixture.writeCsv(in.resolve("cell-c.csv"), 20_000, Set.of());
        final SimpleMeterRegistry meters = new SimpleMeterRegistry();
        final MockProducer<String, byte[]> stuck = new MockProducer<>(false, null, new StringSerializer(),
                new ByteArraySerializer());
        final FileAgent agent = AgentFixture.open(AgentFixture.settings(in, dir.resolve("q"), false), dir, meters,
                64 * 1024);
        final SpoolDrainer drainer = new SpoolDrainer(agent.spool(), stuck, 4, Duration.ofMillis(20), meters,
                System::currentTimeMillis).start();
        final Thread reader = new Thread(() -> {
            try {
                agent.run(() -> true);
            } catch (final Exception e) {
                throw new IllegalStateException(e);
            }
        });
        reader.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> agent.spool().isFull());
        final double[] last = {-1};
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> {
            final double now = meters.counter("cellfloor.agent.samples.read").count();
            final boolean settled = now == last[0];
            last[0] = now;
            return settled;
        });
        final double readWhileFull = last[0];
        assertThat(readWhileFull).as("reading paused before the end of the file").isLessThan(20_000);
        assertThat(agent.spool().bytes()).as("bounded: at most one batch over the limit").isLessThan(64 * 1024 + 4096);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> meters.counter("cellfloor.agent.samples.read").count() == readWhileFull);
        assertThat(meters.get("cellfloor.agent.spool.oldest.age.seconds").gauge().value()).isGreaterThan(0);
        assertThat(meters.get("cellfloor.agent.spool.full").gauge().value()).as("the health gauge alerts").isEqualTo(1);

        final Thread acker = new Thread(() -> {
            while (reader.isAlive() || !drainer.drained()) {
                while (stuck.completeNext()) {
                    // the broker is back: acknowledge everything sent so far
                }
                Thread.onSpinWait();
            }
        });
        acker.setDaemon(true);
        acker.start();
        reader.join(Duration.ofSeconds(30).toMillis());
        drainer.close(Duration.ofSeconds(10));
        agent.close();
        assertThat(meters.counter("cellfloor.agent.samples.published").count()).isEqualTo(20_000);
        assertThat(meters.get("cellfloor.agent.spool.full").gauge().value()).isZero();
        final List<Long> sent = samples(stuck.history());
        assertThat(sent).as("nothing lost, nothing twice, in order").hasSize(20_000).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void shouldFollowAGrowingFileAndStartANewTestWhenItIsRewritten() throws Exception {
        final Path in = Files.createDirectories(dir.resolve("in"));
        final Path file = in.resolve("cell-d.csv");
        AgentFixture.writeCsv(file, 100, Set.of());
        final SimpleMeterRegistry meters = new SimpleMeterRegistry();
        final MockProducer<String, byte[]> producer = producer();
        final FileAgent agent = AgentFixture.open(AgentFixture.settings(in, dir.resolve("q"), true), dir, meters,
                1 << 20);
        final SpoolDrainer drainer = new SpoolDrainer(agent.spool(), producer, 64, Duration.ofMillis(20), meters,
                System::currentTimeMillis).start();
        final boolean[] stop = {false};
        final Thread reader = new Thread(() -> {
            try {
                agent.run(() -> !stop[0]);
            } catch (final Exception e) {
                throw new IllegalStateException(e);
            }
        });
        reader.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> samples(producer.history()).size() == 100);
        final StringBuilder more = new StringBuilder();
        for (int i = 101; i <= 150; i++) {
            more.append(AgentFixture.row(i, false));
        }
        Files.writeString(file, more.toString(), StandardOpenOption.APPEND);
        await().atMost(Duration.ofSeconds(10)).until(() -> samples(producer.history()).size() == 150);

        AgentFixture.writeCsv(file, 30, Set.of());
        await().atMost(Duration.ofSeconds(10)).until(() -> samples(producer.history()).size() == 180);
        stop[0] = true;
        reader.join(Duration.ofSeconds(10).toMillis());
        drainer.close(Duration.ofSeconds(10));
        agent.close();

        final Map<String, Long> firstSequence = new HashMap<>();
        for (final ProducerRecord<String, byte[]> r : producer.history()) {
            if (r.topic().equals(Topics.SAMPLES)) {
                final SampleBatch b = AgentFixture.batches().deserialize(Topics.SAMPLES, r.value());
                firstSequence.putIfAbsent(b.getTestId(), b.getSequence());
            }
        }
        assertThat(firstSequence).hasSize(2).containsEntry("cell-d", 0L);
        assertThat(firstSequence.values()).containsOnly(0L);
    }

    @Test
    void shouldReadARotatedFileToItsEndOnceAndTheNewFileAsANewTest() throws Exception {
        final Path in = Files.createDirectories(dir.resolve("in"));
        final Path file = in.resolve("cell-e.csv");
        AgentFixture.writeCsv(file, 100, Set.of());
        final SimpleMeterRegistry meters = new SimpleMeterRegistry();
        final MockProducer<String, byte[]> producer = producer();
        final FileAgent agent = AgentFixture.open(AgentFixture.settings(in, dir.resolve("q"), true), dir, meters,
                1 << 20);
        final SpoolDrainer drainer = new SpoolDrainer(agent.spool(), producer, 64, Duration.ofMillis(20), meters,
                System::currentTimeMillis).start();
        final boolean[] stop = {false};
        final Thread reader = new Thread(() -> {
            try {
                agent.run(() -> !stop[0]);
            } catch (final Exception e) {
                throw new IllegalStateException(e);
            }
        });
        reader.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> samples(producer.history()).size() == 100);

        // the cycler rotates: the old file moves aside (still matched), a new one starts at the old name
        Files.move(file, in.resolve("cell-e.1.csv"));
        AgentFixture.writeCsv(file, 20, Set.of());
        await().atMost(Duration.ofSeconds(10)).until(() -> samples(producer.history()).size() >= 120);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
                .until(() -> samples(producer.history()).size() == 120);
        stop[0] = true;
        reader.join(Duration.ofSeconds(10).toMillis());
        drainer.close(Duration.ofSeconds(10));
        agent.close();
        assertThat(meters.counter("cellfloor.agent.samples.read").count()).isEqualTo(120);
    }

    static List<Long> samples(final List<ProducerRecord<String, byte[]>> records) {
        final List<Long> out = new ArrayList<>();
        for (final ProducerRecord<String, byte[]> r : new ArrayList<>(records)) {
            if (r.topic().equals(Topics.SAMPLES)) {
                out.addAll(AgentFixture.batches().deserialize(Topics.SAMPLES, r.value()).getTimestampMs());
            }
        }
        return out;
    }
}
