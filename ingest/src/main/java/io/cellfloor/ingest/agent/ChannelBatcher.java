package io.cellfloor.ingest.agent;

import io.cellfloor.avro.SampleBatch;
import io.cellfloor.avro.StepType;
import io.cellfloor.domain.CycleRules;
import io.cellfloor.domain.Direction;
import io.cellfloor.domain.Sample;
import io.cellfloor.ingest.ChannelInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects one channel's samples into columnar {@link SampleBatch}es. Optional columns (indices, step types,
 * instrument capacities, temperature) are sent only when some sample of the batch has them.
 */
final class ChannelBatcher {
    private final ChannelInfo channel;
    private final List<Sample> samples = new ArrayList<>();
    private long nextSequence;
    private long openedAtMs;
    private Sample last;

    ChannelBatcher(final ChannelInfo channel, final long firstSequence) {
        this.channel = channel;
        this.nextSequence = firstSequence;
    }

    void add(final Sample s, final long nowMs) {
        if (samples.isEmpty()) {
            openedAtMs = nowMs;
        }
        samples.add(s);
        last = s;
    }

    /**
     * Whether {@code s} opens a new step after the last sample added, sent or not: another cycle or step index, or
     * another direction of current (with the domain's dead band for an unknown cell). That sample is the one that
     * closes a half-cycle or a cycle downstream.
     */
    boolean opensStep(final Sample s) {
        return last != null && (s.cycleIndex() != last.cycleIndex() || s.stepIndex() != last.stepIndex()
                || direction(s) != direction(last));
    }

    private static Direction direction(final Sample s) {
        return Direction.of(s.currentA(), CycleRules.DEFAULTS.minDeadBandA());
    }

    int size() {
        return samples.size();
    }

    long nextSequence() {
        return nextSequence;
    }

    long openedAtMs() {
        return openedAtMs;
    }

    /** The batch of what was added, numbered, and empties the batcher. */
    SampleBatch drain(final boolean endOfTest) {
        final int n = samples.size();
        final List<Long> t = new ArrayList<>(n);
        final List<Double> current = new ArrayList<>(n);
        final List<Double> voltage = new ArrayList<>(n);
        boolean hasStep = false;
        boolean hasCycle = false;
        boolean hasType = false;
        boolean hasCapacity = false;
        boolean hasTemperature = false;
        for (final Sample s : samples) {
            t.add(s.timeMs());
            current.add(s.currentA());
            voltage.add(s.voltageV());
            hasStep |= s.stepIndex() != Sample.NO_INDEX;
            hasCycle |= s.cycleIndex() != Sample.NO_INDEX;
            hasType |= s.stepType() != null;
            hasCapacity |= !Double.isNaN(s.chargeAh()) || !Double.isNaN(s.dischargeAh());
            hasTemperature |= !Double.isNaN(s.temperatureC());
        }
        final SampleBatch batch = SampleBatch.newBuilder()
                .setStationId(channel.stationId())
                .setChannelId(channel.channelId())
                .setTestId(channel.testId())
                .setSequence(nextSequence++)
                .setTimestampMs(t).setCurrentA(current).setVoltageV(voltage)
                .setStepIndex(hasStep ? ints(Sample::stepIndex) : null)
                .setCycleIndex(hasCycle ? ints(Sample::cycleIndex) : null)
                .setStepType(hasType ? samples.stream().map(s -> stepType(s.stepType())).toList() : null)
                .setChargeCapacityAh(hasCapacity ? doubles(Sample::chargeAh) : null)
                .setDischargeCapacityAh(hasCapacity ? doubles(Sample::dischargeAh) : null)
                .setTemperatureC(hasTemperature ? doubles(Sample::temperatureC) : null)
                .setEndOfTest(endOfTest)
                .build();
        samples.clear();
        return batch;
    }

    private List<Integer> ints(final java.util.function.ToIntFunction<Sample> f) {
        final List<Integer> out = new ArrayList<>(samples.size());
        for (final Sample s : samples) {
            out.add(f.applyAsInt(s));
        }
        return out;
    }

    private List<Double> doubles(final java.util.function.ToDoubleFunction<Sample> f) {
        final List<Double> out = new ArrayList<>(samples.size());
        for (final Sample s : samples) {
            out.add(f.applyAsDouble(s));
        }
        return out;
    }

    private static StepType stepType(final Direction d) {
        if (d == null) {
            return StepType.UNKNOWN;
        }
        return StepType.valueOf(d.name());
    }
}
