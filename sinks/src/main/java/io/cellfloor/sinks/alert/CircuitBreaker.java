package io.cellfloor.sinks.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One receiver's circuit breaker. After {@code threshold} consecutive failures it opens for {@code openFor}: calls
 * are refused without touching the network, so a receiver that hangs costs one timeout per threshold instead of
 * one per alert. After {@code openFor} one trial call is let through (half-open); its success closes the breaker,
 * its failure opens it again. Not thread-safe: each alert sink drives its breakers from one thread.
 */
public final class CircuitBreaker {
    /** What the breaker says about the next call. */
    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final Duration openFor;
    private final Clock clock;
    private int consecutiveFailures;
    private Instant openedAt;

    public CircuitBreaker(final int threshold, final Duration openFor, final Clock clock) {
        if (threshold < 1) {
            throw new IllegalArgumentException("breaker threshold must be at least 1, got " + threshold);
        }
        this.threshold = threshold;
        this.openFor = openFor;
        this.clock = clock;
    }

    public State state() {
        if (openedAt == null) {
            return State.CLOSED;
        }
        return clock.instant().isBefore(openedAt.plus(openFor)) ? State.OPEN : State.HALF_OPEN;
    }

    /** Whether a call may go out now. */
    public boolean allows() {
        return state() != State.OPEN;
    }

    public void onSuccess() {
        consecutiveFailures = 0;
        openedAt = null;
    }

    public void onFailure() {
        consecutiveFailures++;
        if (state() == State.HALF_OPEN || consecutiveFailures >= threshold) {
            openedAt = clock.instant();
        }
    }
}
