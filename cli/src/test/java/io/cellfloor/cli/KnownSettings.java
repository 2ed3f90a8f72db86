package io.cellfloor.cli;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Which setting names mean something: Kafka's own (Streams, clients, topics under Streams' {@code topic.} prefix),
 * the registry client's, and every {@code cellfloor.*} key some main source file of the project reads. A name
 * outside these in a manifest is a typo the program would silently ignore.
 */
final class KnownSettings {
    private static final Pattern CELLFLOOR_KEY = Pattern.compile("\"(cellfloor\\.[a-z0-9.-]+)\"");

    private final Set<String> kafka = new HashSet<>();
    private final Set<String> topic = new HashSet<>();
    private final Set<String> cellfloor = new HashSet<>();

    KnownSettings(final Path repository) throws IOException {
        kafka.addAll(StreamsConfig.configDef().names());
        kafka.addAll(ConsumerConfig.configNames());
        kafka.addAll(ProducerConfig.configNames());
        kafka.addAll(AdminClientConfig.configNames());
        for (final Field f : TopicConfig.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getName().endsWith("_CONFIG")) {
                topic.add(String.valueOf(staticValue(f)));
            }
        }
        try (Stream<Path> files = Files.walk(repository)) {
            for (final Path file : files.filter(p -> p.toString().endsWith(".java")
                    && p.toString().contains("/src/main/java/")).toList()) {
                final Matcher m = CELLFLOOR_KEY.matcher(Files.readString(file));
                while (m.find()) {
                    cellfloor.add(m.group(1));
                }
            }
        }
    }

    private static Object staticValue(final Field f) {
        try {
            return f.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key of a cellfloor properties file (streams, alerts, archive). */
    boolean isKnownKey(final String key) {
        if (key.startsWith("cellfloor.")) {
            return cellfloor.contains(key);
        }
        if (key.startsWith("topic.")) {
            return topic.contains(key.substring("topic.".length()));
        }
        if (key.startsWith("receiver.") || key.startsWith("route.")) {
            return true; // the alert sink's receivers and routes: AlertSinkSettings checks them at start
        }
        return kafka.contains(key) || key.equals("schema.registry.url") || key.startsWith("basic.auth.")
                || key.startsWith("bearer.auth.");
    }

    /** An environment variable on a cellfloor container, read as the program reads it (StreamsAppConfig). */
    boolean isKnownEnv(final String name) {
        if (name.startsWith("KAFKA_")) {
            return isKnownKey(name.substring(6).toLowerCase(Locale.ROOT).replace('_', '.'));
        }
        if (name.startsWith("CELLFLOOR_")) {
            return cellfloor.contains("cellfloor." + name.substring(10).toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return name.equals("SCHEMA_REGISTRY_URL") || name.equals("JDK_JAVA_OPTIONS");
    }
}
