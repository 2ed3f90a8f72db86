package io.cellfloor.sim;

import java.time.Clock;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * How fast a {@link SimulatedFloor} releases samples. Paced: each poll releases every sample whose simulated time
 * is at most {@code simStartMs + speedUp x (wall now - wallStartMs)}, so a demo at speed-up 600 shows ten simulated
 * minutes per second. Run to completion: no clock at all; each poll advances a simulated horizon by
 * {@code completionStepMs}, keeping channels roughly in step and memory flat. Either way a poll hands over at most
 * {@code maxSamplesPerPoll} samples and the next poll continues where it stopped.
 */
public record Pacing(
        LongSupplier wallClockMs,
        long wallStartMs,
        long simStartMs,
        double speedUp,
        int maxSamplesPerPoll,
        long completionStepMs) {

    public static final int DEFAULT_MAX_SAMPLES_PER_POLL = 50_000;
    public static final long DEFAULT_COMPLETION_STEP_MS = 600_000L;

    public Pacing {
        if (maxSamplesPerPoll < 1) {
            throw new IllegalArgumentException("a poll must be allowed at least one sample, got " + maxSamplesPerPoll);
        }
        if (Double.isFinite(speedUp)) {
            Objects.requireNonNull(wallClockMs, "a paced floor needs a wall clock");
            if (!(speedUp > 0)) {
                throw new IllegalArgumentException("speed-up must be > 0, got " + speedUp);
            }
        } else if (completionStepMs < 1) {
            throw new IllegalArgumentException("run-to-completion needs a step >= 1 ms, got " + completionStepMs);
        }
    }

    /** Paced by {@code clock}; simulated time starts at the clock's current time. */
    public static Pacing paced(final Clock clock, final double speedUp) {
        final long now = clock.millis();
        return new Pacing(clock::millis, now, now, speedUp, DEFAULT_MAX_SAMPLES_PER_POLL, 0L);
    }

    /** Paced by a ms supplier read now as the wall start; simulated time starts at {@code simStartMs}. */
    public static Pacing paced(final LongSupplier wallClockMs, final long simStartMs, final double speedUp) {
        return new Pacing(wallClockMs, wallClockMs.getAsLong(), simStartMs, speedUp, DEFAULT_MAX_SAMPLES_PER_POLL,
                0L);
    }

    /** As fast as the consumer polls, for tests and benchmarks; simulated time starts at {@code simStartMs}. */
    public static Pacing runToCompletion(final long simStartMs) {
        return new Pacing(null, 0L, simStartMs, Double.POSITIVE_INFINITY, DEFAULT_MAX_SAMPLES_PER_POLL,
                DEFAULT_COMPLETION_STEP_MS);
    }

    public Pacing withMaxSamplesPerPoll(final int max) {
        return new Pacing(wallClockMs, wallStartMs, simStartMs, speedUp, max, completionStepMs);
    }

    public boolean isPaced() {
        return Double.isFinite(speedUp);
    }

    /** The latest simulated time a paced floor may release now. */
    long pacedHorizonMs() {
        final double ahead = speedUp * (wallClockMs.getAsLong() - wallStartMs);
        return ahead >= Long.MAX_VALUE - simStartMs ? Long.MAX_VALUE : simStartMs + (long) Math.max(0.0, ahead);
    }
}
