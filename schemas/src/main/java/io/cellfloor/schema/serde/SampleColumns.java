package io.cellfloor.schema.serde;

import io.cellfloor.avro.SampleBatch;
import io.cellfloor.avro.StepType;
import java.util.List;

/**
 * A {@link SampleBatch} as the topology uses it: the identifying fields and the per-sample columns it reads, as
 * primitive arrays. The columns it does not read (step index, the instrument's capacities, temperature) are left
 * out. {@link #cycleIndex} and {@link #stepType} are null where the batch has none.
 */
public record SampleColumns(String stationId, String channelId, String testId, long sequence, boolean endOfTest,
                            long[] timestampMs, double[] currentA, double[] voltageV, int[] cycleIndex,
                            StepType[] stepType) {

    /** How many samples: the length of the timestamp column; the topology checks the others against it. */
    public int size() {
        return timestampMs.length;
    }

    /** The columns of an already decoded batch. */
    public static SampleColumns of(final SampleBatch b) {
        final List<Integer> cycles = b.getCycleIndex();
        return new SampleColumns(b.getStationId(), b.getChannelId(), b.getTestId(), b.getSequence(), b.getEndOfTest(),
                b.getTimestampMs().stream().mapToLong(Long::longValue).toArray(),
                b.getCurrentA().stream().mapToDouble(Double::doubleValue).toArray(),
                b.getVoltageV().stream().mapToDouble(Double::doubleValue).toArray(),
                cycles == null ? null : cycles.stream().mapToInt(Integer::intValue).toArray(),
                b.getStepType() == null ? null : b.getStepType().toArray(new StepType[0]));
    }
}
