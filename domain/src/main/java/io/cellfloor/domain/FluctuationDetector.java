package io.cellfloor.domain;

import java.util.Map;

/**
 * Voltage fluctuation (SCIENCE.md): repeated irregular excursions of V under constant current within one
 * half-cycle, far above the channel's own noise: several excursions, each deeper than both the excursion depth and
 * the noise margin of {@link VoltageRules}. (The noise ratio alone is not used: at sparse logging the high-frequency
 * residual measures the curvature of the voltage profile as much as noise, and moves with the current.)
 */
final class FluctuationDetector {
    private FluctuationDetector() {
    }

    /**
     * @param baselineNoiseV the channel's noise baseline, NaN until learnt
     * @return the fluctuation in this half-cycle, or null
     */
    static BreakdownEvent judge(final int cycleNumber, final HalfSummary half, final double baselineNoiseV,
                                final VoltageRules rules) {
        if (half == null) {
            return null; // the half is missing
        }
        final double ratio = half.noiseV() / baselineNoiseV;
        if (half.excursions() >= rules.fluctuationMinExcursions()) {
            return event(cycleNumber, half, ratio, half.firstExcursionMs(), half.lastExcursionEndMs());
        }
        return null; // at most one excursion: a drop at most
    }

    private static BreakdownEvent event(final int cycleNumber, final HalfSummary half, final double ratio,
                                        final long startMs, final long endMs) {
        final double depth = half.excDepth();
        final double severity = Math.min(1.0, Math.max(depth, half.excursions() / 10.0));
        return new BreakdownEvent(BreakdownType.VOLTAGE_FLUCTUATION, cycleNumber, half.direction(), startMs, endMs,
                severity, half.excRecovered(), Map.of(
                        "excursions", (double) half.excursions(),
                        "maxDepthFraction", depth,
                        "plateauV", half.referenceV(),
                        "noiseV", half.noiseV(),
                        "noiseRatio", ratio,
                        "loggingIntervalS", half.loggingIntervalS()));
    }
}
