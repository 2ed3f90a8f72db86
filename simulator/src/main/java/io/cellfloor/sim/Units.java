package io.cellfloor.sim;

/** Unit conversions used across the simulator. */
final class Units {
    static final double MS_PER_HOUR = 3_600_000.0;

    private Units() {
    }

    /** Duration in ms to pass {@code capacityAh} at {@code currentA}, at least 1 ms. */
    static long durationMs(final double capacityAh, final double currentA) {
        return Math.max(1L, Math.round(capacityAh / Math.abs(currentA) * MS_PER_HOUR));
    }
}
