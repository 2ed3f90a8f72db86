package io.cellfloor.sim;

/**
 * Constant-current charge or discharge of a full cell: a smooth OCV-like curve from {@code startV} to
 * {@code endV} over the step, with a fast change at the start, a linear middle and a knee at the end. Normalised so
 * that the voltage is exactly {@code endV} (the cut-off) at the planned end.
 */
final class FullCellProfile implements VoltageProfile {
    static final double START_FRACTION = 0.03;
    static final double KNEE_FRACTION = 0.02;
    private static final double START_WEIGHT = 0.15;
    private static final double LINEAR_WEIGHT = 0.75;
    private static final double KNEE_WEIGHT = 0.10;

    private final double startV;
    private final double spanV;
    private final double invDuration;
    private final double u0;
    private final double uSpan;
    private final Excursions excursions;

    FullCellProfile(final double startV, final double endV, final long durationMs, final Excursions excursions) {
        this.startV = startV;
        this.spanV = endV - startV;
        this.invDuration = 1.0 / durationMs;
        this.u0 = raw(0.0);
        this.uSpan = raw(1.0) - u0;
        this.excursions = excursions;
    }

    private static double raw(final double f) {
        final double a = f / START_FRACTION;
        final double b = (1.0 - f) / KNEE_FRACTION;
        return START_WEIGHT * (a > 40 ? 1.0 : 1.0 - Math.exp(-a)) + LINEAR_WEIGHT * f
                + KNEE_WEIGHT * (b > 40 ? 0.0 : Math.exp(-b));
    }

    @Override
    public double voltage(final long tMs) {
        final double u = (raw(tMs * invDuration) - u0) / uSpan;
        return excursions.apply(tMs, startV + spanV * u);
    }
}
