package io.cellfloor.schema.serde;

import io.cellfloor.avro.SampleBatch;
import io.cellfloor.avro.StepType;
import java.util.List;

/**
 * A {@link SampleBatch} as the topology uses it: the identifying fields and the per-sample columns it reads, as
 * primitive arrays. The column it does not read (temperature) is left out. The optional columns
 * ({@link #cycleIndex}, {@link #stepType}, {@link #stepIndex}, the instrument's {@link #chargeAh} and
 * {@link #dischargeAh}) are null where the batch has none.
 */
public record SampleColumns(String stationId, String channelId, String testId, long sequence, boolean endOfTest,
                            long[] timestampMs, double[] currentA, double[] voltageV, int[] cycleIndex,
                            StepType[] stepType, int[] stepIndex, double[] chargeAh, double[] dischargeAh) {

    /** How many samples: the length of the timestamp column; the topology checks the others against it. */
    public int size() {
        return timestampMs.length;
    }

    /** The columns of an already decoded batch. */
    public static SampleColumns of(final SampleBatch b) {
        final List<Integer> cycles = b.getCycleIndex();
        final List<Integer> steps = b.getStepIndex();
        return new SampleColumns(b.getStationId(), b.getChannelId(), b.getTestId(), b.getSequence(), b.getEndOfTest(),
                b.getTimestampMs().stream().mapToLong(Long::longValue).toArray(),
                b.getCurrentA().stream().mapToDouble(Double::doubleValue).toArray(),
                b.getVoltageV().stream().mapToDouble(Double::doubleValue).toArray(),
                cycles == null ? null : cycles.stream().mapToInt(Integer::intValue).toArray(),
                b.getStepType() == null ? null : b.getStepType().toArray(new StepType[0]),
                steps == null ? null : steps.stream().mapToInt(Integer::intValue).toArray(),
                doubles(b.getChargeCapacityAh()), doubles(b.getDischargeCapacityAh()));
    }

    private static double[] doubles(final List<Double> column) {
        return column == null ? null : column.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
