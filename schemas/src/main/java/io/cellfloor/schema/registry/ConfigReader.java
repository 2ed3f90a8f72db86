package io.cellfloor.schema.registry;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Typed reads from a Kafka-style config map (values may be strings or already typed), with errors naming the key.
 * Confluent accepts most registry keys with and without a {@code schema.registry.} prefix; so does this.
 */
final class ConfigReader {

    private static final String PREFIX = "schema.registry.";

    private final Map<String, ?> values;

    ConfigReader(final Map<String, ?> values) {
        this.values = Map.copyOf(values);
    }

    Optional<String> string(final String key) {
        final Object value = values.containsKey(key) ? values.get(key) : values.get(PREFIX + key);
        if (value == null) {
            return Optional.empty();
        }
        final String text = value instanceof Class<?> type ? type.getName() : value.toString().trim();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    boolean bool(final String key, final boolean defaultValue) {
        return string(key).map(text -> {
            if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(text);
            }
            throw new IllegalArgumentException(key + " must be true or false, was '" + text + "'");
        }).orElse(defaultValue);
    }

    int nonNegativeInt(final String key, final int defaultValue) {
        return string(key).map(text -> {
            try {
                final int parsed = Integer.parseInt(text);
                if (parsed >= 0) {
                    return parsed;
                }
            } catch (final NumberFormatException e) {
                // reported below, with the key
            }
            throw new IllegalArgumentException(key + " must be a whole number >= 0, was '" + text + "'");
        }).orElse(defaultValue);
    }

    Duration millis(final String key, final Duration defaultValue) {
        return string(key).map(text -> Duration.ofMillis(nonNegativeInt(key, 0))).orElse(defaultValue);
    }
}
