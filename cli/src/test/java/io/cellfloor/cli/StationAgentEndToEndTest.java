package io.cellfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cellfloor.avro.CellTest;
import io.cellfloor.avro.DeadLetter;
import io.cellfloor.avro.SampleBatch;
import io.cellfloor.embedded.EmbeddedKafkaCluster;
import io.cellfloor.embedded.KafkaAndRegistryExtension;
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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The station agent on a real broker and registry: the broker is stopped in the middle of a run and started
 * again; the agent's process is killed and started again. Each time the samples on the topic equal the file row
 * for row, every batch sequence of a test is there once (a batch sent twice has the same bytes, so the topology
 * drops the replay), and every bad row is in the quarantine and on the dead-letter topic.
 */
class StationAgentEndToEndTest {
    private static final Set<Integer> BAD_ROWS = Set.of(10, 12_345, 77_777);

    // the generated files' times start at the epoch: keep them regardless of age
    private static final Map<String, String> KEEP = Map.of("retention.ms", "-1");
    @RegisterExtension
    static final KafkaAndRegistryExtension PLATFORM = KafkaAndRegistryExtension.withTopics(List.of(
            new NewTopic(Topics.SAMPLES, 3, (short) 1).configs(KEEP),
            new NewTopic(Topics.CELL_TESTS, 3, (short) 1).configs(Map.of("cleanup.policy", "compact")),
            new NewTopic(Topics.DEAD_LETTER, 1, (short) 1).configs(KEEP)));
    @TempDir
    static Path dir;
    static EmbeddedKafkaCluster kafka;
    static SchemaRegistryClient client;
    static Map<String, String> registrySettings;

    @BeforeAll
    static void start() {
        kafka = PLATFORM.kafka();
        registrySettings = Map.of(RegistryConfig.URL, PLATFORM.registryUrl());
        client = new HttpSchemaRegistryClient(RegistryConfig.fromMap(registrySettings));
    }

    @Test
    void shouldPublishEveryRowOnceWhenTheBrokerIsStoppedInTheMiddleOfARun() throws Exception {
        final Path in = Files.createDirectories(dir.resolve("outage-in"));
        final Path file = in.resolve("outage-ch1.csv");
        writeCsv(file, 1, 40_000, true);
        final SimpleMeterRegistry meters = new SimpleMeterRegistry();
        final FileAgentSettings settings = new FileAgentSettings("st-outage", List.of(in), true, null, List.of(),
                ReaderOptions.defaults(), dir.resolve("outage-q"), Duration.ofMillis(50), Duration.ofMillis(100),
                AgentSettings.DEFAULTS);
        final FileAgent agent = FileAgent.open(settings, dir.resolve("outage-spool"), 256L << 20,
                dir.resolve("outage-checkpoint"),
                CellfloorSerdes.value(SampleBatch.class, client, registrySettings).serializer(),
                CellfloorSerdes.value(CellTest.class, client, registrySettings).serializer(),
                CellfloorSerdes.value(DeadLetter.class, client, registrySettings).serializer(),
                meters, System::currentTimeMillis, null);
        final boolean[] stop = {false};
        try (KafkaProducer<String, byte[]> producer = producer()) {
            final SpoolDrainer drainer = new SpoolDrainer(agent.spool(), producer, 256, Duration.ofMillis(500),
                    meters, System::currentTimeMillis).start();
            final Thread reader = new Thread(() -> {
                try {
                    agent.run(() -> !stop[0]);
                } catch (final Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "agent-under-test");
            reader.start();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> meters.counter("cellfloor.agent.samples.published").count() >= 39_000);

            kafka.stopBroker(0);
            writeCsv(file, 40_001, 100_000, false);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> meters.counter("cellfloor.agent.samples.read").count() == 100_000);
            assertThat(agent.spool().bytes()).as("rows read while the broker is down wait in the spool")
                    .isGreaterThan(0);
            assertThat(meters.counter("cellfloor.agent.samples.published").count()).isLessThan(99_000);
            // keep the broker down a while: the oldest spooled record ages, nothing is lost
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> meters.get("cellfloor.agent.spool.oldest.age.seconds").gauge().value() >= 5);
            kafka.startBroker(0);

            await().atMost(Duration.ofSeconds(120)).until(() ->
                    meters.counter("cellfloor.agent.samples.published").count()
                            + meters.counter("cellfloor.agent.rows.quarantined").count() == 100_000
                            && drainer.drained());
            stop[0] = true;
            reader.join(Duration.ofSeconds(10).toMillis());
            drainer.close(Duration.ofSeconds(10));
            agent.close();
        }
        assertThat(meters.counter("cellfloor.agent.rows.quarantined").count()).isEqualTo(BAD_ROWS.size());
        assertTopicEqualsFile("outage-ch1", 100_000, false);
        assertThat(Files.readAllLines(dir.resolve("outage-q").resolve("outage-ch1.csv.quarantine")))
                .hasSize(BAD_ROWS.size());
    }

    @Test
    void shouldPublishEveryRowOnceWhenTheAgentProcessIsKilledAndStartedAgain() throws Exception {
        final Path in = Files.createDirectories(dir.resolve("kill-in"));
        writeCsv(in.resolve("kill-ch2.csv"), 1, 600_000, true);
        final Path config = dir.resolve("station.yaml");
        Files.writeString(config, String.join("\n",
                "station: st-kill",
                "mode: backfill",
                "directories: [" + in + "]",
                "stateDir: " + dir.resolve("kill-state"),
                "checkpointIntervalMs: 200",
                "kafka:",
                "  bootstrap.servers: " + kafka.bootstrapServers(),
                "registry:",
                "  url: " + PLATFORM.registryUrl(),
                "metricsPort: 0", ""));
        final Path checkpoint = dir.resolve("kill-state").resolve("checkpoint").resolve("checkpoint.properties");

        final Process first = agentProcess(config, dir.resolve("kill-first.log"));
        await().atMost(Duration.ofSeconds(60)).until(() -> checkpointLine(checkpoint) > 50_000);
        first.destroyForcibly().waitFor();
        final long lineAtKill = checkpointLine(checkpoint);
        assertThat(lineAtKill).as("killed in the middle of the file").isLessThan(600_001);

        final Process second = agentProcess(config, dir.resolve("kill-second.log"));
        await().atMost(Duration.ofSeconds(120)).until(() -> !second.isAlive());
        final String secondLog = Files.readString(dir.resolve("kill-second.log"));
        assertThat(second.exitValue()).as(secondLog).isZero();
        assertThat(secondLog).contains("resuming after line");
        assertTopicEqualsFile("kill-ch2", 600_000, true);
    }

    private static Process agentProcess(final Path config, final Path log) throws IOException {
        final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "agent", "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static long checkpointLine(final Path checkpoint) {
        try {
            if (!Files.exists(checkpoint)) {
                return 0;
            }
            final Properties p = new Properties();
            p.load(new java.io.StringReader(Files.readString(checkpoint)));
            return Long.parseLong(p.getProperty("file.0.line", "0"));
        } catch (final IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * Reads the channel's batches from the samples topic: each sequence number once (a repeat must be the same
     * bytes), numbered 0, 1, 2 ... with no gap, and their samples equal the file's good rows in order.
     */
    private static void assertTopicEqualsFile(final String channel, final int rows, final boolean ended) {
        final Map<Long, byte[]> bySequence = new TreeMap<>();
        final Map<Long, SampleBatch> batches = new HashMap<>();
        final int[] samples = {0};
        final int expected = rows - BAD_ROWS.size();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "agent-e2e-" + channel,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.SAMPLES));
            final var deserializer = CellfloorSerdes.value(SampleBatch.class, client, registrySettings).deserializer();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (final ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (!channel.equals(r.key())) {
                        continue;
                    }
                    final SampleBatch b = deserializer.deserialize(Topics.SAMPLES, r.value());
                    final byte[] before = bySequence.putIfAbsent(b.getSequence(), r.value());
                    if (before == null) {
                        batches.put(b.getSequence(), b);
                        samples[0] += b.getTimestampMs().size();
                    } else {
                        assertThat(r.value()).as("batch %d sent again with other content", b.getSequence())
                                .isEqualTo(before);
                    }
                }
                return samples[0] >= expected;
            });
        }
        assertThat(bySequence.keySet()).as("sequence numbers of %s without gap", channel)
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, bySequence.size()).boxed().toList());
        final List<Long> times = new ArrayList<>(expected);
        final List<Double> voltages = new ArrayList<>(expected);
        bySequence.keySet().forEach(seq -> {
            times.addAll(batches.get(seq).getTimestampMs());
            voltages.addAll(batches.get(seq).getVoltageV());
        });
        assertThat(times).hasSize(expected);
        int k = 0;
        for (int i = 1; i <= rows; i++) {
            if (BAD_ROWS.contains(i)) {
                continue;
            }
            assertThat(times.get(k)).as("row %d", i).isEqualTo(i * 1000L);
            assertThat(voltages.get(k)).as("row %d", i).isEqualTo(voltage(i));
            k++;
        }
        assertThat(batches.get((long) bySequence.size() - 1).getEndOfTest()).as("end of test").isEqualTo(ended);
    }

    private static double voltage(final int i) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.4f", 3.0 + (i % 100) * 0.001));
    }

    /** Appends rows {@code from..to} (1-based) of a minimal Arbin-style CSV, the header first when asked. */
    private static void writeCsv(final Path file, final int from, final int to, final boolean header)
            throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            if (header) {
                w.write("Data_Point,Test_Time,Cycle_Index,Current,Voltage\n");
            }
            for (int i = from; i <= to; i++) {
                final boolean charging = (i / 100) % 2 == 0;
                w.write(i + "," + i + "," + (1 + i / 200) + "," + (charging ? "0.001" : "-0.001") + ","
                        + (BAD_ROWS.contains(i) ? "abc" : String.format(Locale.ROOT, "%.4f", 3.0 + (i % 100) * 0.001))
                        + "\n");
            }
        }
    }

    private static KafkaProducer<String, byte[]> producer() {
        return StationAgent.producer(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000"));
    }
}
