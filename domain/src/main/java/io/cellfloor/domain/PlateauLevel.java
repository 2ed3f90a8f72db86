package io.cellfloor.domain;

/**
 * The plateau |V| of a half-cycle as {@link HalfCycleProbe} learns it: decimated samples are offered one by one, and
 * once three in a row agree within the arming band (and are not falling, as a nucleation dip still recovering is)
 * they arm it; from then on their running median is the plateau.
 */
final class PlateauLevel {
    /** "Never" for the decimation clock: far enough in the past, yet {@code t - LONG_AGO} cannot overflow. */
    private static final long LONG_AGO = Long.MIN_VALUE / 4;
    /** The most slots one point may stand for: an hour at the default 20 s decimation. */
    private static final long MAX_SLOTS = 180;

    private final StreamingMedian level = new StreamingMedian();
    private boolean armed;
    private double armA;
    private double armB;
    private long lastFeedMs;

    void clear() {
        relearn();
        lastFeedMs = LONG_AGO;
    }

    /** Forgets the plateau (a step of current): it is learnt again from the next samples. */
    void relearn() {
        armed = false;
        level.reset();
        armA = Double.NaN;
        armB = Double.NaN;
    }

    boolean armed() {
        return armed;
    }

    /** The plateau, or NaN while not armed. */
    double plateauV() {
        return armed ? level.median() : Double.NaN;
    }

    /**
     * Offers a settled sample standing for the {@code spanMs} before it: one value per
     * {@link VoltageRules#decimateMs()} of data, so that the median is over time, not over logged points. A point
     * after a long silence (a cycler logging on change, on a flat plateau) counts for the slots it covers, at most
     * {@link #MAX_SLOTS}; dense points count once per slot.
     */
    void offer(final VoltageRules rules, final long t, final long spanMs, final double absV, final boolean mayArm) {
        if (t - lastFeedMs < rules.decimateMs()) {
            return;
        }
        final long slots = Math.max(1, Math.min(MAX_SLOTS, spanMs / rules.decimateMs()));
        for (long k = 0; k < slots; k++) {
            feed(rules, absV, mayArm);
        }
        lastFeedMs = t;
    }

    private void feed(final VoltageRules rules, final double absV, final boolean mayArm) {
        if (armed) {
            level.add(absV);
            return;
        }
        if (mayArm && armA > 0 && armB > 0) {
            final double hi = Math.max(absV, Math.max(armA, armB));
            final double lo = Math.min(absV, Math.min(armA, armB));
            final boolean falling = armA - absV > 0.5 * rules.armingBand() * absV;
            if (hi <= (1 + rules.armingBand()) * lo && !falling) {
                armed = true;
                level.add(armA);
                level.add(armB);
                level.add(absV);
                return;
            }
        }
        armA = armB;
        armB = absV;
    }

    /** The running median; see {@link HalfCycleProbe#fields} for why the layout is in two parts. */
    void levelFields(final StateFields f) {
        level.fields(f);
    }

    void armingFields(final StateFields f) {
        armed = f.flag(armed);
        armA = f.f64(armA);
        armB = f.f64(armB);
        lastFeedMs = f.i64(lastFeedMs);
    }
}
