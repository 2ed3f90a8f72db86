package io.cellfloor.domain;

/**
 * Where a half-cycle's own behaviour begins, read from the signed voltage. A Li plating runs below 0 V and a strip
 * above it; before that the cell may still sit on the other side: the rest voltage decaying, and on coated or
 * alloying collectors (Au, Ag, C, Si) an alloying or intercalation plateau above 0 V that can last many minutes
 * before the voltage crosses 0 V slowly. None of that is the plateau, and none of it can be a drop. So the onset of a
 * Li half lasts until its 0 V crossing (the first sample with the half's own sign); {@link HalfCycleProbe} then waits
 * out the nucleation peak from there. A full cell never changes sign, so its halves are read as |V| from their start.
 *
 * <p>Also keeps the time the half spent on its own side of 0 V (each interval counted with the sample that opens it,
 * as a cycler that logs on change holds its last value): a plating that spends most of its time below 0 V is what
 * tells a Li plating/stripping trace from a commercial cell when no cell test says which it is. Part of
 * {@link HalfCycleProbe}.
 */
final class Onset {
    private boolean signed;
    private double polarity;
    private long crossedMs = HalfCycleProbe.NONE;
    private double ownMs;
    private boolean lastOwn;
    private long lastMs;
    private double peakV;

    /** Starts a half at its first sample; {@code signed}: read V with its sign (Li cells), else |V| (full cells). */
    void open(final boolean signedTrace, final Direction half, final long t, final double v) {
        signed = signedTrace;
        polarity = half == Direction.DISCHARGE ? -1 : 1;
        ownMs = 0;
        lastMs = t;
        lastOwn = own(v);
        crossedMs = !signed || lastOwn ? t : HalfCycleProbe.NONE;
        peakV = crossed() ? level(v) : 0;
    }

    /**
     * Takes the next sample; {@code settled}: the half's plateau is known. Before that, a return to the other side of
     * 0 V (the alloying plateau of a coated collector after the first instant's IR drop) is still onset.
     */
    void update(final long t, final double v, final boolean settled) {
        if (lastOwn) {
            ownMs += t - lastMs;
        }
        lastMs = t;
        lastOwn = own(v);
        if (!lastOwn && !settled) {
            crossedMs = HalfCycleProbe.NONE;
            peakV = 0;
        }
        if (crossedMs == HalfCycleProbe.NONE && lastOwn) {
            crossedMs = t;
        }
        if (crossed()) {
            peakV = Math.max(peakV, level(v));
        }
    }

    /**
     * Whether the half has shown a peak above {@code levelV} since its crossing by more than {@code band}: a
     * nucleation peak (or a dip, read as distance from 0 V) still to recover from. A strip, or a plating without
     * one, has nothing to wait for.
     */
    boolean peakAbove(final double levelV, final double band) {
        return peakV > (1 + band) * levelV;
    }

    /** Whether the half has reached its own side of 0 V. */
    boolean crossed() {
        return crossedMs != HalfCycleProbe.NONE;
    }

    /** When it did, or {@link HalfCycleProbe#NONE}. */
    long crossedMs() {
        return crossedMs;
    }

    /**
     * The voltage as a distance towards 0 V on the half's own side: |V| for a full cell; for a Li cell the signed
     * voltage, and 0 once it has passed through 0 V (a short that overshoots 0 V has fallen all the way).
     */
    double level(final double v) {
        return signed ? Math.max(0.0, polarity * v) : Math.abs(v);
    }

    /** The fraction of the half, by time up to {@code endMs}, spent on its own side of 0 V (1 for a full cell). */
    double ownFraction(final long startMs, final long endMs) {
        if (!signed) {
            return 1.0;
        }
        return endMs > startMs ? Math.min(1.0, ownMs / (endMs - startMs)) : lastOwn ? 1.0 : 0.0;
    }

    private boolean own(final double v) {
        return !signed || polarity * v > 0;
    }

    void fields(final StateFields f) {
        signed = f.flag(signed);
        polarity = f.f64(polarity);
        crossedMs = f.i64(crossedMs);
        ownMs = f.f64(ownMs);
        lastOwn = f.flag(lastOwn);
        lastMs = f.i64(lastMs);
        peakV = f.f64(peakV);
    }
}
