package io.cellfloor.sinks.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move by hand; its {@link #sleeper()} advances it instead of sleeping. */
final class MutableClock extends Clock {
    private volatile Instant now;
    private volatile Duration slept = Duration.ZERO;

    MutableClock(final Instant start) {
        this.now = start;
    }

    void advance(final Duration d) {
        now = now.plus(d);
    }

    Sleeper sleeper() {
        return d -> {
            slept = slept.plus(d);
            advance(d);
        };
    }

    Duration slept() {
        return slept;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(final ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
