package io.cellfloor.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * How fast a {@link SimulatedFloor} releases samples. Paced: each poll releases every sample whose simulated time
 * is at most {@code simStartMs + speedUp x (wall now - wallStartMs)}, so a demo at speed-up 600 shows ten simulated
 * minutes per second. Run to completion: no clock at all; each poll advances a simulated horizon by
 * {@code completionStepMs}, keeping channels roughly in step and memory flat. Either way a poll hands over at most
 * {@code maxSamplesPerPoll} samples and the next poll continues where it stopped.
 *
 * <p>{@link #catchingUp} starts simulated time in the past and never lets it pass the wall clock: the floor replays
 * its history at {@code speedUp}, then keeps pace with real time. A live system (the demo) then never sees samples
 * stamped in the future, and its hourly and daily windows end at now.
 *
 * @param neverAhead whether the paced horizon stops at the wall clock's now (see {@link #catchingUp})
 */
public record Pacing(
        LongSupplier wallClockMs,
        long wallStartMs,
        long simStartMs,
        double speedUp,
        int maxSamplesPerPoll,
        long completionStepMs,
        boolean neverAhead) {

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
        return new Pacing(clock::millis, now, now, speedUp, DEFAULT_MAX_SAMPLES_PER_POLL, 0L, false);
    }

    /** Paced by a ms supplier read now as the wall start; simulated time starts at {@code simStartMs}. */
    public static Pacing paced(final LongSupplier wallClockMs, final long simStartMs, final double speedUp) {
        return new Pacing(wallClockMs, wallClockMs.getAsLong(), simStartMs, speedUp, DEFAULT_MAX_SAMPLES_PER_POLL,
                0L, false);
    }

    /**
     * Simulated time starts {@code historyMs} before the wall clock's now and runs {@code speedUp} times faster until
     * it reaches the wall clock, then keeps pace with it (1:1): no sample is ever stamped after now.
     */
    public static Pacing catchingUp(final LongSupplier wallClockMs, final long historyMs, final double speedUp) {
        if (historyMs < 0) {
            throw new IllegalArgumentException("history must be >= 0 ms, got " + historyMs);
        }
        final long now = wallClockMs.getAsLong();
        return new Pacing(wallClockMs, now, now - historyMs, speedUp, DEFAULT_MAX_SAMPLES_PER_POLL, 0L, true);
    }

    /** Wall-clock time a {@link #catchingUp} floor takes to reach now: its history over the speed-up minus one. */
    public Duration catchUpTime() {
        final long behindMs = wallStartMs - simStartMs;
        if (behindMs <= 0) {
            return Duration.ZERO;
        }
        return speedUp <= 1.0 ? ChronoUnit.FOREVER.getDuration()
                : Duration.ofMillis((long) Math.ceil(behindMs / (speedUp - 1.0)));
    }

    /** As fast as the consumer polls, for tests and benchmarks; simulated time starts at {@code simStartMs}. */
    public static Pacing runToCompletion(final long simStartMs) {
        return new Pacing(null, 0L, simStartMs, Double.POSITIVE_INFINITY, DEFAULT_MAX_SAMPLES_PER_POLL,
                DEFAULT_COMPLETION_STEP_MS, false);
    }

    public Pacing withMaxSamplesPerPoll(final int max) {
        return new Pacing(wallClockMs, wallStartMs, simStartMs, speedUp, max, completionStepMs, neverAhead);
    }

    public boolean isPaced() {
        return Double.isFinite(speedUp);
    }

    /** The latest simulated time a paced floor may release now. */
    long pacedHorizonMs() {
        final long wallNow = wallClockMs.getAsLong();
        final double ahead = speedUp * (wallNow - wallStartMs);
        final long horizon = ahead >= Long.MAX_VALUE - simStartMs ? Long.MAX_VALUE
                : simStartMs + (long) Math.max(0.0, ahead);
        return neverAhead ? Math.min(horizon, wallNow) : horizon;
    }
}
