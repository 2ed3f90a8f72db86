package io.cellfloor.streams.offline;

import org.apache.kafka.common.header.Headers;

/**
 * One record the topology wrote during an {@link OfflineRun}, as the serializer's bytes: what a live app would have
 * put on the same topic, so a replay can forward it unchanged.
 */
public record OutputRecord(String key, byte[] value, long timestampMs, Headers headers) {
}
