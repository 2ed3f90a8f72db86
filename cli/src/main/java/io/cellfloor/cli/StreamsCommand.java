package io.cellfloor.cli;

import io.cellfloor.schema.registry.HttpSchemaRegistryClient;
import io.cellfloor.schema.registry.RegistryConfig;
import io.cellfloor.streams.app.StreamsRunner;
import io.cellfloor.streams.config.StreamsAppConfig;
import io.cellfloor.streams.topology.CellfloorTopology;
import io.cellfloor.streams.topology.Codecs;
import io.cellfloor.streams.topology.TopologyMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code cellfloor streams --config FILE}: the streams app against an existing Kafka and Confluent-compatible
 * registry. Settings come from the file, then the environment ({@code KAFKA_*}, {@code SCHEMA_REGISTRY_URL},
 * {@code CELLFLOOR_*}) overrides them.
 */
final class StreamsCommand {
    private StreamsCommand() {
    }

    static int run(final Options options) throws Exception {
        final StreamsAppConfig config = StreamsAppConfig.parse(Settings.load(options));
        final Map<String, String> registrySettings = new HashMap<>(config.registry());
        registrySettings.put(RegistryConfig.URL, config.registryUrl());
        final Codecs codecs = Codecs.registry(new HttpSchemaRegistryClient(RegistryConfig.fromMap(registrySettings)),
                registrySettings);
        final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (ShutdownSignal shutdown = new ShutdownSignal("cellfloor-streams", Duration.ofSeconds(60));
             MetricsServer metrics = MetricsServer.start("0.0.0.0", options.integer("metrics-port", 9464), meters);
             StreamsRunner streams = new StreamsRunner(CellfloorTopology.build(codecs, config.topology(),
                     new TopologyMetrics(meters)), config.streamsProperties(), meters)) {
            final Thread watcher = new Thread(() -> {
                try {
                    streams.awaitStopped();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                shutdown.request();
            }, "cellfloor-streams-watcher");
            watcher.setDaemon(true);
            watcher.start();
            streams.start();
            System.err.printf("cellfloor streams: %s on %s, metrics on :%d/metrics%n", config.applicationId(),
                    config.bootstrapServers(), metrics.port());
            shutdown.await();
            streams.close();
            return streams.failure() == null ? 0 : 1;
        }
    }
}
