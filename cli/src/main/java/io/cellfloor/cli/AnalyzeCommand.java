package io.cellfloor.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.cellfloor.avro.CellTest;
import io.cellfloor.avro.ChannelStatus;
import io.cellfloor.avro.CycleSummary;
import io.cellfloor.avro.DeadLetter;
import io.cellfloor.avro.SampleBatch;
import io.cellfloor.domain.CellSpec;
import io.cellfloor.domain.CycleBoundaries;
import io.cellfloor.ingest.FileSource;
import io.cellfloor.ingest.agent.AgentSettings;
import io.cellfloor.ingest.agent.StationAgent;
import io.cellfloor.ingest.format.ReaderOptions;
import io.cellfloor.ingest.format.RejectedRow;
import io.cellfloor.schema.Topics;
import io.cellfloor.schema.registry.InMemorySchemaRegistryClient;
import io.cellfloor.schema.serde.CellfloorSerdes;
import io.cellfloor.streams.offline.OfflineRun;
import io.cellfloor.streams.query.AvroMaps;
import io.cellfloor.streams.topology.TopologySettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cellfloor analyze --out DIR [--cell-test FILE] [--zone ZONE] [--cycle-boundaries auto|cycler|direction]
 * FILE...}: runs the production topology over cycler files without a broker, in an {@link OfflineRun} (Kafka Streams' own test driver), fed by the same station
 * agent code that publishes on a floor. Writes {@code DIR/<file name without extension>.jsonl}, one JSON object per
 * cycle, and prints a short summary per file.
 */
@Command(name = "analyze", sortOptions = false,
        description = "run the topology over cycler files, no broker needed: one JSON line per cycle")
final class AnalyzeCommand implements Callable<Integer> {
    private static final int REPORTED_REJECTIONS = 5;
    private static final List<String> REQUIRED_CELL_FIELDS = List.of("kind", "areaCm2", "electrolyte", "collector",
            "currentDensityMAcm2", "arealCapacityMAhCm2", "cutoffLowV", "cutoffHighV", "stackPressureMPa",
            "ceDirection");

    @Option(names = "--out", paramLabel = "DIR", description = "where DIR/<file name>.jsonl go")
    private String outDir;

    @Option(names = "--cell-test", paramLabel = "FILE", description = "the cell test, JSON or YAML (see README)")
    private String cellTestFile;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "the cycler PC's time zone, for files with local times (default ${DEFAULT-VALUE})")
    private String zone;

    @Option(names = "--cycle-boundaries", paramLabel = "auto|cycler|direction", defaultValue = "auto",
            description = "where cycles are cut: the cycler's cycle index where the file has one (auto, the default),"
                    + " always the index (cycler), or the direction of current (direction)")
    private String boundaries;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "cycler files, any supported format")
    private List<String> files = List.of();

    @Override
    public Integer call() throws IOException {
        return run(files, outDir, cellTestFile, zone, CycleBoundaries.parse(boundaries), System.out);
    }

    static int run(final List<String> files, final String outDirName, final String cellTestFile, final String zone,
                   final PrintStream out) throws IOException {
        return run(files, outDirName, cellTestFile, zone, CycleBoundaries.AUTO, out);
    }

    static int run(final List<String> files, final String outDirName, final String cellTestFile, final String zone,
                   final CycleBoundaries boundaries, final PrintStream out) throws IOException {
        if (files.isEmpty() || outDirName == null) {
            throw new IllegalArgumentException("usage: ./cellfloor analyze --out DIR [--cell-test FILE] FILE...");
        }
        final Path outDir = Files.createDirectories(Path.of(outDirName));
        final CellSpec cell = cellTestFile == null ? null : readCell(Path.of(cellTestFile));
        if (cell == null) {
            out.println("warning: no --cell-test given: cell kind, area and cut-offs unknown; the CE direction is "
                    + "taken from the first half-cycle of each file, and capacities per cm2 are not computed");
        }
        final ReaderOptions reading = ReaderOptions.defaults().withZone(ZoneId.of(zone));
        final TopologySettings d = TopologySettings.DEFAULTS;
        final TopologySettings settings = new TopologySettings(d.rules().withBoundaries(boundaries), d.sampleGrace(),
                d.windowGrace());
        int failed = 0;
        for (final String name : files) {
            try {
                analyze(Path.of(name), cell, reading, settings, outDir, out);
            } catch (IOException | RuntimeException e) {
                failed++;
                out.println(name + ": not analysed: " + e.getMessage());
            }
        }
        return failed == 0 ? 0 : 1;
    }

    static CellSpec readCell(final Path file) throws IOException {
        final String lower = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        final ObjectMapper mapper = (lower.endsWith(".yaml") || lower.endsWith(".yml")
                ? new ObjectMapper(new YAMLFactory()) : new ObjectMapper())
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        try {
            final JsonNode tree = mapper.readTree(file.toFile());
            final List<String> missing = REQUIRED_CELL_FIELDS.stream().filter(f -> tree == null || !tree.has(f))
                    .toList();
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("missing " + String.join(", ", missing));
            }
            return mapper.treeToValue(tree, CellSpec.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cell test " + file + " is not a valid CellTest (fields: kind, "
                    + "areaCm2, electrolyte, collector, currentDensityMAcm2, arealCapacityMAhCm2, cutoffLowV, "
                    + "cutoffHighV, stackPressureMPa, ceDirection, optional averageCe): " + e.getMessage(), e);
        }
    }

    private static void analyze(final Path file, final CellSpec cell, final ReaderOptions reading,
                                final TopologySettings settings, final Path outDir, final PrintStream out)
            throws IOException {
        final List<RejectedRow> rejected = new ArrayList<>();
        final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
        final Map<String, String> registryConfig = Map.of("schema.registry.url", "http://in-memory.invalid");
        final MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(),
                new ByteArraySerializer());
        final FileSource source = new FileSource(file, "offline", cell, reading, rejected::add);
        try (source) {
            final StationAgent agent = new StationAgent(source, producer,
                    CellfloorSerdes.value(SampleBatch.class, registry, registryConfig).serializer(),
                    CellfloorSerdes.value(CellTest.class, registry, registryConfig).serializer(),
                    AgentSettings.DEFAULTS, new SimpleMeterRegistry(), () -> 0L);
            agent.publishCellTests();
            agent.run(() -> true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + file, e);
        }
        final Path jsonl = outDir.resolve(FileSource.baseName(file) + ".jsonl");
        final List<CycleSummary> cycles;
        final List<DeadLetter> letters;
        final List<ChannelStatus> statuses;
        try (OfflineRun run = OfflineRun.start(registry, registryConfig, settings,
                "cellfloor-analyze")) {
            for (final ProducerRecord<String, byte[]> r : producer.history()) {
                final long timestampMs = r.timestamp() == null ? 0L : r.timestamp();
                if (r.topic().equals(Topics.CELL_TESTS)) {
                    run.cellTest(r.key(), r.value(), timestampMs);
                } else {
                    run.samples(r.key(), r.value(), timestampMs);
                }
            }
            cycles = run.take(Topics.CYCLES, CycleSummary.class);
            letters = run.take(Topics.DEAD_LETTER, DeadLetter.class);
            statuses = run.take(Topics.CHANNEL_STATUS, ChannelStatus.class);
        }
        final ChannelStatus status = statuses.isEmpty() ? null : statuses.get(statuses.size() - 1);
        final ObjectMapper json = new ObjectMapper();
        try (Writer w = Files.newBufferedWriter(jsonl);
             SequenceWriter lines = json.writer().withRootValueSeparator("\n").writeValues(w)) {
            for (final CycleSummary c : cycles) {
                lines.write(AvroMaps.of(c));
            }
            w.write("\n");
        }
        new AnalysisReport(file, source, cycles, letters, rejected, status, jsonl).print(out, REPORTED_REJECTIONS);
    }
}
