package io.cellfloor.sim;

/**
 * End of a Li strip: once the plated Li is used up the voltage rises sharply to the cut-off. The rise is an
 * exponential in the time left, scaled so that the voltage equals the cut-off exactly at the planned end; this is
 * what makes "stripped = CE x plated" land on the cut-off at t = CE x plated / I.
 */
final class CutoffRiseProfile implements VoltageProfile {
    private final VoltageProfile plateau;
    private final long endMs;
    private final double riseV;
    private final double invTau;

    CutoffRiseProfile(final VoltageProfile plateau, final long endMs, final double cutoffV, final long tauMs) {
        this.plateau = plateau;
        this.endMs = endMs;
        this.riseV = cutoffV - plateau.voltage(endMs);
        this.invTau = 1.0 / tauMs;
    }

    @Override
    public double voltage(final long tMs) {
        final double x = (endMs - tMs) * invTau;
        final double v = plateau.voltage(tMs);
        return x > 40 ? v : v + riseV * Math.exp(-x);
    }
}
