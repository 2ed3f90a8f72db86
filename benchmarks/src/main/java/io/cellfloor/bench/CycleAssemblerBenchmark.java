package io.cellfloor.bench;

import io.cellfloor.domain.CellKind;
import io.cellfloor.domain.CellSpec;
import io.cellfloor.domain.CycleAssembler;
import io.cellfloor.domain.CycleRules;
import io.cellfloor.domain.CycleState;
import io.cellfloor.domain.Sample;
import io.cellfloor.domain.StateCodec;
import io.cellfloor.sim.FloorPlan;
import io.cellfloor.sim.FloorSink;
import io.cellfloor.sim.Pacing;
import io.cellfloor.sim.SimulatedChannel;
import io.cellfloor.sim.SimulatedFloor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Nanoseconds per sample of the domain core (segmentation + coulomb counting) on a simulated Li/SSE/CC trace:
 * {@value #SAMPLES} samples of one channel, fed as the topology feeds them, with the state encoded and decoded
 * once per batch of {@value #BATCH} samples as the state store does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CycleAssemblerBenchmark {
    static final int SAMPLES = 100_000;
    static final int BATCH = 500;

    private long[] t;
    private double[] current;
    private double[] voltage;
    private CellSpec cell;

    @Setup
    public void trace() throws Exception {
        final SimulatedFloor floor = new SimulatedFloor(
                FloorPlan.builder().stations(1).channelsPerStation(8).cycles(400).breakdowns(0).build(),
                Pacing.runToCompletion(0));
        final SimulatedChannel channel = floor.channels().stream()
                .filter(c -> c.cell() != null && c.cell().kind() == CellKind.ASYMMETRIC).findFirst().orElseThrow();
        cell = channel.cell();
        final List<Sample> samples = new ArrayList<>();
        while (samples.size() < SAMPLES && floor.poll(new FloorSink() {
            @Override
            public void accept(final String channelId, final Sample sample) {
                if (channelId.equals(channel.channelId()) && samples.size() < SAMPLES) {
                    samples.add(sample);
                }
            }

            @Override
            public void endOfTest(final String channelId) {
            }
        })) {
            // keep polling until the channel has produced enough
        }
        if (samples.size() < SAMPLES) {
            throw new IllegalStateException("the simulated channel produced only " + samples.size() + " samples");
        }
        t = samples.stream().mapToLong(Sample::timeMs).toArray();
        current = samples.stream().mapToDouble(Sample::currentA).toArray();
        voltage = samples.stream().mapToDouble(Sample::voltageV).toArray();
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public int segmentAndIntegrate(final Blackhole hole) {
        byte[] stored = StateCodec.encode(new CycleState());
        int cycles = 0;
        for (int from = 0; from < SAMPLES; from += BATCH) {
            final CycleState state = StateCodec.decodeCycleState(stored);
            final CycleAssembler a = new CycleAssembler(CycleRules.DEFAULTS, cell, state, hole::consume);
            for (int k = from; k < from + BATCH; k++) {
                if (a.check(t[k], current[k], voltage[k]) == null) {
                    a.accept(t[k], current[k], voltage[k], Sample.NO_INDEX, null);
                }
            }
            stored = StateCodec.encode(state);
            cycles = state.cyclesEmitted();
        }
        return cycles;
    }
}
