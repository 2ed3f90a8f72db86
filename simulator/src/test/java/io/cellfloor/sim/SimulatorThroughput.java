package io.cellfloor.sim;

import io.cellfloor.domain.Sample;
import java.util.Locale;

/**
 * Not a test: measures how many samples per second one thread generates, so the number quoted for the
 * throughput benchmarks can be re-measured on any machine. Run from the module's test classpath:
 * {@code java -cp <test-classpath> io.cellfloor.sim.SimulatorThroughput [cycles]}.
 */
public final class SimulatorThroughput {
    private SimulatorThroughput() {
    }

    public static void main(final String[] args) {
        final int cycles = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        for (int round = 1; round <= 5; round++) {
            floor("demo floor, realistic logging", FloorPlan.builder().cycles(cycles).build(), round);
            floor("demo floor, 1 s logging + dV", FloorPlan.builder().cycles(cycles)
                    .sampling(SamplingConfig.typical().withIntervalMs(1_000)).build(), round);
            floor("demo floor, 1 s logging, time only", FloorPlan.builder().cycles(cycles)
                    .sampling(SamplingConfig.typical().withIntervalMs(1_000).timeOnly()).build(), round);
        }
    }

    private static void floor(final String name, final FloorPlan plan, final int round) {
        final SimulatedFloor floor = new SimulatedFloor(plan, Pacing.runToCompletion(0L));
        final Counter counter = new Counter();
        final long start = System.nanoTime();
        while (floor.poll(counter)) {
            // drain
        }
        final double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "round %d %-38s %,12d samples in %6.2f s = %6.2f M samples/s (checksum %.3f)%n",
                round, name, counter.samples, seconds, counter.samples / seconds / 1e6, counter.checksum);
    }

    /** Keeps the last samples in a ring, as a batching publisher would, so every sample really is allocated. */
    private static final class Counter implements FloorSink {
        private final Sample[] ring = new Sample[4096];
        long samples;
        double checksum;

        @Override
        public void accept(final String channelId, final Sample sample) {
            ring[(int) (samples++ & (ring.length - 1))] = sample;
            checksum += sample.voltageV() * 1e-6 + sample.currentA();
        }

        @Override
        public void endOfTest(final String channelId) {
        }
    }
}
