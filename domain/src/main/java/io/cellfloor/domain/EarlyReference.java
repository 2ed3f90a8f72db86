package io.cellfloor.domain;

/**
 * The channel's early-life resistance per direction, anchored: the lowest plateau |V|/|I| over its first
 * {@link #HALVES} healthy half-cycles in that direction, and the current it was measured at. A reference learnt from
 * the cell's latest cycles follows a short that comes on gradually (the paper's impedance falls from 154 to 32 ohm
 * over 20 cycles) and learns it as healthy; this one stays where the cell started. The lowest of the first few is
 * taken so that an odd first half (interphase formation, a long end-of-strip rise) cannot set it high. It is only
 * comparable at the same current (an interfacial overpotential is not linear in the current), so a change of current
 * density makes it unusable until the current returns. Part of {@link DetectionState}.
 */
final class EarlyReference {
    static final int HALVES = 3;

    private final double[] ohm = {Double.NaN, Double.NaN};
    private final double[] currentA = {Double.NaN, Double.NaN};
    private final int[] halves = new int[2];

    /** Folds a healthy half's plateau in, while fewer than {@link #HALVES} are. */
    void learn(final Direction d, final double plateauV, final double atCurrentA, final double stepFraction) {
        final int k = d.ordinal();
        if (d == Direction.REST || halves[k] >= HALVES || !(plateauV > 0 && atCurrentA > 0)) {
            return;
        }
        if (halves[k] > 0 && !sameCurrent(k, atCurrentA, stepFraction)) {
            return; // a different current level from the first: not comparable, the reference stays that of the first
        }
        final double r = plateauV / atCurrentA;
        ohm[k] = halves[k] == 0 ? r : Math.min(ohm[k], r);
        currentA[k] = halves[k] == 0 ? atCurrentA : currentA[k];
        halves[k]++;
    }

    /** The reference resistance in this direction at this current, or NaN when there is none comparable. */
    double ohm(final Direction d, final double atCurrentA, final double stepFraction) {
        if (d == Direction.REST) {
            return Double.NaN;
        }
        final int k = d.ordinal();
        return halves[k] > 0 && sameCurrent(k, atCurrentA, stepFraction) ? ohm[k] : Double.NaN;
    }

    private boolean sameCurrent(final int k, final double atCurrentA, final double stepFraction) {
        return Math.abs(atCurrentA - currentA[k]) <= stepFraction * currentA[k];
    }

    void fields(final StateFields f) {
        for (int k = 0; k < 2; k++) {
            halves[k] = f.count8(halves[k]);
            if (halves[k] > 0) {
                ohm[k] = f.f64(ohm[k]);
                currentA[k] = f.f64(currentA[k]);
            }
        }
    }
}
