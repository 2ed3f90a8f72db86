package io.cellfloor.domain;

/**
 * The voltage noise on a half-cycle's plateau, as {@link HalfCycleProbe} estimates it: the high-frequency residual of
 * the middle of the last three plateau points from the line through its neighbours, folded into a clipped running
 * mean. Cheap, robust to a stray spike, and blind to a steady slope.
 */
final class ResidualNoise {
    /** Mean |residual| of white noise over three irregular points, to its standard deviation: sqrt(pi/2) / sqrt 1.5. */
    private static final double RESIDUAL_TO_SIGMA = 1.023;
    /** The estimate averages its first residuals exactly, then follows with this weight per residual. */
    private static final int RESIDUAL_MEMORY = 32;
    /** A residual counts at most this multiple of the running mean: one spike cannot inflate the noise. */
    private static final double RESIDUAL_CLIP = 4.0;

    private double residualMean;
    private int residualCount;
    private int chain;
    private long t1;
    private double v1;
    private long t2;
    private double v2;

    void clear() {
        residualMean = 0;
        residualCount = 0;
        chain = 0;
    }

    /** The next point is not a neighbour of the last ones (a gap, a step, a point off the plateau). */
    void breakChain() {
        chain = 0;
    }

    int residuals() {
        return residualCount;
    }

    /** The noise sigma, or NaN with fewer than {@code minResiduals} residuals. */
    double noiseV(final VoltageRules rules, final int minResiduals) {
        return residualCount < minResiduals ? Double.NaN
                : Math.max(rules.minNoiseV(), RESIDUAL_TO_SIGMA * residualMean);
    }

    /** Takes a point; only plateau points ({@code onPlateau}) extend the chain of three. */
    void update(final long t, final double v, final boolean onPlateau) {
        if (!onPlateau) {
            chain = 0;
            return;
        }
        if (chain > 0 && t == t2) {
            v2 = v; // the same instant logged twice (a step boundary): keep the later reading
            return;
        }
        if (chain == 2) {
            final double r = Math.abs(v2 - v1 - (v - v1) * (t2 - t1) / (double) (t - t1));
            if (residualCount < RESIDUAL_MEMORY) {
                residualCount++;
                residualMean += (Math.min(r, residualCount > 3 ? RESIDUAL_CLIP * residualMean : r) - residualMean)
                        / residualCount;
            } else {
                residualMean += (Math.min(r, RESIDUAL_CLIP * residualMean) - residualMean) / RESIDUAL_MEMORY;
            }
        }
        t1 = t2;
        v1 = v2;
        t2 = t;
        v2 = v;
        chain = Math.min(chain + 1, 2);
    }

    /** The running mean; see {@link HalfCycleProbe#fields} for why the layout is in two parts. */
    void meanFields(final StateFields f) {
        residualMean = f.f64(residualMean);
        residualCount = f.i32(residualCount);
    }

    void chainFields(final StateFields f) {
        chain = f.count8(chain);
        t1 = f.i64(t1);
        v1 = f.f64(v1);
        t2 = f.i64(t2);
        v2 = f.f64(v2);
    }
}
