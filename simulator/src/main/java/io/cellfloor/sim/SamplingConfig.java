package io.cellfloor.sim;

/**
 * How the simulated cycler logs, which decides what a detector can see at all: a base interval with jitter, an
 * extra point whenever |dV| since the last logged point exceeds a threshold (checked on an internal tick, as real
 * cyclers do), and always a point at each step's first and last instant.
 *
 * @param intervalMs base logging interval
 * @param jitter relative jitter of each interval, 0..0.9 (irregular sample times)
 * @param dvThresholdV extra point when |dV| exceeds this; {@code Double.POSITIVE_INFINITY} logs on time only (a lab
 *        logging once a minute misses a brief soft short)
 * @param tickMs the cycler's internal evaluation period for the dV criterion (finest resolution of extra points)
 * @param voltageNoiseV standard deviation of the voltage reading
 * @param currentNoiseRel relative standard deviation of the current reading (1e-4 = 0.01 %)
 * @param cyclerFields emit step index, cycle index, step type, per-cycle capacity counters and temperature, as
 *        some file formats do; when false only time, current and voltage are set
 */
public record SamplingConfig(
        long intervalMs,
        double jitter,
        double dvThresholdV,
        long tickMs,
        double voltageNoiseV,
        double currentNoiseRel,
        boolean cyclerFields) {

    public SamplingConfig {
        if (intervalMs < 1 || tickMs < 1) {
            throw new IllegalArgumentException("logging interval and tick must be >= 1 ms, got " + intervalMs
                    + " ms and " + tickMs + " ms");
        }
        if (jitter < 0 || jitter > 0.9) {
            throw new IllegalArgumentException("jitter must be within 0..0.9, got " + jitter);
        }
        if (!(dvThresholdV > 0) || voltageNoiseV < 0 || currentNoiseRel < 0) {
            throw new IllegalArgumentException("dV threshold must be > 0 and noise >= 0");
        }
    }

    /** 10 s logging with 25 % jitter, 5 mV dV trigger on a 200 ms tick, 0.3 mV and 0.01 % noise. */
    public static SamplingConfig typical() {
        return new SamplingConfig(10_000, 0.25, 0.005, 200, 0.0003, 1e-4, false);
    }

    public SamplingConfig withIntervalMs(final long newIntervalMs) {
        return new SamplingConfig(newIntervalMs, jitter, dvThresholdV, tickMs, voltageNoiseV, currentNoiseRel,
                cyclerFields);
    }

    /** Logging on time only, no dV trigger. */
    public SamplingConfig timeOnly() {
        return new SamplingConfig(intervalMs, jitter, Double.POSITIVE_INFINITY, tickMs, voltageNoiseV,
                currentNoiseRel, cyclerFields);
    }

    public SamplingConfig withNoise(final double newVoltageNoiseV, final double newCurrentNoiseRel) {
        return new SamplingConfig(intervalMs, jitter, dvThresholdV, tickMs, newVoltageNoiseV, newCurrentNoiseRel,
                cyclerFields);
    }

    public SamplingConfig withCyclerFields(final boolean enabled) {
        return new SamplingConfig(intervalMs, jitter, dvThresholdV, tickMs, voltageNoiseV, currentNoiseRel, enabled);
    }

    public boolean dvTriggered() {
        return dvThresholdV != Double.POSITIVE_INFINITY;
    }
}
