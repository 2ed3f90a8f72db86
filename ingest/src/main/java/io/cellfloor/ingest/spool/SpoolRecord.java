package io.cellfloor.ingest.spool;

import java.util.Objects;

/**
 * One Kafka record waiting in the {@link Spool}: where it goes and its bytes, already serialized, so that a drain
 * after a restart sends exactly what was first produced (same sequence, same content).
 *
 * @param key the record key, or null
 * @param timestampMs the record timestamp (the batch's first sample time, kept for backfills)
 * @param sequence the batch's sequence number on its channel, or -1 for records that have none
 * @param samples how many samples (or rows, for a dead letter) the record carries, for the published counters
 * @param appendedAtMs wall time the record entered the spool, for the age-of-oldest-entry metric
 */
public record SpoolRecord(String topic, String key, long timestampMs, long sequence, int samples, long appendedAtMs,
                          byte[] value) {
    public SpoolRecord {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(value, "value");
    }
}
