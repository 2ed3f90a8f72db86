package io.cellfloor.domain;

/**
 * The tail of a half-cycle during which |V| sits below the hard-short ratio of the channel's healthy plateau, and
 * the mean |V|/|I| over it: what a hard short looks like as it sets in. Part of {@link HalfCycleProbe}.
 */
final class LowTail {
    private long sinceMs = HalfCycleProbe.NONE;
    private double resistanceSum;
    private int count;

    void clear() {
        sinceMs = HalfCycleProbe.NONE;
        resistanceSum = 0;
        count = 0;
    }

    /** Takes a sample; a sample above the ratio (or no healthy plateau to compare with) ends the tail. */
    void track(final VoltageRules rules, final long t, final double absV, final double absI,
               final double healthyPlateauV) {
        if (!(healthyPlateauV > 0) || absV > rules.hardShortRatio() * healthyPlateauV) {
            clear();
            return;
        }
        if (sinceMs == HalfCycleProbe.NONE) {
            sinceMs = t;
        }
        if (absI > 0) {
            resistanceSum += absV / absI;
            count++;
        }
    }

    /** Whether the half is in a low tail now. */
    boolean low() {
        return sinceMs != HalfCycleProbe.NONE;
    }

    long sinceMs() {
        return sinceMs;
    }

    int samples() {
        return count;
    }

    double meanResistanceOhm() {
        return count > 0 ? resistanceSum / count : Double.NaN;
    }

    void fields(final StateFields f) {
        sinceMs = f.i64(sinceMs);
        resistanceSum = f.f64(resistanceSum);
        count = f.i32(count);
    }
}
