package io.cellfloor.sim;

/**
 * Constant-current Li plating or stripping (and either half of a Li/Li cell): the previous open-circuit voltage
 * decays away, the ohmic drop appears at once, polarisation builds and drifts, and at plating onset a nucleation
 * dip reaches its minimum after {@code nucleationTauMs} and recovers to the growth plateau.
 * All voltages are signed; a plating step passes negative ones.
 */
final class PlateauProfile implements VoltageProfile {
    private final double openCircuitV;
    private final double ohmicV;
    private final double polarisationV;
    private final double driftPerMs;
    private final double nucleationV;
    private final double invNucleationTau;
    private final double invSettleTau;
    private final Excursions excursions;

    PlateauProfile(final double openCircuitV, final double ohmicV, final double polarisationV, final double drift,
            final long durationMs, final double nucleationV, final long nucleationTauMs, final long settleTauMs,
            final Excursions excursions) {
        this.openCircuitV = openCircuitV;
        this.ohmicV = ohmicV;
        this.polarisationV = polarisationV;
        this.driftPerMs = polarisationV * drift / durationMs;
        this.nucleationV = nucleationV;
        this.invNucleationTau = 1.0 / nucleationTauMs;
        this.invSettleTau = 1.0 / settleTauMs;
        this.excursions = excursions;
    }

    @Override
    public double voltage(final long tMs) {
        final double x = tMs * invSettleTau;
        final double decay = x > 36 ? 0.0 : Math.exp(-x);
        double target = polarisationV + driftPerMs * tMs;
        if (nucleationV != 0.0) {
            final double y = tMs * invNucleationTau;
            if (y < 16) {
                // y^2 e^(2(1-y)): zero slope at onset, peak 1 at y = 1, gone by y ~ 8
                target += nucleationV * y * y * Math.exp(2.0 * (1.0 - y));
            }
        }
        return excursions.apply(tMs, ohmicV + openCircuitV * decay + (1.0 - decay) * target);
    }
}
