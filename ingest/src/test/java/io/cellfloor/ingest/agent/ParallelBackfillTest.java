package io.cellfloor.ingest.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellfloor.avro.SampleBatch;
import io.cellfloor.ingest.spool.SpoolDrainer;
import io.cellfloor.schema.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backfill on several reader threads: every channel's batches as on one thread, none lost, none twice. */
class ParallelBackfillTest {
    private static final int CHANNELS = 9;
    private static final int ROWS = 23_456; // three slices per file, the last one partial

    @TempDir
    Path dir;

    @Test
    void shouldPublishEveryChannelInOrderWithNoLossOrDuplicateOnFourReaders() throws Exception {
        final Path in = Files.createDirectories(dir.resolve("in"));
        for (int c = 0; c < CHANNELS; c++) {
            // a different bad row per channel, so a mix-up of channels shows as a wrong count or gap
            AgentFixture.writeCsv(in.resolve("cell-" + c + ".csv"), ROWS + c * 101, Set.of(1_000 + c));
        }

        final Map<String, List<SampleBatch>> alone = backfill(in, "alone", 1);
        final Map<String, List<SampleBatch>> parallel = backfill(in, "parallel", 4);

        assertThat(parallel.keySet()).hasSize(CHANNELS).isEqualTo(alone.keySet());
        for (final String channel : parallel.keySet()) {
            final List<SampleBatch> batches = parallel.get(channel);
            final int c = Integer.parseInt(channel.substring("cell-".length()));
            final List<Long> times = new ArrayList<>();
            for (int i = 0; i < batches.size(); i++) {
                assertThat(batches.get(i).getSequence()).as("sequence of %s", channel).isEqualTo(i);
                times.addAll(batches.get(i).getTimestampMs());
            }
            assertThat(times).as("samples of %s", channel).hasSize(ROWS + c * 101 - 1).isSorted()
                    .doesNotHaveDuplicates();
            assertThat(batches.get(batches.size() - 1).getEndOfTest()).isTrue();
            assertThat(batches).as("%s as read on one thread", channel).isEqualTo(alone.get(channel));
        }
    }

    /** Runs a backfill of {@code in} on {@code readers} threads; the sample batches sent, per channel, in order. */
    private Map<String, List<SampleBatch>> backfill(final Path in, final String name, final int readers)
            throws Exception {
        final SimpleMeterRegistry meters = new SimpleMeterRegistry();
        final MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(),
                new ByteArraySerializer());
        // no checkpoint before the end: a checkpoint closes the open batches, and when one falls due depends on the
        // machine's speed, so batch boundaries would differ between two runs on any number of threads
        final FileAgent agent = AgentFixture.open(AgentFixture.settings(in, dir.resolve(name + "-q"), false,
                Duration.ofHours(1).toMillis()).withReaders(readers), dir.resolve(name), meters, 1 << 26);
        final SpoolDrainer drainer = new SpoolDrainer(agent.spool(), producer, 64, Duration.ofMillis(20), meters,
                System::currentTimeMillis).start();
        agent.run(() -> true);
        drainer.close(Duration.ofSeconds(30));
        agent.close();
        assertThat(drainer.drained()).isTrue();
        final Map<String, List<SampleBatch>> out = new LinkedHashMap<>();
        for (final ProducerRecord<String, byte[]> r : producer.history()) {
            if (r.topic().equals(Topics.SAMPLES)) {
                final SampleBatch b = AgentFixture.batches().deserialize(Topics.SAMPLES, r.value());
                assertThat(b.getChannelId()).isEqualTo(r.key());
                out.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(b);
            }
        }
        return out;
    }
}
