package io.cellfloor.sinks.alert;

import java.time.Duration;

/**
 * Exponential backoff between delivery attempts: {@code initial * 2^(attempt-1)}, capped at {@code max}. A
 * receiver's {@code Retry-After} wins when it asks for longer, still capped, so a rate-limited Slack is not
 * hammered.
 */
public record Backoff(Duration initial, Duration max) {
    public Backoff {
        if (initial.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 <= initial <= max, got " + initial + " and " + max);
        }
    }

    /** The pause after failed attempt number {@code attempt} (1-based). */
    public Duration delay(final int attempt, final Duration retryAfter) {
        final int shift = Math.min(Math.max(attempt - 1, 0), 30);
        final long millis = Math.min(max.toMillis(), initial.toMillis() * (1L << shift));
        final long asked = retryAfter == null ? 0 : retryAfter.toMillis();
        return Duration.ofMillis(Math.min(max.toMillis(), Math.max(millis, asked)));
    }
}
