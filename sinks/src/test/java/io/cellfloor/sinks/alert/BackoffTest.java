package io.cellfloor.sinks.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(10));

    @Test
    void shouldDoubleEachAttemptUpToTheCap() {
        assertThat(backoff.delay(1, null)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.delay(2, null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delay(4, null)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.delay(6, null)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.delay(200, null)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void shouldHonourLongerRetryAfterButNeverBeyondTheCap() {
        assertThat(backoff.delay(1, Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
        assertThat(backoff.delay(1, Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(10));
    }
}
