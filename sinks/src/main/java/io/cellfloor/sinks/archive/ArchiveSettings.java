package io.cellfloor.sinks.archive;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * The archive writer's settings from a plain map, like the other commands: {@code bootstrap.servers},
 * {@code schema.registry.url}, {@code cellfloor.archive-*}, and pass-through Kafka client keys.
 *
 * @param maxRecords records of one partition per file set before it is published (files roll by count or age)
 */
public record ArchiveSettings(
        String bootstrapServers,
        String registryUrl,
        Path dir,
        String groupId,
        List<ArchiveTopic> topics,
        long maxRecords,
        Duration maxAge,
        long rowGroupBytes,
        Map<String, String> kafka,
        Map<String, String> registry) {

    public ArchiveSettings {
        topics = List.copyOf(topics);
        kafka = Map.copyOf(kafka);
        registry = Map.copyOf(registry);
    }

    public static ArchiveSettings parse(final Map<String, String> settings, final Path dir) {
        final Map<String, String> s = new TreeMap<>(settings);
        final Map<String, String> kafka = new TreeMap<>();
        final Map<String, String> registry = new TreeMap<>();
        s.forEach((k, v) -> {
            if (k.startsWith("schema.registry.") || k.startsWith("basic.auth.") || k.startsWith("bearer.auth.")) {
                registry.put(k, v);
            } else if (!k.startsWith("cellfloor.") && !k.startsWith("receiver.") && !k.startsWith("route.")) {
                kafka.put(k, v);
            }
        });
        final List<ArchiveTopic> topics = new ArrayList<>();
        for (final String t : s.getOrDefault("cellfloor.archive-topics", "samples,cycles,breakdown-events,stage-changes")
                .split(",")) {
            topics.add(byDir(t.trim()));
        }
        return new ArchiveSettings(required(s, "bootstrap.servers"), required(s, "schema.registry.url"), dir,
                s.getOrDefault("cellfloor.archive-group-id", "cellfloor-archive"), topics,
                number(s, "cellfloor.archive-max-records", 20_000),
                Duration.ofMillis(number(s, "cellfloor.archive-max-age-ms", 600_000)),
                number(s, "cellfloor.archive-row-group-bytes", 32L << 20),
                kafka, registry);
    }

    /** Consumer settings: committed reads only, manual commits after the files are durable. */
    public Map<String, Object> consumer() {
        final Map<String, Object> p = new HashMap<>(kafka);
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return p;
    }

    private static ArchiveTopic byDir(final String dir) {
        for (final ArchiveTopic t : ArchiveTopic.values()) {
            if (t.dir().equals(dir) || t.topic().equals(dir)) {
                return t;
            }
        }
        throw new IllegalArgumentException("cellfloor.archive-topics names '" + dir
                + "'; use samples, cycles, breakdown-events, stage-changes");
    }

    private static String required(final Map<String, String> s, final String key) {
        final String v = s.get(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("missing setting '" + key + "' in the archive config");
        }
        return v;
    }

    private static long number(final Map<String, String> s, final String key, final long fallback) {
        final String v = s.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got '" + v + "'", e);
        }
    }
}
