package io.cellfloor.streams.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellfloor.avro.SampleBatch;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;

class SampleWindowTest {
    private static final long JAN_2025 = 1_735_689_600_000L;
    private static final long DEC_2026 = 1_796_083_200_000L;
    private static final long DAY = 86_400_000L;

    /** Decodes a record's value as a batch whose samples start at the epoch ms written in it. */
    private static final Deserializer<SampleBatch> BATCH_AT = (topic, bytes) -> bytes.length == 0
            ? null
            : SampleBatch.newBuilder().setStationId("st1").setChannelId("st1-ch01").setTestId("t1").setSequence(0)
                    .setTimestampMs(List.of(Long.parseLong(new String(bytes)), Long.parseLong(new String(bytes)) + 1))
                    .setCurrentA(List.of(0.1, 0.1)).setVoltageV(List.of(3.0, 3.0)).build();

    @Test
    void shouldPlaceABackfilledBatchByItsSamplesNotByItsArrival() {
        final SampleWindow january2025 = new SampleWindow(JAN_2025, JAN_2025 + 31 * DAY, BATCH_AT);

        assertThat(january2025.contains(arrived(JAN_2025 + 5 * DAY, DEC_2026))).isTrue();
        assertThat(january2025.contains(arrived(JAN_2025 + 40 * DAY, DEC_2026))).isFalse();
        assertThat(january2025.contains(arrived(JAN_2025 - 1, DEC_2026))).isFalse();
        assertThat(new SampleWindow(DEC_2026 - DAY, DEC_2026 + DAY, BATCH_AT)
                .contains(arrived(JAN_2025 + 5 * DAY, DEC_2026))).isFalse();
    }

    @Test
    void shouldFallBackToTheRecordTimeForABatchWithoutSamples() {
        final SampleWindow december2026 = new SampleWindow(DEC_2026 - DAY, DEC_2026 + DAY, BATCH_AT);

        final ConsumerRecord<String, byte[]> empty = new ConsumerRecord<>("cellfloor.samples.v1", 0, 0, DEC_2026,
                TimestampType.LOG_APPEND_TIME, 0, 0, "st1-ch01", new byte[0],
                new RecordHeaders(), Optional.empty());

        assertThat(december2026.contains(empty)).isTrue();
    }

    private static ConsumerRecord<String, byte[]> arrived(final long firstSampleMs, final long arrivalMs) {
        return new ConsumerRecord<>("cellfloor.samples.v1", 0, 0, arrivalMs,
                TimestampType.LOG_APPEND_TIME, 0, 0, "st1-ch01",
                Long.toString(firstSampleMs).getBytes(), new RecordHeaders(),
                Optional.empty());
    }
}
