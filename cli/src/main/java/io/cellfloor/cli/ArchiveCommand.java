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
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * {@code cellfloor sinks archive --config FILE --dir DIR}: the Parquet archive writer. Ctrl-C publishes the open
 * files and commits before the JVM exits; a kill leaves temp files that the next start deletes and rewrites.
 */
final class ArchiveCommand {
    private ArchiveCommand() {
    }

    static int run(final Options options) throws Exception {
        final String dir = options.text("dir", null);
        if (dir == null) {
            throw new IllegalArgumentException("sinks archive needs --dir DIR, the archive's root directory");
        }
        final ArchiveSettings settings = ArchiveSettings.parse(Settings.load(options), Path.of(dir));
        final Map<String, String> registrySettings = new HashMap<>(settings.registry());
        registrySettings.put(RegistryConfig.URL, settings.registryUrl());
        final var client = new HttpSchemaRegistryClient(RegistryConfig.fromMap(registrySettings));
        final Map<ArchiveTopic, Deserializer<? extends SpecificRecordBase>> deserializers =
                new EnumMap<>(ArchiveTopic.class);
        for (final ArchiveTopic t : ArchiveTopic.values()) {
            deserializers.put(t, CellfloorSerdes.value(t.type(), client, registrySettings).deserializer());
        }
        final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (ShutdownSignal shutdown = new ShutdownSignal("cellfloor-sinks-archive", Duration.ofSeconds(60));
             MetricsServer metrics = MetricsServer.start("0.0.0.0", options.integer("metrics-port", 9467), meters);
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
