package io.cellfloor.ingest.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellfloor.ingest.spool.SpoolDrainer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file the agent cannot read is quarantined with its reason; the agent reads every other file to its end. */
class FileFailuresTest {
    @TempDir
    Path dir;

    @Test
    void shouldQuarantineACorruptFileWithItsReasonAndReadTheOthers() throws Exception {
        final Path in = Files.createDirectories(dir.resolve("in"));
        AgentFixture.writeCsv(in.resolve("cell-a.csv"), 300, Set.of());
        final byte[] garbage = new byte[4096];
        new Random(15).nextBytes(garbage);
        Files.write(in.resolve("cell-b.res"), garbage);
        AgentFixture.writeCsv(in.resolve("cell-c.csv"), 200, Set.of());
        final SimpleMeterRegistry meters = new SimpleMeterRegistry();
        final MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(),
                new ByteArraySerializer());
        final FileAgent agent = AgentFixture.open(AgentFixture.settings(in, dir.resolve("q"), false), dir, meters,
                1 << 20);
        final SpoolDrainer drainer = new SpoolDrainer(agent.spool(), producer, 64, Duration.ofMillis(50), meters,
                System::currentTimeMillis).start();

        agent.run(() -> true);
        drainer.close(Duration.ofSeconds(10));
        agent.close();

        assertThat(FileAgentTest.samples(producer.history())).hasSize(500);
        assertThat(meters.counter("cellfloor.agent.files.quarantined").count()).isEqualTo(1);
        final List<String> reason = Files.readAllLines(dir.resolve("q").resolve("cell-b.res.quarantine"));
        assertThat(reason).hasSize(1);
        assertThat(reason.get(0)).startsWith("0\tfile unreadable: ");
    }
}
