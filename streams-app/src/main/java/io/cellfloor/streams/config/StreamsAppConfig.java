package io.cellfloor.streams.config;

import io.cellfloor.domain.CycleRules;
import io.cellfloor.streams.topology.TopologySettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The streams app's settings, parsed from a plain map (a properties file, or the environment through
 * {@link #fromEnvironment}). Keys the app does not know are passed to Kafka untouched, which is how security
 * settings ({@code security.protocol}, {@code sasl.*}, {@code ssl.*}) reach the clients.
 *
 * @param viewsCommitInterval the views app's ({@code cellfloor.views.commit-interval-ms}, default 1 s)
 * @param viewsThreads the views app's stream threads ({@code cellfloor.views.threads}, default 1)
 * @param kafka everything for the Kafka clients, including pass-through settings
 */
public record StreamsAppConfig(
        String bootstrapServers,
        String applicationId,
        String registryUrl,
        Path stateDir,
        TopologySettings topology,
        Duration viewsCommitInterval,
        int viewsThreads,
        Map<String, String> kafka,
        Map<String, String> registry) {

    public static final String REGISTRY_URL = "schema.registry.url";

    public static StreamsAppConfig parse(final Map<String, String> settings) {
        final Map<String, String> s = new TreeMap<>(settings);
        final String bootstrap = required(s, StreamsConfig.BOOTSTRAP_SERVERS_CONFIG);
        final String registryUrl = required(s, REGISTRY_URL);
        final String appId = s.getOrDefault(StreamsConfig.APPLICATION_ID_CONFIG, "cellfloor-streams");
        final Path stateDir = Path.of(s.getOrDefault(StreamsConfig.STATE_DIR_CONFIG, "state/streams"));
        final CycleRules d = CycleRules.DEFAULTS;
        final CycleRules rules = new CycleRules(
                number(s, "cellfloor.dead-band-fraction", d.deadBandFraction()),
                number(s, "cellfloor.min-dead-band-a", d.minDeadBandA()),
                (long) number(s, "cellfloor.max-gap-ms", d.maxGapMs()),
                number(s, "cellfloor.cutoff-tolerance-v", d.cutoffToleranceV()),
                number(s, "cellfloor.capacity-tolerance", d.capacityTolerance()),
                number(s, "cellfloor.max-abs-voltage-v", d.maxAbsVoltageV()),
                number(s, "cellfloor.max-current-factor", d.maxCurrentFactor()));
        final Map<String, String> kafka = new TreeMap<>();
        final Map<String, String> registry = new TreeMap<>();
        s.forEach((k, v) -> {
            if (k.startsWith("schema.registry.") || k.startsWith("basic.auth.") || k.startsWith("bearer.auth.")) {
                registry.put(k, v);
            } else if (!k.startsWith("cellfloor.")) {
                kafka.put(k, v);
            }
        });
        final Duration sampleGrace = Duration.ofMillis((long) number(s, "cellfloor.sample-grace-ms",
                TopologySettings.DEFAULTS.sampleGrace().toMillis()));
        final Duration windowGrace = Duration.ofMillis((long) number(s, "cellfloor.window-grace-ms",
                TopologySettings.DEFAULTS.windowGrace().toMillis()));
        return new StreamsAppConfig(bootstrap, appId, registryUrl, stateDir,
                new TopologySettings(rules, sampleGrace, windowGrace),
                Duration.ofMillis((long) number(s, "cellfloor.views.commit-interval-ms", 1000)),
                (int) number(s, "cellfloor.views.threads", 1),
                Map.copyOf(kafka),
                Map.copyOf(registry));
    }

    /** {@code KAFKA_BOOTSTRAP_SERVERS} becomes {@code bootstrap.servers}, {@code CELLFLOOR_MAX_GAP_MS} {@code cellfloor.max-gap-ms}. */
    public static Map<String, String> fromEnvironment(final Map<String, String> env) {
        final Map<String, String> out = new TreeMap<>();
        env.forEach((k, v) -> {
            if (k.startsWith("KAFKA_")) {
                out.put(k.substring(6).toLowerCase(Locale.ROOT).replace('_', '.'), v);
            } else if (k.startsWith("CELLFLOOR_")) {
                out.put("cellfloor." + k.substring(10).toLowerCase(Locale.ROOT).replace('_', '-'), v);
            } else if (k.equals("SCHEMA_REGISTRY_URL")) {
                out.put(REGISTRY_URL, v);
            }
        });
        return out;
    }

    /** Kafka Streams properties: exactly-once, explicit internal names enforced, then the pass-through settings. */
    public Properties streamsProperties() {
        final Properties p = new Properties();
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true");
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "200");
        p.putAll(kafka);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        return p;
    }

    /**
     * The views app's properties: {@code detection}'s with the application id suffixed {@code -views}, and its own
     * commit interval and thread count. A view a second or so behind is fine; fewer transactions are cheaper.
     */
    public Properties viewsProperties(final Properties detection) {
        final Properties p = new Properties();
        p.putAll(detection);
        p.put(StreamsConfig.APPLICATION_ID_CONFIG,
                detection.getProperty(StreamsConfig.APPLICATION_ID_CONFIG) + "-views");
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Long.toString(viewsCommitInterval.toMillis()));
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.toString(viewsThreads));
        return p;
    }

    private static String required(final Map<String, String> s, final String key) {
        final String v = s.get(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("missing setting '" + key + "' (or its environment variable "
                    + (key.equals(REGISTRY_URL) ? "SCHEMA_REGISTRY_URL" : "KAFKA_" + key.toUpperCase(Locale.ROOT)
                    .replace('.', '_')) + ")");
        }
        return v;
    }

    private static double number(final Map<String, String> s, final String key, final double fallback) {
        final String v = s.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting '" + key + "' must be a number, got '" + v + "'", e);
        }
    }
}
