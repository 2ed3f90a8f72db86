package io.cellfloor.streams.app;

import io.cellfloor.schema.registry.HttpSchemaRegistryClient;
import io.cellfloor.schema.registry.RegistryConfig;
import io.cellfloor.schema.registry.SchemaRegistryClient;
import io.cellfloor.streams.config.StreamsAppConfig;
import io.cellfloor.streams.query.QueryCodecs;
import io.cellfloor.streams.query.QueryServer;
import io.cellfloor.streams.query.QuerySettings;
import io.cellfloor.streams.topology.Codecs;
import io.cellfloor.streams.topology.TopologyMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that wires and runs cellfloor's streams apps, for the {@code streams} command, the demo, the
 * benchmarks and the tests alike. Start order matters and lives only here: the registry client, then the codecs,
 * then the query server when there is one (it must listen before the apps exist, because its address is their
 * {@code application.server}), then both apps, then the query server is attached to them. A watcher thread waits
 * for either app to stop for good and runs the {@code onStopped} action (a command's shutdown request); the
 * uncaught-exception handler and state listener of each app are {@link StreamsRunner}'s. {@link #close(Duration)}
 * closes in reverse: the apps, then the query server.
 *
 * <pre>{@code
 * try (CellfloorRuntime runtime = CellfloorRuntime.of(config).meters(meters).query(api)
 *         .onStopped(shutdown::request).start()) {
 *     shutdown.await();
 * }
 * }</pre>
 */
public final class CellfloorRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CellfloorRuntime.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final SchemaRegistryClient client;
    private final Map<String, String> registrySettings;
    private final QueryServer query;
    private final CellfloorApps apps;

    private CellfloorRuntime(final SchemaRegistryClient client, final Map<String, String> registrySettings,
                             final QueryServer query, final CellfloorApps apps) {
        this.client = client;
        this.registrySettings = registrySettings;
        this.query = query;
        this.apps = apps;
    }

    /** Starts describing a runtime for {@code config}; nothing runs until {@link Builder#start()}. */
    public static Builder of(final StreamsAppConfig config) {
        return new Builder(config);
    }

    /** The registry settings every serde of this app uses: the config's registry keys and its URL. */
    public static Map<String, String> registrySettings(final StreamsAppConfig config) {
        final Map<String, String> settings = new HashMap<>(config.registry());
        settings.put(RegistryConfig.URL, config.registryUrl());
        return Map.copyOf(settings);
    }

    public CellfloorApps apps() {
        return apps;
    }

    /** The registry client the apps use, for other serdes of the same process (agent, printers, readers). */
    public SchemaRegistryClient registryClient() {
        return client;
    }

    public Map<String, String> registrySettings() {
        return registrySettings;
    }

    /** The query server; fails when the runtime was started without one. */
    public QueryServer query() {
        if (query == null) {
            throw new IllegalStateException("this runtime was started without a query server");
        }
        return query;
    }

    /** The error that stopped a stream thread of either app, or null. */
    public Throwable failure() {
        return apps.failure();
    }

    /** Throws when a stream thread failed (either app in ERROR), with that failure as the cause. */
    public void rethrowIfFailed() {
        final Throwable failure = apps.failure();
        if (failure != null) {
            throw new IllegalStateException("the streams app failed: " + failure.getMessage(), failure);
        }
    }

    @Override
    public void close() {
        close(CLOSE_TIMEOUT);
    }

    /** Closes the apps within {@code timeout} each, then the query server. */
    public void close(final Duration timeout) {
        try {
            apps.close(timeout);
        } finally {
            if (query != null) {
                query.close();
            }
        }
    }

    /** What to run and with what; {@link #start()} runs it. */
    public static final class Builder {
        private final StreamsAppConfig config;
        private MeterRegistry meters;
        private TopologyMetrics metrics;
        private QuerySettings api;
        private Runnable onStopped = () -> { };

        private Builder(final StreamsAppConfig config) {
            this.config = config;
        }

        /** Where Kafka Streams' metrics are bound (default: a registry of its own). */
        public Builder meters(final MeterRegistry registry) {
            this.meters = registry;
            return this;
        }

        /** The topology's counters (default: on {@link #meters}). */
        public Builder metrics(final TopologyMetrics topologyMetrics) {
            this.metrics = topologyMetrics;
            return this;
        }

        /** Serve the query API and dashboard with these settings (default: no query server). */
        public Builder query(final QuerySettings settings) {
            this.api = settings;
            return this;
        }

        /** Run when either app stops for good (closed or failed), on the watcher thread. */
        public Builder onStopped(final Runnable action) {
            this.onStopped = action;
            return this;
        }

        public CellfloorRuntime start() {
            final MeterRegistry registry = meters == null ? new SimpleMeterRegistry() : meters;
            final TopologyMetrics topologyMetrics = metrics == null ? new TopologyMetrics(registry) : metrics;
            final Map<String, String> registrySettings = registrySettings(config);
            final SchemaRegistryClient client = new HttpSchemaRegistryClient(RegistryConfig.fromMap(registrySettings));
            final Codecs codecs = Codecs.registry(client, registrySettings);
            final QueryServer query = api == null ? null : QueryServer.start(api);
            CellfloorApps apps = null;
            try {
                final Properties props = query == null ? config.streamsProperties() : query.streamsProperties(config);
                apps = new CellfloorApps(codecs, config, props, topologyMetrics, registry);
                final CellfloorRuntime runtime = new CellfloorRuntime(client, registrySettings, query, apps);
                watch(apps, onStopped);
                apps.start();
                if (query != null) {
                    final Map<String, Object> kafka = new HashMap<>(config.kafka());
                    kafka.put("bootstrap.servers", config.bootstrapServers());
                    query.attach(apps, QueryCodecs.registry(client, registrySettings), kafka);
                }
                return runtime;
            } catch (RuntimeException e) {
                if (apps != null) {
                    apps.close(CLOSE_TIMEOUT);
                }
                if (query != null) {
                    query.close();
                }
                throw e;
            }
        }

        private static void watch(final CellfloorApps apps, final Runnable onStopped) {
            final Thread watcher = new Thread(() -> {
                try {
                    apps.awaitStopped();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                LOG.info("the streams apps have stopped{}", apps.failure() == null ? "" : " after a failure");
                onStopped.run();
            }, "cellfloor-streams-watcher");
            watcher.setDaemon(true);
            watcher.start();
        }
    }
}
