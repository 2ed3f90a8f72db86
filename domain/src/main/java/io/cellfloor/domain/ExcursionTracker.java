package io.cellfloor.domain;

import java.nio.ByteBuffer;

/**
 * Counts the excursions of |V| towards 0 V in one half-cycle and remembers the deepest: an excursion starts when |V|
 * falls more than a margin below the reference plateau and ends when it comes back within half that margin
 * (hysteresis, so that noise at the threshold does not count twice). Part of {@link HalfCycleProbe}.
 */
final class ExcursionTracker {
    boolean active;
    long startMs;
    double minAbsV;
    double refV;
    double marginV;
    boolean atOnset;
    int count;
    long firstStartMs;
    long lastEndMs;
    long deepStartMs;
    long deepEndMs;
    double deepDepth;
    double deepMinAbsV;
    boolean deepRecovered;
    boolean deepAtOnset;

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

    void write(final ByteBuffer b) {
        b.put((byte) (active ? 1 : 0)).putInt(count);
        if (active) {
            b.putLong(startMs).putDouble(minAbsV).putDouble(refV).putDouble(marginV).put((byte) (atOnset ? 1 : 0));
        }
        if (count > 0) {
            b.putLong(firstStartMs).putLong(lastEndMs).putLong(deepStartMs).putLong(deepEndMs).putDouble(deepDepth)
                    .putDouble(deepMinAbsV).put((byte) (deepRecovered ? 1 : 0)).put((byte) (deepAtOnset ? 1 : 0));
        }
    }

    void read(final ByteBuffer b) {
        active = b.get() == 1;
        count = b.getInt();
        if (active) {
            startMs = b.getLong();
            minAbsV = b.getDouble();
            refV = b.getDouble();
            marginV = b.getDouble();
            atOnset = b.get() == 1;
        }
        if (count > 0) {
            firstStartMs = b.getLong();
            lastEndMs = b.getLong();
            deepStartMs = b.getLong();
            deepEndMs = b.getLong();
            deepDepth = b.getDouble();
            deepMinAbsV = b.getDouble();
            deepRecovered = b.get() == 1;
            deepAtOnset = b.get() == 1;
        }
    }
}
