package io.cellfloor.ingest.format;

/**
 * Turns a row's test time into epoch ms. Exports log test time finely (ms or better) but wall-clock time coarsely
 * (whole seconds) and in local time, so sample times are the test start plus test time, the test start being
 * taken once: from the first row whose wall-clock time is known (that time minus its test time), or else from the
 * header's start or the configured fallback.
 */
final class TimeBase {
    private final long fallbackStartMs;
    private long startMs = Long.MIN_VALUE;

    TimeBase(final long fallbackStartMs) {
        this.fallbackStartMs = fallbackStartMs;
    }

    /** Whether the start is still unknown: only then do readers need to parse a row's wall-clock time. */
    boolean needsAnchor() {
        return startMs == Long.MIN_VALUE;
    }

    /**
     * @param testTimeS seconds since the test start
     * @param wallClockMs the row's epoch ms, or {@link DateTimes#INVALID} when the row has none
     */
    long at(final double testTimeS, final long wallClockMs) {
        final long sinceStart = Math.round(testTimeS * 1000.0);
        if (startMs == Long.MIN_VALUE) {
            startMs = wallClockMs == DateTimes.INVALID ? fallbackStartMs : wallClockMs - sinceStart;
        }
        return startMs + sinceStart;
    }
}
