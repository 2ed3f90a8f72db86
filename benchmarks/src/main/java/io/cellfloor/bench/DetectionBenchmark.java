package io.cellfloor.bench;

import io.cellfloor.domain.CeDirection;
import io.cellfloor.domain.CellKind;
import io.cellfloor.domain.CellSpec;
import io.cellfloor.domain.CycleAssembler;
import io.cellfloor.domain.CycleRules;
import io.cellfloor.domain.CycleState;
import io.cellfloor.domain.DetectionRules;
import io.cellfloor.domain.Sample;
import io.cellfloor.domain.StateCodec;
import io.cellfloor.sim.CellSimulator;
import io.cellfloor.sim.SamplingConfig;
import io.cellfloor.sim.Scenarios;
import io.cellfloor.sim.SimulatorConfig;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Nanoseconds per sample of the domain core with soft-breakdown detection on its worst case: a Li/LPSC/SS channel
 * logged every second with 1 mV of noise (every sample passes the plateau, noise and excursion logic) that breaks
 * down the way the paper's cell does (drops, fluctuations, leaks, then a hard short, so events are built and the stage
 * machine moves), fed in batches of {@value #BATCH} with the state decoded and encoded once per batch as the state
 * store does. {@code story=false} runs the same channel healthy. Compare with {@link CycleAssemblerBenchmark}, which
 * runs the typical floor mix.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DetectionBenchmark {
    static final int SAMPLES = 100_000;
    static final int BATCH = 500;
    static final CellSpec CELL = new CellSpec(CellKind.ASYMMETRIC, CellSpec.PELLET_AREA_CM2, "LPSC", "SS", 1.0, 0.2,
            -0.5, 1.5, 100, CeDirection.CHARGE_OVER_DISCHARGE, null);

    @Param({"true", "false"})
    public boolean story;

    private long[] t;
    private double[] current;
    private double[] voltage;

    @Setup
    public void trace() {
        final SimulatorConfig.Builder config = SimulatorConfig.builder(CELL).seed(5).cycles(400)
                .sampling(SamplingConfig.typical().withIntervalMs(1_000).withNoise(0.001, 1e-4));
        if (story) {
            config.inject(Scenarios.paperLpscStory(20));
        }
        final CellSimulator sim = new CellSimulator(config.build(), 0);
        t = new long[SAMPLES];
        current = new double[SAMPLES];
        voltage = new double[SAMPLES];
        for (int k = 0; k < SAMPLES; k++) {
            final Sample s = sim.next();
            t[k] = s.timeMs();
            current[k] = s.currentA();
            voltage[k] = s.voltageV();
        }
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public int segmentIntegrateAndDetect(final Blackhole hole) {
        byte[] stored = StateCodec.encode(new CycleState());
        int cycles = 0;
        for (int from = 0; from < SAMPLES; from += BATCH) {
            final CycleState state = StateCodec.decodeCycleState(stored);
            final CycleAssembler a = new CycleAssembler(CycleRules.DEFAULTS, DetectionRules.DEFAULTS, CELL, state,
                    hole::consume);
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
