package io.cellfloor.schema.registry;

import java.util.Locale;
import org.apache.avro.Schema;

/**
 * How a serde names the subject a schema is registered under, as Confluent's strategies of the same names do.
 *
 * <p>{@link #TOPIC_NAME} (the default) gives each topic one evolving schema; {@link #RECORD_NAME} lets one record
 * type evolve once across every topic that carries it; {@link #TOPIC_RECORD_NAME} allows several record types per
 * topic, each evolving on its own.
 */
public enum SubjectNameStrategy {

    /** {@code <topic>-key} or {@code <topic>-value}. */
    TOPIC_NAME("TopicNameStrategy") {
        @Override
        public String subject(final String topic, final boolean isKey, final Schema schema) {
            return topic + (isKey ? "-key" : "-value");
        }
    },
    /** The record's full name, e.g. {@code io.cellfloor.avro.SampleBatch}. */
    RECORD_NAME("RecordNameStrategy") {
        @Override
        public String subject(final String topic, final boolean isKey, final Schema schema) {
            return schema.getFullName();
        }
    },
    /** {@code <topic>-<record full name>}. */
    TOPIC_RECORD_NAME("TopicRecordNameStrategy") {
        @Override
        public String subject(final String topic, final boolean isKey, final Schema schema) {
            return topic + "-" + schema.getFullName();
        }
    };

    private final String confluentName;

    SubjectNameStrategy(final String confluentName) {
        this.confluentName = confluentName;
    }

    /** The subject for a record of {@code schema} written to {@code topic} as key or value. */
    public abstract String subject(String topic, boolean isKey, Schema schema);

    /**
     * Reads a strategy as Confluent configs name it: a class name such as
     * {@code io.confluent.kafka.serializers.subject.RecordNameStrategy}, its simple name, or this enum's constant.
     */
    public static SubjectNameStrategy parse(final String value) {
        final String trimmed = value.trim();
        final String simpleName = trimmed.substring(trimmed.lastIndexOf('.') + 1);
        for (final SubjectNameStrategy strategy : values()) {
            if (strategy.confluentName.equals(simpleName) || strategy.name().equals(trimmed.toUpperCase(Locale.ROOT))) {
                return strategy;
            }
        }
        throw new IllegalArgumentException("Unknown subject name strategy '" + value
            + "': use TopicNameStrategy, RecordNameStrategy or TopicRecordNameStrategy");
    }
}
