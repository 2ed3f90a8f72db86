package io.cellfloor.bench.suite;

/**
 * Charges and voltages of one generated cycle, for its label. Plateaus are averaged away from onsets, ends and
 * contacts, so the label says what the generator injected, not what a detector would measure.
 */
final class CycleTally {
    private final double eta;
    double platedC;
    double strippedC;
    double ionicPlatedC;
    double leakC;
    double minV = Double.POSITIVE_INFINITY;
    double maxV = Double.NEGATIVE_INFINITY;
    private double plateSum;
    private int plateCount;
    private double stripSum;
    private int stripCount;

    CycleTally(final double eta) {
        this.eta = eta;
    }

    void plating(final double v, final double tau, final double sincePlatingStart, final double rShort) {
        bounds(v);
        if (tau > 300 && Double.isInfinite(rShort) && sincePlatingStart > 300) {
            plateSum += v;
            plateCount++;
        }
    }

    void stripping(final double v, final double tau, final double rShort) {
        bounds(v);
        if (tau > 60 && Double.isInfinite(rShort) && v < 4 * eta) {
            stripSum += v;
            stripCount++;
        }
    }

    private void bounds(final double v) {
        minV = Math.min(minV, v);
        maxV = Math.max(maxV, v);
    }

    double platePlateau() {
        return plateCount == 0 ? Double.NaN : plateSum / plateCount;
    }

    double stripPlateau() {
        return stripCount == 0 ? Double.NaN : stripSum / stripCount;
    }
}
