package io.cellfloor.domain;

/**
 * Follows the open-circuit voltage of the rest after a half-cycle, for at most {@link RestRules#watchMs()}: its first
 * and latest point. A rest with fewer than two points tells nothing. Part of the channel's persisted state.
 */
final class RestWatch {
    private boolean active;
    private int cycleNumber;
    private Direction after;
    private boolean afterCutoff;
    private long startMs;
    private double startV;
    private long endMs;
    private double endV;
    private int samples;

    /** A half-cycle just ended; a rest may follow. */
    void begin(final int cycle, final Direction half, final boolean reachedCutoff) {
        active = true;
        cycleNumber = cycle;
        after = half;
        afterCutoff = reachedCutoff;
        samples = 0;
    }

    void update(final long t, final double v, final long watchMs) {
        if (!active) {
            return;
        }
        if (samples == 0) {
            startMs = t;
            startV = v;
        } else if (t - startMs > watchMs) {
            return;
        }
        endMs = t;
        endV = v;
        samples++;
    }

    /** Whether a rest is watched and has shown enough (two points) to be judged. */
    boolean seen() {
        return active && samples >= 2;
    }

    /** The rest is over (current flows again, or the data ended): what it showed, or null when nothing. */
    RestObservation end() {
        final boolean seen = seen();
        active = false;
        return seen ? new RestObservation(cycleNumber, after, afterCutoff, startMs, startV, endMs, endV, samples) : null;
    }

    void fields(final StateFields f) {
        active = f.flag(active);
        if (active) {
            cycleNumber = f.i32(cycleNumber);
            after = f.ordinal(after, Direction.values());
            afterCutoff = f.flag(afterCutoff);
            samples = f.i32(samples);
            if (samples > 0) {
                startMs = f.i64(startMs);
                startV = f.f64(startV);
                endMs = f.i64(endMs);
                endV = f.f64(endV);
            }
        }
    }
}
