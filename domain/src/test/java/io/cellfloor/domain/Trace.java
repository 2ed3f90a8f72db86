package io.cellfloor.domain;

import java.util.Random;

/** Builds sample traces for tests: constant-current steps at irregular times, rests, gaps. */
final class Trace {
    private final CycleAssembler assembler;
    private final Random random = new Random(7);
    private long t;

    Trace(final CycleAssembler assembler, final long startMs) {
        this.assembler = assembler;
        this.t = startMs;
    }

    /** A constant-current step of {@code seconds}, logged at irregular intervals around {@code meanIntervalMs}, ending exactly on time. */
    Trace step(final double currentA, final double voltageV, final double seconds, final long meanIntervalMs) {
        final long end = t + Math.round(seconds * 1000);
        while (t < end) {
            assembler.accept(t, currentA, voltageV, Sample.NO_INDEX, null);
            t = Math.min(end, t + 1 + (long) (random.nextDouble() * 2 * meanIntervalMs));
        }
        assembler.accept(end, currentA, voltageV, Sample.NO_INDEX, null);
        t = end + meanIntervalMs;
        return this;
    }

    Trace rest(final double voltageV, final double seconds) {
        return step(0.0, voltageV, seconds, 10_000);
    }

    /** Samples nothing for {@code seconds}. */
    Trace silence(final double seconds) {
        t += Math.round(seconds * 1000);
        return this;
    }

    long now() {
        return t;
    }


}
