package io.cellfloor.schema.serde;

import io.cellfloor.avro.SampleBatch;
import io.cellfloor.avro.StepType;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** Records for serde tests. */
final class TestRecords {

    /**
     * SampleBatch as a first release might have had it: no optional columns, no end-of-test flag. Every field the
     * current schema added since has a default, so the current schema reads it (BACKWARD).
     */
    static final Schema SAMPLE_BATCH_WITHOUT_OPTIONAL_COLUMNS = new Schema.Parser().parse("""
        {"type": "record", "name": "SampleBatch", "namespace": "io.cellfloor.avro", "fields": [
          {"name": "stationId", "type": "string"},
          {"name": "channelId", "type": "string"},
          {"name": "testId", "type": "string"},
          {"name": "sequence", "type": "long"},
          {"name": "timestampMs", "type": {"type": "array", "items": "long"}},
          {"name": "currentA", "type": {"type": "array", "items": "double"}},
          {"name": "voltageV", "type": {"type": "array", "items": "double"}}
        ]}""");

    /** SampleBatch with a new mandatory field and no default: what BACKWARD must reject. */
    static final Schema SAMPLE_BATCH_WITH_MANDATORY_NEW_FIELD = new Schema.Parser().parse(
        SampleBatch.getClassSchema().toString().replace(
            "\"fields\":[", "\"fields\":[{\"name\":\"operator\",\"type\":\"string\"},"));

    private TestRecords() {
    }

    /** A batch in the {@link #SAMPLE_BATCH_WITHOUT_OPTIONAL_COLUMNS} schema, of station-7 and test t-1. */
    static GenericRecord sampleBatchWithoutOptionalColumns(final String channelId, final long sequence,
                                                           final List<Long> timestampMs, final List<Double> currentA,
                                                           final List<Double> voltageV) {
        final GenericRecord record = new GenericData.Record(SAMPLE_BATCH_WITHOUT_OPTIONAL_COLUMNS);
        record.put("stationId", "station-7");
        record.put("channelId", channelId);
        record.put("testId", "t-1");
        record.put("sequence", sequence);
        record.put("timestampMs", timestampMs);
        record.put("currentA", currentA);
        record.put("voltageV", voltageV);
        return record;
    }

    /** A batch of {@code samples} one-second samples of a plating half-cycle. */
    static SampleBatch sampleBatch(final String channelId, final long sequence, final int samples) {
        final List<Long> times = new ArrayList<>(samples);
        final List<Double> currents = new ArrayList<>(samples);
        final List<Double> voltages = new ArrayList<>(samples);
        final List<StepType> steps = new ArrayList<>(samples);
        for (int i = 0; i < samples; i++) {
            times.add(1_700_000_000_000L + sequence * samples * 1000L + i * 1000L);
            currents.add(-0.000785);
            voltages.add(0.012 - i * 1e-6);
            steps.add(StepType.DISCHARGE);
        }
        return SampleBatch.newBuilder()
            .setStationId("station-7")
            .setChannelId(channelId)
            .setTestId("lpsc-cu-0.5mAcm2")
            .setSequence(sequence)
            .setTimestampMs(times)
            .setCurrentA(currents)
            .setVoltageV(voltages)
            .setStepType(steps)
            .build();
    }
}
