package io.cellfloor.streams.topology;

import io.cellfloor.avro.DeadLetter;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** Builds the dead letter for an input record that could not be processed: where it came from, why, and its bytes. */
final class DeadLetters {
    private DeadLetters() {
    }

    static DeadLetter of(final Optional<RecordMetadata> source, final Record<String, byte[]> record,
                         final String channel, final String reason, final int rejectedSamples) {
        final RecordMetadata meta = source.orElse(null);
        return DeadLetter.newBuilder()
                .setSourceTopic(meta == null ? "" : meta.topic())
                .setPartition(meta == null ? -1 : meta.partition())
                .setOffset(meta == null ? -1 : meta.offset())
                .setKey(record.key())
                .setChannelId(channel)
                .setReason(reason)
                .setRejectedSamples(rejectedSamples)
                .setPayload(ByteBuffer.wrap(record.value() == null ? new byte[0] : record.value()))
                .build();
    }
}
