package io.cellfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellfloor.avro.CellTest;
import io.cellfloor.avro.DeadLetter;
import io.cellfloor.avro.SampleBatch;
import io.cellfloor.embedded.EmbeddedKafkaCluster;
import io.cellfloor.embedded.RegistryProcess;
import io.cellfloor.ingest.agent.AgentSettings;
import io.cellfloor.ingest.agent.FileAgent;
import io.cellfloor.ingest.agent.FileAgentSettings;
import io.cellfloor.ingest.agent.StationAgent;
import io.cellfloor.ingest.format.ReaderOptions;
import io.cellfloor.ingest.spool.SpoolDrainer;
import io.cellfloor.schema.Topics;
import io.cellfloor.schema.registry.HttpSchemaRegistryClient;
import io.cellfloor.schema.registry.RegistryConfig;
import io.cellfloor.schema.registry.SchemaRegistryClient;
import io.cellfloor.schema.serde.CellfloorSerdes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's throughput benchmark, not part of the build: a generated Arbin CSV (15 columns, the layout of the
 * real export) read, batched (500), serialized, spooled, checkpointed and published to the in-JVM broker, timed
 * from the first row to the last acknowledgement. Run with
 * {@code ./mvnw -B -o test -pl cli -am -Dtest=AgentThroughputTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dcellfloor.bench.rows=3000000}; it is skipped unless {@code cellfloor.bench.rows} is set.
 */
@EnabledIfSystemProperty(named = "cellfloor.bench.rows", matches = "\\d+")
class AgentThroughputTest {
    @TempDir
    Path dir;

    @Test
    void shouldReadAndPublishAtLeastHalfAMillionRowsPerSecond() throws Exception {
        final long rows = Long.parseLong(System.getProperty("cellfloor.bench.rows"));
        final Path in = Files.createDirectories(dir.resolve("in"));
        writeArbin(in.resolve("bench.csv"), rows);
        try (EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.singleNode(dir.resolve("kafka")).start();
             RegistryProcess registry = RegistryProcess.start(dir)) {
            kafka.createTopics(new NewTopic(Topics.SAMPLES, 3, (short) 1).configs(Map.of("retention.ms", "-1")),
                    new NewTopic(Topics.CELL_TESTS, 3, (short) 1), new NewTopic(Topics.DEAD_LETTER, 1, (short) 1));
            final Map<String, String> rs = Map.of(RegistryConfig.URL, registry.url());
            final SchemaRegistryClient client = new HttpSchemaRegistryClient(RegistryConfig.fromMap(rs));
            final SimpleMeterRegistry meters = new SimpleMeterRegistry();
            final FileAgentSettings settings = new FileAgentSettings("bench", List.of(in), false, null, List.of(),
                    ReaderOptions.defaults(), dir.resolve("q"), Duration.ofMillis(100), Duration.ofMillis(1000),
                    AgentSettings.DEFAULTS);
            try (KafkaProducer<String, byte[]> producer = StationAgent.producer(kafka.bootstrapServers())) {
                final FileAgent agent = FileAgent.open(settings, dir.resolve("spool"), 1L << 30,
                        dir.resolve("checkpoint"),
                        CellfloorSerdes.value(SampleBatch.class, client, rs).serializer(),
                        CellfloorSerdes.value(CellTest.class, client, rs).serializer(),
                        CellfloorSerdes.value(DeadLetter.class, client, rs).serializer(),
                        meters, System::currentTimeMillis, null);
                final SpoolDrainer drainer = new SpoolDrainer(agent.spool(), producer, 512, Duration.ofSeconds(1),
                        meters, System::currentTimeMillis).start();
                final long start = System.nanoTime();
                agent.run(() -> true);
                final double readSeconds = (System.nanoTime() - start) / 1e9;
                drainer.close(Duration.ofMinutes(5));
                final double seconds = (System.nanoTime() - start) / 1e9;
                agent.close();
                final double published = meters.counter("cellfloor.agent.samples.published").count();
                System.out.printf(Locale.ROOT, "agent throughput: %,d rows read in %.2f s, all %,.0f published and "
                        + "acknowledged in %.2f s = %,.0f rows/s%n", rows, readSeconds, published, seconds,
                        published / seconds);
                assertThat(published).isEqualTo(rows);
            }
        }
    }

    /** The layout of the real Arbin CSV export, values at Arbin's precision. */
    private static void writeArbin(final Path file, final long rows) throws Exception {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            w.write("Data_Point,Test_Time,DateTime,Step_Time,Step_Index,Cycle_Index,Current,Voltage,Charge_Capacity,"
                    + "Discharge_Capacity,Charge_Energy,Discharge_Energy,dV/dt,Internal_Resistance,Temperature\r\n");
            for (long i = 1; i <= rows; i++) {
                final boolean charging = (i / 1000) % 2 == 0;
                final double t = i * 5.0275;
                w.write(String.format(Locale.ROOT, "%d,%.4f,%d,%.4f,%d,%d,%.7f,%.7f,%.8f,%.8f,3.0910666,6.15E-11,"
                                + "-5.34E-05,0.017097674,%.5f\r\n", i, t, 1_499_006_353L + (long) t, t % 6000,
                        charging ? 11 : 12, 1 + i / 2000, charging ? 1.0999289 : -0.4841213,
                        3.2796359 + (i % 1000) * 0.000731, (i % 1000) * 0.00153007,
                        charging ? 0 : (i % 1000) * 0.00149011, 29.18314 + i % 100 * 0.00001));
            }
        }
    }
}
