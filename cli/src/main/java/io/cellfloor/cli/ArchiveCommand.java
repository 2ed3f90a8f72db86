package io.cellfloor.cli;

import io.cellfloor.schema.registry.HttpSchemaRegistryClient;
import io.cellfloor.schema.registry.RegistryConfig;
import io.cellfloor.schema.serde.CellfloorSerdes;
import io.cellfloor.sinks.archive.ArchiveMetrics;
import io.cellfloor.sinks.archive.ArchiveSettings;
import io.cellfloor.sinks.archive.ArchiveTopic;
import io.cellfloor.sinks.archive.ArchiveWriter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cellfloor sinks archive --config FILE --dir DIR}: the Parquet archive writer. Ctrl-C publishes the open
 * files and commits before the JVM exits; a kill leaves temp files that the next start deletes and rewrites.
 */
@Command(name = "archive", sortOptions = false,
        description = "samples, cycles, events, stage changes into Parquet (date/station/test partitions)")
final class ArchiveCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", description = "properties: Kafka, registry, cellfloor.archive-*")
    private Path config;

    @Option(names = "--dir", paramLabel = "DIR", description = "the archive's root directory")
    private Path dir;

    @Option(names = "--metrics-port", paramLabel = "P", defaultValue = "9467",
            description = "Prometheus metrics (default ${DEFAULT-VALUE})")
    private int metricsPort;

    @Override
    public Integer call() throws Exception {
        if (dir == null) {
            throw new IllegalArgumentException("sinks archive needs --dir DIR, the archive's root directory");
        }
        final ArchiveSettings settings = ArchiveSettings.parse(Settings.load(config), dir);
        final Map<String, String> registrySettings = RegistryConfig.settings(settings.registry(), settings.registryUrl());
        final var client = new HttpSchemaRegistryClient(RegistryConfig.fromMap(registrySettings));
        final Map<ArchiveTopic, Deserializer<? extends SpecificRecordBase>> deserializers =
                new EnumMap<>(ArchiveTopic.class);
        for (final ArchiveTopic t : ArchiveTopic.values()) {
            deserializers.put(t, CellfloorSerdes.value(t.type(), client, registrySettings).deserializer());
        }
        final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (ShutdownSignal shutdown = new ShutdownSignal("cellfloor-sinks-archive", Duration.ofSeconds(60));
             MetricsServer metrics = MetricsServer.start("0.0.0.0", metricsPort, meters);
             KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings.consumer(),
                     new StringDeserializer(), new ByteArrayDeserializer())) {
            final ArchiveWriter writer = new ArchiveWriter(consumer, deserializers, settings, Clock.systemUTC(),
                    new ArchiveMetrics(meters));
            final Thread loop = new Thread(() -> {
                writer.run();
                shutdown.request();
            }, "cellfloor-sinks-archive");
            loop.start();
            System.err.printf("cellfloor sinks archive: %s into %s, group %s, metrics on :%d/metrics%n",
                    settings.topics(), settings.dir().toAbsolutePath(), settings.groupId(), metrics.port());
            shutdown.await();
            writer.stop();
            loop.join(Duration.ofSeconds(50).toMillis());
            return 0;
        }
    }
}
