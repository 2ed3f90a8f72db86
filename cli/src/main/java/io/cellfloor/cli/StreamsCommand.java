package io.cellfloor.cli;

import io.cellfloor.schema.registry.HttpSchemaRegistryClient;
import io.cellfloor.schema.registry.RegistryConfig;
import io.cellfloor.schema.registry.SchemaRegistryClient;
import io.cellfloor.streams.app.CellfloorApps;
import io.cellfloor.streams.config.StreamsAppConfig;
import io.cellfloor.streams.query.QueryCodecs;
import io.cellfloor.streams.query.QueryServer;
import io.cellfloor.streams.query.QuerySettings;
import io.cellfloor.streams.topology.Codecs;
import io.cellfloor.streams.topology.TopologyMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code cellfloor streams --config FILE}: the streams app against an existing Kafka and Confluent-compatible
 * registry. Settings come from the file, then the environment ({@code KAFKA_*}, {@code SCHEMA_REGISTRY_URL},
 * {@code CELLFLOOR_*}) overrides them. The query API and dashboard listen on {@code --http-port} (or
 * {@code cellfloor.http-port}, default 8080), advertised to the other instances as {@code application.server}.
 */
final class StreamsCommand {
    private StreamsCommand() {
    }

    static int run(final Options options) throws Exception {
        final Map<String, String> settings = new HashMap<>(Settings.load(options));
        if (options.text("http-port", null) != null) {
            settings.put("cellfloor.http-port", options.text("http-port", null));
        }
        final QuerySettings api = QuerySettings.parse(settings, hostName());
        final StreamsAppConfig config = StreamsAppConfig.parse(QuerySettings.withoutApiKeys(settings));
        final Map<String, String> registrySettings = new HashMap<>(config.registry());
        registrySettings.put(RegistryConfig.URL, config.registryUrl());
        final SchemaRegistryClient client = new HttpSchemaRegistryClient(RegistryConfig.fromMap(registrySettings));
        final Codecs codecs = Codecs.registry(client, registrySettings);
        final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (ShutdownSignal shutdown = new ShutdownSignal("cellfloor-streams", Duration.ofSeconds(60));
             MetricsServer metrics = MetricsServer.start("0.0.0.0", options.integer("metrics-port", 9464), meters);
             QueryServer query = QueryServer.start(api);
             CellfloorApps streams = new CellfloorApps(codecs, config, query.streamsProperties(config),
                     new TopologyMetrics(meters), meters)) {
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
            final Map<String, Object> kafka = new HashMap<>(config.kafka());
            kafka.put("bootstrap.servers", config.bootstrapServers());
            query.attach(streams, QueryCodecs.registry(client, registrySettings), kafka);
            System.err.printf("cellfloor streams: %s on %s, metrics on :%d/metrics, API and dashboard on :%d "
                    + "(advertised %s, token %s)%n", config.applicationId(), config.bootstrapServers(), metrics.port(),
                    query.port(), query.advertised(), api.authRequired() ? "required" : "off");
            shutdown.await();
            streams.close();
            return streams.failure() == null ? 0 : 1;
        }
    }

    /** This machine's name, for {@code application.server} when {@code cellfloor.advertised-host} is not set. */
    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("this machine's name cannot be resolved (" + e.getMessage() + "); set "
                    + "cellfloor.advertised-host (CELLFLOOR_ADVERTISED_HOST) to the address other instances reach", e);
        }
    }
}
