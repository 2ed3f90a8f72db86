package io.cellfloor.streams.replay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** A progress line with rate and ETA, at most every {@code every}; the clock is injected so tests can drive it. */
final class Progress {
    private final Clock clock;
    private final Duration every;
    private final Instant started;
    private Instant last;

    Progress(final Clock clock, final Duration every) {
        this.clock = clock;
        this.every = every;
        this.started = clock.instant();
        this.last = started;
    }

    /** The line to print now, or null when the last one is recent. */
    String line(final long done, final long total, final boolean force) {
        final Instant now = clock.instant();
        if (!force && now.isBefore(last.plus(every))) {
            return null;
        }
        last = now;
        return format(done, total, Duration.between(started, now));
    }

    static String format(final long done, final long total, final Duration elapsed) {
        final double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        final double rate = done / seconds;
        final double pct = total <= 0 ? 100 : Math.min(100, 100.0 * done / total);
        final String eta = rate <= 0 || done >= total ? "-"
                : Duration.ofSeconds((long) Math.ceil((total - done) / rate)).toString().substring(2).toLowerCase(Locale.ROOT);
        final int width = 30;
        final int filled = (int) Math.round(width * pct / 100);
        return String.format(Locale.ROOT, "replay [%s%s] %5.1f %% %,d/%,d records %,.0f/s ETA %s",
                "#".repeat(filled), ".".repeat(width - filled), pct, done, total, rate, eta);
    }
}
