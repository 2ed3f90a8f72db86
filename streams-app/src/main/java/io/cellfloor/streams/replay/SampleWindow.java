package io.cellfloor.streams.replay;

import io.cellfloor.avro.SampleBatch;
import io.cellfloor.schema.Topics;
import io.cellfloor.schema.registry.SchemaRegistryClient;
import io.cellfloor.schema.serde.CellfloorSerdes;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Whether a samples record belongs to a replay's window, by the time of the batch's first sample. The record
 * timestamp cannot say: on a topic with append time it is when the batch arrived, which for a backfilled file is
 * months after its samples. A record that cannot be decoded is let through, so the topology dead-letters it as live.
 */
final class SampleWindow {
    private final long fromMs;
    private final long toMs;
    private final Deserializer<SampleBatch> batches;

    SampleWindow(final ReplayRequest request, final SchemaRegistryClient registry, final Map<String, ?> config) {
        this(request.from().toEpochMilli(), request.to().toEpochMilli(),
                CellfloorSerdes.value(SampleBatch.class, registry, config).deserializer());
    }

    SampleWindow(final long fromMs, final long toMs, final Deserializer<SampleBatch> batches) {
        this.fromMs = fromMs;
        this.toMs = toMs;
        this.batches = batches;
    }

    boolean contains(final ConsumerRecord<String, byte[]> record) {
        final long first = firstSampleMs(record);
        return first >= fromMs && first < toMs;
    }

    private long firstSampleMs(final ConsumerRecord<String, byte[]> record) {
        final SampleBatch batch;
        try {
            batch = batches.deserialize(Topics.SAMPLES, record.value());
        } catch (RuntimeException e) {
            return record.timestamp();
        }
        if (batch == null || batch.getTimestampMs().isEmpty()) {
            return record.timestamp();
        }
        return batch.getTimestampMs().get(0);
    }
}
