package io.cellfloor.domain;

/**
 * Counts the excursions of |V| towards 0 V in one half-cycle and remembers the deepest: an excursion starts when |V|
 * falls more than a margin below the reference plateau and ends when it comes back within half that margin
 * (hysteresis, so that noise at the threshold does not count twice). Part of {@link HalfCycleProbe}.
 */
final class ExcursionTracker {
    private boolean active;
    private long startMs;
    private double minAbsV;
    private double refV;
    private double marginV;
    private boolean atOnset;
    private int count;
    private long firstStartMs;
    private long lastEndMs;
    private long deepStartMs;
    private long deepEndMs;
    private double deepDepth;
    private double deepMinAbsV;
    private boolean deepRecovered;
    private boolean deepAtOnset;

    boolean active() {
        return active;
    }

    int count() {
        return count;
    }

    long firstStartMs() {
        return firstStartMs;
    }

    long lastEndMs() {
        return lastEndMs;
    }

    long deepStartMs() {
        return deepStartMs;
    }

    long deepEndMs() {
        return deepEndMs;
    }

    double deepDepth() {
        return deepDepth;
    }

    double deepMinAbsV() {
        return deepMinAbsV;
    }

    boolean deepRecovered() {
        return deepRecovered;
    }

    boolean deepAtOnset() {
        return deepAtOnset;
    }

    void clear() {
        active = false;
        count = 0;
        deepDepth = 0;
        deepRecovered = false;
        deepAtOnset = false;
    }

    /**
     * Takes a settled sample; {@code ref} may be NaN (no plateau known yet), {@code marginV} is the entry margin.
     * An excursion that ends with |V| far above the plateau (the end-of-strip rise) ended without recovering.
     *
     * @param firstSettled whether this is the half's first sample after the onset: an excursion starting there was
     *                     below the plateau from the start rather than falling to it
     */
    void update(final long t, final double absV, final double ref, final double marginV, final double riseBand,
                final boolean firstSettled) {
        if (active) {
            minAbsV = Math.min(minAbsV, absV);
            if (absV >= refV - 0.5 * this.marginV) {
                end(t, absV <= (1 + riseBand) * refV);
            }
            return;
        }
        if (ref > 0 && absV < ref - marginV) {
            active = true;
            startMs = t;
            minAbsV = absV;
            refV = ref;
            this.marginV = marginV;
            atOnset = firstSettled;
            if (count++ == 0) {
                firstStartMs = t;
            }
        }
    }

    /** Ends the excursion in progress at {@code t}. */
    void end(final long t, final boolean recovered) {
        active = false;
        lastEndMs = t;
        final double depth = 1.0 - minAbsV / refV;
        if (depth > deepDepth) {
            deepDepth = depth;
            deepStartMs = startMs;
            deepEndMs = t;
            deepMinAbsV = minAbsV;
            deepRecovered = recovered;
            deepAtOnset = atOnset;
        }
    }

    /** Forgets the excursion in progress: a step of current explains it. */
    void discard() {
        if (active) {
            active = false;
            count--;
        }
    }

    void fields(final StateFields f) {
        active = f.flag(active);
        count = f.i32(count);
        if (active) {
            startMs = f.i64(startMs);
            minAbsV = f.f64(minAbsV);
            refV = f.f64(refV);
            marginV = f.f64(marginV);
            atOnset = f.flag(atOnset);
        }
        if (count > 0) {
            firstStartMs = f.i64(firstStartMs);
            lastEndMs = f.i64(lastEndMs);
            deepStartMs = f.i64(deepStartMs);
            deepEndMs = f.i64(deepEndMs);
            deepDepth = f.f64(deepDepth);
            deepMinAbsV = f.f64(deepMinAbsV);
            deepRecovered = f.flag(deepRecovered);
            deepAtOnset = f.flag(deepAtOnset);
        }
    }
}
