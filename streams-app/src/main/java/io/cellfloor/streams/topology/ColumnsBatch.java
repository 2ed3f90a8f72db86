package io.cellfloor.streams.topology;

import io.cellfloor.domain.ChannelBatch;
import io.cellfloor.domain.Direction;
import io.cellfloor.domain.Sample;
import io.cellfloor.schema.AvroMapping;
import io.cellfloor.schema.serde.SampleColumns;

/** A decoded sample batch as the domain's {@link ChannelBatch}: reads the columns in place, copies nothing. */
record ColumnsBatch(SampleColumns columns) implements ChannelBatch {
    @Override
    public String testId() {
        return columns.testId();
    }

    @Override
    public long sequence() {
        return columns.sequence();
    }

    @Override
    public boolean endOfTest() {
        return columns.endOfTest();
    }

    @Override
    public int size() {
        return columns.size();
    }

    @Override
    public long timeMs(final int k) {
        return columns.timestampMs()[k];
    }

    @Override
    public double currentA(final int k) {
        return columns.currentA()[k];
    }

    @Override
    public double voltageV(final int k) {
        return columns.voltageV()[k];
    }

    @Override
    public int cycleIndex(final int k) {
        return columns.cycleIndex() == null ? Sample.NO_INDEX : columns.cycleIndex()[k];
    }

    @Override
    public Direction stepType(final int k) {
        return columns.stepType() == null ? null : AvroMapping.direction(columns.stepType()[k]);
    }

    @Override
    public int stepIndex(final int k) {
        return columns.stepIndex() == null ? Sample.NO_INDEX : columns.stepIndex()[k];
    }

    @Override
    public double chargeAh(final int k) {
        return columns.chargeAh() == null ? Double.NaN : columns.chargeAh()[k];
    }

    @Override
    public double dischargeAh(final int k) {
        return columns.dischargeAh() == null ? Double.NaN : columns.dischargeAh()[k];
    }

    /** Why a batch cannot be processed at all (wrong key, ragged columns), or null. */
    static String structuralProblem(final String key, final SampleColumns b, final int n) {
        if (!b.channelId().equals(key)) {
            return "batch for channel " + b.channelId() + " was keyed " + key + "; key batches by channel id";
        }
        if (b.currentA().length != n || b.voltageV().length != n
                || b.stepType() != null && b.stepType().length != n
                || b.cycleIndex() != null && b.cycleIndex().length != n
                || b.stepIndex() != null && b.stepIndex().length != n
                || b.chargeAh() != null && b.chargeAh().length != n
                || b.dischargeAh() != null && b.dischargeAh().length != n) {
            return "column lengths differ: " + n + " timestamps, " + b.currentA().length + " currents, "
                    + b.voltageV().length + " voltages";
        }
        return null;
    }
}
