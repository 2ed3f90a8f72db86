package io.cellfloor.sim;

/**
 * First-order relaxation from {@code startV} towards {@code settledV}: open-circuit rests, and the ohmic voltage of
 * a hard-shorted cell under current (where {@code settledV} = I x R_short).
 */
final class RelaxationProfile implements VoltageProfile {
    private final double startV;
    private final double settledV;
    private final double invTau;
    private final Excursions excursions;

    RelaxationProfile(final double startV, final double settledV, final long tauMs, final Excursions excursions) {
        this.startV = startV;
        this.settledV = settledV;
        this.invTau = 1.0 / tauMs;
        this.excursions = excursions;
    }

    @Override
    public double voltage(final long tMs) {
        final double x = tMs * invTau;
        final double v = x > 36 ? settledV : settledV + (startV - settledV) * Math.exp(-x);
        return excursions.apply(tMs, v);
    }
}
