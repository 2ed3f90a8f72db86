package io.cellfloor.cli;

import io.cellfloor.streams.app.CellfloorRuntime;
import io.cellfloor.streams.config.StreamsAppConfig;
import io.cellfloor.streams.query.QuerySettings;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cellfloor streams --config FILE}: the streams app against an existing Kafka and Confluent-compatible
 * registry. Settings come from the file, then the environment ({@code KAFKA_*}, {@code SCHEMA_REGISTRY_URL},
 * {@code CELLFLOOR_*}) overrides them. The query API and dashboard listen on {@code --http-port} (or
 * {@code cellfloor.http-port}, default 8080), advertised to the other instances as {@code application.server}.
 */
@Command(name = "streams", sortOptions = false,
        description = "run the streams app against your Kafka and schema registry",
        footer = {"", "Environment overrides the file: KAFKA_* -> *, SCHEMA_REGISTRY_URL, CELLFLOOR_* -> cellfloor.*;",
            "bearer token for the API and dashboard: api.token or CELLFLOOR_API_TOKEN."})
final class StreamsCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", description = "properties: Kafka, registry, cellfloor.*")
    private Path config;

    @Option(names = "--metrics-port", paramLabel = "P", defaultValue = "9464",
            description = "Prometheus metrics (default ${DEFAULT-VALUE})")
    private int metricsPort;

    @Option(names = "--http-port", paramLabel = "P",
            description = "query API and dashboard (default cellfloor.http-port or CELLFLOOR_HTTP_PORT, else 8080)")
    private String httpPort;

    @Override
    public Integer call() throws Exception {
        final Map<String, String> settings = new HashMap<>(Settings.load(config));
        if (httpPort != null) {
            settings.put("cellfloor.http-port", httpPort);
        }
        final QuerySettings api = QuerySettings.parse(settings, hostName());
        final StreamsAppConfig app = StreamsAppConfig.parse(QuerySettings.withoutApiKeys(settings));
        final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (ShutdownSignal shutdown = new ShutdownSignal("cellfloor-streams", Duration.ofSeconds(60));
             MetricsServer metrics = MetricsServer.start("0.0.0.0", metricsPort, meters);
             CellfloorRuntime streams = CellfloorRuntime.of(app).meters(meters).query(api)
                     .onStopped(shutdown::request).start()) {
            System.err.printf("cellfloor streams: %s on %s, metrics on :%d/metrics, API and dashboard on :%d "
                    + "(advertised %s, token %s)%n", app.applicationId(), app.bootstrapServers(), metrics.port(),
                    streams.query().port(), streams.query().advertised(), api.authRequired() ? "required" : "off");
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
