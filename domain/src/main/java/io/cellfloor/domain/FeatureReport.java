package io.cellfloor.domain;

/**
 * Turns a cycle's two half summaries into its {@link CycleFeatures}: which half is the plating (discharge) and which
 * the strip (charge), the noise as a ratio to the channel's baseline, and the logging statistics of the whole cycle.
 * Kept apart from {@link CycleAnalyzer} so that judging a cycle and describing it stay separate.
 */
final class FeatureReport {
    private FeatureReport() {
    }

    static CycleFeatures of(final HalfSummary s1, final HalfSummary s2, final double noiseBaselineV,
                            final String notApplicable, final String normalBehaviour) {
        final HalfSummary plating = s1 != null && s1.direction() == Direction.DISCHARGE ? s1
                : s2 != null && s2.direction() == Direction.DISCHARGE ? s2 : null;
        final HalfSummary stripping = s1 != null && s1.direction() == Direction.CHARGE ? s1
                : s2 != null && s2.direction() == Direction.CHARGE ? s2 : null;
        return new CycleFeatures(
                plating == null ? Double.NaN : plating.nucleationV(),
                plating == null ? Double.NaN : plating.plateauV(),
                stripping == null ? Double.NaN : stripping.plateauV(),
                s2 == null ? Double.NaN : s2.dcResistanceOhm(),
                plating == null ? Double.NaN : plating.noiseV() / noiseBaselineV,
                stripping == null ? Double.NaN : stripping.noiseV() / noiseBaselineV,
                min(s1 == null ? Double.NaN : s1.minAbsV(), s2 == null ? Double.NaN : s2.minAbsV()),
                interval(s1, s2),
                max(s1 == null ? Double.NaN : s1.maxStepV(), s2 == null ? Double.NaN : s2.maxStepV()),
                s1 == null ? Double.NaN : s1.dcResistanceOhm(),
                max(s1 == null ? Double.NaN : s1.maxIntervalS(), s2 == null ? Double.NaN : s2.maxIntervalS()),
                notApplicable, normalBehaviour);
    }

    /** The time-weighted logging interval of the whole cycle, each half weighted by its duration. */
    private static double interval(final HalfSummary s1, final HalfSummary s2) {
        double weighted = 0;
        double total = 0;
        for (final HalfSummary s : new HalfSummary[] {s1, s2}) {
            if (s != null && Double.isFinite(s.loggingIntervalS())) {
                final double w = Math.max(1, s.endMs() - s.startMs());
                weighted += w * s.loggingIntervalS();
                total += w;
            }
        }
        return total > 0 ? weighted / total : Double.NaN;
    }

    private static double min(final double a, final double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.min(a, b);
    }

    private static double max(final double a, final double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
    }
}
