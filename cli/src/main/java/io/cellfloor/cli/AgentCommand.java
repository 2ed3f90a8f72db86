package io.cellfloor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.cellfloor.avro.CellTest;
import io.cellfloor.avro.DeadLetter;
import io.cellfloor.avro.SampleBatch;
import io.cellfloor.domain.CellSpec;
import io.cellfloor.ingest.SimulatedSource;
import io.cellfloor.ingest.agent.AgentSettings;
import io.cellfloor.ingest.agent.BackfillProgress;
import io.cellfloor.ingest.agent.FileAgent;
import io.cellfloor.ingest.agent.FileAgentSettings;
import io.cellfloor.ingest.agent.StationAgent;
import io.cellfloor.ingest.config.StationConfig;
import io.cellfloor.ingest.spool.Spool;
import io.cellfloor.ingest.spool.SpoolDrainer;
import io.cellfloor.schema.registry.HttpSchemaRegistryClient;
import io.cellfloor.schema.registry.RegistryConfig;
import io.cellfloor.schema.registry.SchemaRegistryClient;
import io.cellfloor.schema.serde.CellfloorSerdes;
import io.cellfloor.sim.FloorPlan;
import io.cellfloor.sim.Pacing;
import io.cellfloor.sim.SimulatedFloor;
import io.cellfloor.streams.config.StreamsAppConfig;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cellfloor agent --config station.yaml}: the station agent of a cycler PC. It reads the cycler's export
 * directories (follow or backfill), spools to disk, checkpoints, and publishes to your Kafka and registry (see
 * {@link FileAgent} and the README's "Station agent" section). With {@code --source simulator} (or a
 * {@code .properties} config, as for {@code streams}) its source is the simulated floor instead
 * ({@code --channels}, {@code --speed-up}, {@code --cycles}).
 */
@Command(name = "agent", sortOptions = false,
        description = {"the station agent: reads a cycler PC's export directories (follow or backfill), spools to",
            "disk, checkpoints, publishes to your Kafka and schema registry; see README"})
final class AgentCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(AgentCommand.class);

    @Option(names = "--config", paramLabel = "FILE",
            description = "station.yaml; a .properties file (as for streams) runs the simulated floor")
    private String config;

    @Option(names = "--mode", paramLabel = "follow|backfill", description = "overrides the station config's mode")
    private String mode;

    @Option(names = "--metrics-port", paramLabel = "P",
            description = "Prometheus metrics (default: the station config's metricsPort, else 9465)")
    private Integer metricsPort;

    @Option(names = "--source", paramLabel = "simulator", description = "simulator: the simulated floor instead")
    private String source;

    @Option(names = "--channels", paramLabel = "N", defaultValue = "64",
            description = "simulator: channels (default ${DEFAULT-VALUE})")
    private int channels;

    @Option(names = "--speed-up", paramLabel = "X", defaultValue = "1",
            description = "simulator: speed-up (default ${DEFAULT-VALUE})")
    private double speedUp;

    @Option(names = "--cycles", paramLabel = "N", defaultValue = "30",
            description = "simulator: cycles per channel (default ${DEFAULT-VALUE})")
    private int cycles;

    @Option(names = "--spool-dir", paramLabel = "DIR", description = "simulator: send through a spool in DIR")
    private String spoolDir;

    @Option(names = "--spool-max-bytes", paramLabel = "B", defaultValue = "1073741824", hidden = true)
    private double spoolMaxBytes;

    @Override
    public Integer call() throws Exception {
        final boolean yaml = config != null && config.toLowerCase(Locale.ROOT).matches(".*\\.(ya?ml|json)");
        if ("simulator".equals(source) || (source == null && !yaml)) {
            return runSimulator();
        }
        if (config == null) {
            throw new IllegalArgumentException("the file agent needs --config station.yaml (see README, Station agent)");
        }
        return runFiles(Path.of(config));
    }

    /** Reads the station config: YAML (or JSON) to a tree, cells through Jackson into {@link CellSpec}. */
    static StationConfig readConfig(final Path file, final String mode) throws IOException {
        final ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        final Map<String, Object> tree;
        try {
            tree = new HashMap<>(mapper.readValue(file.toFile(), new TypeReference<Map<String, Object>>() { }));
        } catch (final JsonProcessingException e) {
            // the usual cause on a cycler PC: "C:\Cycler Data" in double quotes, where YAML reads \C as an escape
            throw new IllegalArgumentException("station config " + file + " is not valid YAML: "
                    + e.getOriginalMessage() + (e.getLocation() == null ? "" : " at "
                    + e.getLocation().offsetDescription()) + ". Windows paths go unquoted or in single quotes"
                    + " ('C:\\Cycler Data\\Station 1'); in double quotes every backslash must be doubled", e);
        }
        if (mode != null) {
            tree.put("mode", mode);
        }
        try {
            return StationConfig.parse(tree, cell -> mapper.convertValue(cell, CellSpec.class));
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException("station config " + file + ": " + e.getMessage(), e);
        }
    }

    private int runFiles(final Path configFile) throws Exception {
        final StationConfig config = readConfig(configFile, mode);
        final SchemaRegistryClient client = new HttpSchemaRegistryClient(RegistryConfig.fromMap(config.registry()));
        final Map<String, Object> producerProps = new HashMap<>(config.kafka());
        producerProps.putIfAbsent("max.block.ms", "10000");
        final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        final FileAgentSettings settings = config.agent();
        final BackfillProgress progress = settings.follow() ? null : backfillProgress(settings);
        try (ShutdownSignal shutdown = new ShutdownSignal("cellfloor-agent", Duration.ofSeconds(60));
             MetricsServer metrics = MetricsServer.start("0.0.0.0",
                     metricsPort != null ? metricsPort : config.metricsPort(), meters);
             KafkaProducer<String, byte[]> producer = StationAgent.producer(producerProps);
             KafkaClientMetrics producerMetrics = new KafkaClientMetrics(producer)) {
            producerMetrics.bindTo(meters);
            final FileAgent agent = FileAgent.open(settings, config.spoolDir(), config.spoolMaxBytes(),
                    config.checkpointDir(),
                    CellfloorSerdes.value(SampleBatch.class, client, config.registry()).serializer(),
                    CellfloorSerdes.value(CellTest.class, client, config.registry()).serializer(),
                    CellfloorSerdes.value(DeadLetter.class, client, config.registry()).serializer(),
                    meters, System::currentTimeMillis, progress);
            final SpoolDrainer drainer = new SpoolDrainer(agent.spool(), producer, 512, Duration.ofSeconds(1),
                    meters, System::currentTimeMillis).start();
            System.err.printf("cellfloor agent: station %s, %s %s to %s on %d reader thread(s), metrics on"
                            + " :%d/metrics%n", settings.stationId(), settings.follow() ? "following" : "importing",
                    settings.directories(), config.kafka().get("bootstrap.servers"), settings.readers(),
                    metrics.port());
            try {
                agent.run(() -> !shutdown.requested() && drainer.alive());
            } finally {
                agent.checkpoint();
                drainer.close(Duration.ofSeconds(30));
                agent.close();
            }
            drainer.throwIfDead();
            if (!drainer.drained()) {
                LOG.warn("{} bytes are left in the spool {}; they are sent at the next start", agent.spool().bytes(),
                        config.spoolDir());
                return 3;
            }
            LOG.info("every record read is acknowledged by Kafka; spool empty");
        }
        return 0;
    }

    private static BackfillProgress backfillProgress(final FileAgentSettings settings) throws IOException {
        long bytes = 0;
        int files = 0;
        for (final Path dir : settings.directories()) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> list = Files.list(dir)) {
                for (final Path p : list.filter(Files::isRegularFile).toList()) {
                    bytes += Files.size(p);
                    files++;
                }
            }
        }
        return new BackfillProgress(System.err, 5_000, bytes, files, System.currentTimeMillis());
    }

    private int runSimulator() throws Exception {
        final StreamsAppConfig connection = StreamsAppConfig.parse(Settings.load(config == null ? null
                : Path.of(config)));
        final Map<String, String> registrySettings = RegistryConfig.settings(connection.registry(), connection.registryUrl());
        final SchemaRegistryClient client = new HttpSchemaRegistryClient(RegistryConfig.fromMap(registrySettings));
        final Map<String, Object> producerProps = new HashMap<>(connection.kafka());
        producerProps.putAll(StationAgent.producerDefaults());
        producerProps.put("bootstrap.servers", connection.bootstrapServers());
        final int perStation = Math.min(16, channels);
        final SimulatedSource floor = new SimulatedSource(new SimulatedFloor(FloorPlan.builder()
                .stations((channels + perStation - 1) / perStation).channelsPerStation(perStation).cycles(cycles)
                .build(), Pacing.paced(System::currentTimeMillis, System.currentTimeMillis(), speedUp)));
        final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (ShutdownSignal shutdown = new ShutdownSignal("cellfloor-agent", Duration.ofSeconds(30));
             MetricsServer metrics = MetricsServer.start("0.0.0.0", metricsPort != null ? metricsPort : 9465,
                     meters);
             KafkaProducer<String, byte[]> producer = StationAgent.producer(producerProps);
             KafkaClientMetrics producerMetrics = new KafkaClientMetrics(producer)) {
            producerMetrics.bindTo(meters);
            final Spool spool = spoolDir == null ? null
                    : Spool.open(Path.of(spoolDir), (long) spoolMaxBytes, 16L << 20,
                            null);
            final StationAgent agent = spool == null
                    ? new StationAgent(floor, producer,
                            CellfloorSerdes.value(SampleBatch.class, client, registrySettings).serializer(),
                            CellfloorSerdes.value(CellTest.class, client, registrySettings).serializer(),
                            AgentSettings.DEFAULTS, meters, System::currentTimeMillis)
                    : StationAgent.spooled(floor, spool,
                            CellfloorSerdes.value(SampleBatch.class, client, registrySettings).serializer(),
                            CellfloorSerdes.value(CellTest.class, client, registrySettings).serializer(),
                            AgentSettings.DEFAULTS, meters, System::currentTimeMillis);
            final SpoolDrainer drainer = spool == null ? null : new SpoolDrainer(spool, producer, 512,
                    Duration.ofSeconds(1), meters, System::currentTimeMillis).start();
            System.err.printf("cellfloor agent: %d simulated channels to %s%s, metrics on :%d/metrics%n",
                    floor.channels().size(), connection.bootstrapServers(),
                    spool == null ? "" : " through the spool " + spoolDir, metrics.port());
            agent.publishCellTests();
            try {
                agent.run(() -> !shutdown.requested() && (drainer == null || drainer.alive()));
            } finally {
                if (spool != null) {
                    drainer.close(Duration.ofSeconds(30));
                    spool.close();
                }
            }
            if (drainer != null) {
                drainer.throwIfDead();
            }
        }
        return 0;
    }
}
