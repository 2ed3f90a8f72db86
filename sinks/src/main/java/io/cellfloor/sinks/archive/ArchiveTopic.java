package io.cellfloor.sinks.archive;

import io.cellfloor.avro.BreakdownEvent;
import io.cellfloor.avro.CycleSummary;
import io.cellfloor.avro.SampleBatch;
import io.cellfloor.avro.StageChange;
import io.cellfloor.schema.Topics;
import java.util.function.ToLongFunction;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * The topics the archive keeps, each with its directory and the event time that decides a record's date
 * partition (the time the thing happened on the cycler, not when Kafka saw it, so a replay lands in the same place).
 */
public enum ArchiveTopic {
    SAMPLES(Topics.SAMPLES, "samples", SampleBatch.class,
            r -> ((SampleBatch) r).getTimestampMs().isEmpty() ? -1 : ((SampleBatch) r).getTimestampMs().get(0)),
    CYCLES(Topics.CYCLES, "cycles", CycleSummary.class, r -> ((CycleSummary) r).getEndMs()),
    EVENTS(Topics.BREAKDOWN_EVENTS, "breakdown-events", BreakdownEvent.class, r -> ((BreakdownEvent) r).getStartMs()),
    STAGE_CHANGES(Topics.STAGE_CHANGES, "stage-changes", StageChange.class, r -> ((StageChange) r).getAtMs());

    private final String topic;
    private final String dir;
    private final Class<? extends SpecificRecordBase> type;
    private final ToLongFunction<SpecificRecordBase> eventTime;

    ArchiveTopic(final String topic, final String dir, final Class<? extends SpecificRecordBase> type,
                 final ToLongFunction<SpecificRecordBase> eventTime) {
        this.topic = topic;
        this.dir = dir;
        this.type = type;
        this.eventTime = eventTime;
    }

    public String topic() {
        return topic;
    }

    public String dir() {
        return dir;
    }

    public Class<? extends SpecificRecordBase> type() {
        return type;
    }

    /** Milliseconds since the epoch, or -1 when the record carries none (an empty end-of-test batch). */
    public long eventTimeMs(final SpecificRecordBase record) {
        return eventTime.applyAsLong(record);
    }

    public static ArchiveTopic of(final String topic) {
        for (final ArchiveTopic t : values()) {
            if (t.topic.equals(topic)) {
                return t;
            }
        }
        throw new IllegalArgumentException("the archive does not keep topic '" + topic + "'");
    }
}
