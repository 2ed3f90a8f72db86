package io.cellfloor.ingest.config;

import io.cellfloor.domain.CellSpec;
import io.cellfloor.ingest.agent.AgentSettings;
import io.cellfloor.ingest.agent.ChannelRule;
import io.cellfloor.ingest.agent.FileAgentSettings;
import io.cellfloor.ingest.format.CyclerFormat;
import io.cellfloor.ingest.format.ReaderOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One station's agent configuration, parsed from the tree of its YAML (or JSON) file: a pure function of the map,
 * so it is tested without files. See the README's "Station agent" section for the format.
 *
 * @param kafka producer settings passed to the Kafka client untouched (bootstrap.servers, security.protocol,
 *              sasl.*, ssl.*, ...); the agent's own producer defaults are applied first, these on top
 * @param registry registry client settings ({@code schema.registry.url} or {@code url}, basic auth, TLS)
 */
public record StationConfig(FileAgentSettings agent, Path spoolDir, long spoolMaxBytes, Path checkpointDir,
                            Map<String, Object> kafka, Map<String, String> registry, int metricsPort) {

    /**
     * @param tree the file's content as maps, lists and scalars
     * @param cells turns a channel's {@code cell} map into a {@link CellSpec} (Jackson in the CLI)
     */
    public static StationConfig parse(final Map<String, Object> tree, final Function<Object, CellSpec> cells) {
        final String station = text(tree, "station", null);
        if (station == null) {
            throw new IllegalArgumentException("the station config needs 'station: <station id>'");
        }
        final Path stateDir = Path.of(text(tree, "stateDir", "state/agent-" + station));
        final List<Path> dirs = new ArrayList<>();
        for (final Object d : list(tree, "directories")) {
            dirs.add(Path.of(String.valueOf(d)));
        }
        final String mode = text(tree, "mode", "follow").toLowerCase(Locale.ROOT);
        if (!mode.equals("follow") && !mode.equals("backfill")) {
            throw new IllegalArgumentException("mode must be 'follow' or 'backfill', got '" + mode + "'");
        }
        final String formatName = text(tree, "format", "auto");
        final CyclerFormat format = formatName.equalsIgnoreCase("auto") ? null : format(formatName);
        final List<ChannelRule> rules = new ArrayList<>();
        for (final Object o : list(tree, "channels")) {
            final Map<String, Object> c = map(o, "channels[" + rules.size() + "]");
            final String pattern = text(c, "pattern", null);
            final String channel = text(c, "channel", null);
            if (pattern == null || channel == null) {
                throw new IllegalArgumentException("channels[" + rules.size() + "] needs 'pattern' (a regular "
                        + "expression on the file name) and 'channel' (the channel id, $1 for a group)");
            }
            try {
                rules.add(new ChannelRule(Pattern.compile(pattern), channel,
                        c.get("cell") == null ? null : cells.apply(c.get("cell"))));
            } catch (final PatternSyntaxException e) {
                throw new IllegalArgumentException("channels[" + rules.size() + "].pattern is not a regular "
                        + "expression: " + e.getMessage(), e);
            }
        }
        final ReaderOptions options = ReaderOptions.defaults().withZone(ZoneId.of(text(tree, "zone", "UTC")));
        final FileAgentSettings agent = new FileAgentSettings(station, dirs, mode.equals("follow"), format, rules,
                options, Path.of(text(tree, "quarantineDir", stateDir.resolve("quarantine").toString())),
                Duration.ofMillis(number(tree, "pollIntervalMs", 1000)),
                Duration.ofMillis(number(tree, "checkpointIntervalMs", 1000)),
                new AgentSettings((int) number(tree, "batchMaxSamples", 500), 1000),
                // a backfill is limited by parsing, so it takes every core unless told; following needs one thread
                (int) number(tree, "readers", mode.equals("follow") ? 1 : Runtime.getRuntime().availableProcessors()));
        final Map<String, Object> kafka = new LinkedHashMap<>(tree.get("kafka") == null ? Map.of()
                : map(tree.get("kafka"), "kafka"));
        if (kafka.get("bootstrap.servers") == null) {
            throw new IllegalArgumentException("the station config needs kafka: { bootstrap.servers: host:port }");
        }
        final Map<String, String> registry = new LinkedHashMap<>();
        if (tree.get("registry") != null) {
            map(tree.get("registry"), "registry").forEach((k, v) -> registry.put(
                    k.equals("url") ? "schema.registry.url" : k, String.valueOf(v)));
        }
        if (!registry.containsKey("schema.registry.url")) {
            throw new IllegalArgumentException("the station config needs registry: { url: http://host:port }");
        }
        return new StationConfig(agent, Path.of(text(tree, "spoolDir", stateDir.resolve("spool").toString())),
                number(tree, "spoolMaxBytes", 1L << 30),
                Path.of(text(tree, "checkpointDir", stateDir.resolve("checkpoint").toString())),
                Map.copyOf(kafka), Map.copyOf(registry), (int) number(tree, "metricsPort", 9465));
    }

    private static CyclerFormat format(final String name) {
        try {
            return CyclerFormat.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException("format '" + name + "' is not one of auto, "
                    + List.of(CyclerFormat.values()).toString().toLowerCase(Locale.ROOT), e);
        }
    }

    private static String text(final Map<String, Object> m, final String key, final String fallback) {
        final Object v = m.get(key);
        return v == null ? fallback : String.valueOf(v);
    }

    private static long number(final Map<String, Object> m, final String key, final long fallback) {
        final Object v = m.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return v instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(v).trim());
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException("'" + key + "' must be a whole number, got '" + v + "'", e);
        }
    }

    private static List<?> list(final Map<String, Object> m, final String key) {
        final Object v = m.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> l)) {
            throw new IllegalArgumentException("'" + key + "' must be a list, got '" + v + "'");
        }
        return l;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(final Object v, final String what) {
        if (!(v instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("'" + what + "' must be a mapping, got '" + v + "'");
        }
        return (Map<String, Object>) v;
    }
}
