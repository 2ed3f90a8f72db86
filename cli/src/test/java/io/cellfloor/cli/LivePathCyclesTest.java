package io.cellfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellfloor.avro.CellTest;
import io.cellfloor.avro.CycleSummary;
import io.cellfloor.avro.SampleBatch;
import io.cellfloor.embedded.KafkaAndRegistryExtension;
import io.cellfloor.ingest.FileSource;
import io.cellfloor.ingest.agent.AgentSettings;
import io.cellfloor.ingest.agent.StationAgent;
import io.cellfloor.ingest.format.ReaderOptions;
import io.cellfloor.schema.Topics;
import io.cellfloor.schema.registry.SchemaRegistryClient;
import io.cellfloor.schema.serde.CellfloorSerdes;
import io.cellfloor.streams.app.CellfloorRuntime;
import io.cellfloor.streams.app.TopicPlan;
import io.cellfloor.streams.config.StreamsAppConfig;
import io.cellfloor.streams.query.AvroMaps;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live path gives the cycles {@code analyze} gives: real cycler files (read in place from {@code ../shared/data})
 * published by the station agent to a real broker and registry, cycled by the streams app with exactly-once, and
 * read back read_committed, equal {@code analyze}'s lines for the same files, field for field. The agent publishes
 * in smaller batches than analyze does, so the cycles must not depend on where batches are cut.
 *
 * <p>Files: neware_uio.csv from jepegit/cellpy (MIT), PredictionDiagnostics_000109_tztest.010 from TRI-AMDD/beep
 * (Apache-2.0); see the MANIFEST there.
 */
class LivePathCyclesTest {
    private static final String STATION = "offline"; // the station analyze names its files' channels under

    @RegisterExtension
    static final KafkaAndRegistryExtension PLATFORM = KafkaAndRegistryExtension.withTopics(TopicPlan.topics(3, 1));
    @TempDir
    static Path dir;

    @Test
    void shouldGiveTheCyclesAnalyzeGivesForTheSameRealFiles() throws Exception {
        final Path data = Path.of(System.getProperty("cellfloor.shared.data", "../../shared/data"));
        final Path neware = data.resolve("neware/neware_uio.csv");
        final Path maccor = data.resolve("maccor/PredictionDiagnostics_000109_tztest.010");
        assumeTrue(Files.isReadable(neware) && Files.isReadable(maccor), "real cycler exports not found at "
                + data.toAbsolutePath() + " (../shared/data beside the clone); skipping");
        final List<String> expected = new ArrayList<>(analyze(neware, "UTC"));
        expected.addAll(analyze(maccor, "US/Pacific"));
        final StreamsAppConfig config = StreamsAppConfig.parse(Map.of(
                "bootstrap.servers", PLATFORM.bootstrapServers(),
                StreamsAppConfig.REGISTRY_URL, PLATFORM.registryUrl(),
                "application.id", "cellfloor-live-cycles",
                "state.dir", dir.resolve("streams").toString()));

        final List<String> live;
        try (CellfloorRuntime streams = CellfloorRuntime.of(config).start();
             KafkaProducer<String, byte[]> producer = StationAgent.producer(PLATFORM.bootstrapServers())) {
            final SchemaRegistryClient client = streams.registryClient();
            final Map<String, String> registry = streams.registrySettings();
            publish(neware, "UTC", producer, client, registry);
            publish(maccor, "US/Pacific", producer, client, registry);
            live = readCycles(client, registry, expected);
            assertThat(streams.failure()).isNull();
        }

        assertThat(expected).hasSize(4 + 4);
        assertThat(live).containsExactlyElementsOf(expected);
    }

    /** What analyze writes for the file: its lines, one per cycle. */
    private static List<String> analyze(final Path file, final String zone) throws Exception {
        final Path out = dir.resolve("analyze");
        final int status = AnalyzeCommand.run(List.of(file.toString()), out.toString(), null, zone,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(status).isZero();
        return Files.readAllLines(out.resolve(FileSource.baseName(file) + ".jsonl")).stream()
                .filter(l -> !l.isBlank()).toList();
    }

    private static void publish(final Path file, final String zone, final KafkaProducer<String, byte[]> producer,
                                final SchemaRegistryClient client, final Map<String, String> registry)
            throws Exception {
        try (FileSource source = new FileSource(file, STATION, null,
                ReaderOptions.defaults().withZone(ZoneId.of(zone)), r -> { })) {
            final StationAgent agent = new StationAgent(source, producer,
                    CellfloorSerdes.value(SampleBatch.class, client, registry).serializer(),
                    CellfloorSerdes.value(CellTest.class, client, registry).serializer(),
                    new AgentSettings(137, 1000), new SimpleMeterRegistry(), System::currentTimeMillis);
            agent.publishCellTests();
            agent.run(() -> true);
        }
        producer.flush();
    }

    /** The cycles topic, read committed, each cycle as analyze writes it, in analyze's order of channels. */
    private static List<String> readCycles(final SchemaRegistryClient client, final Map<String, String> registry,
                                           final List<String> analyzed) throws Exception {
        final ObjectMapper json = new ObjectMapper();
        final List<String> channels = new ArrayList<>();
        for (final String line : analyzed) {
            final String channel = json.readTree(line).get("channelId").asText();
            if (!channels.contains(channel)) {
                channels.add(channel);
            }
        }
        final int expected = analyzed.size();
        final List<CycleSummary> read = new ArrayList<>();
        try (KafkaConsumer<String, CycleSummary> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, PLATFORM.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "live-cycles-reader",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                CellfloorSerdes.value(CycleSummary.class, client, registry).deserializer())) {
            consumer.subscribe(List.of(Topics.CYCLES));
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                for (final ConsumerRecord<String, CycleSummary> r : consumer.poll(Duration.ofMillis(200))) {
                    read.add(r.value());
                }
                return read.size() >= expected;
            });
            consumer.poll(Duration.ofSeconds(2)).forEach(r -> read.add(r.value()));
        }
        read.sort(Comparator.comparing((CycleSummary c) -> channels.indexOf(c.getChannelId()))
                .thenComparing(CycleSummary::getStartMs));
        final List<String> out = new ArrayList<>();
        for (final CycleSummary c : read) {
            out.add(json.writeValueAsString(AvroMaps.of(c)));
        }
        return out;
    }
}
