package io.cellfloor.domain;

import java.nio.ByteBuffer;

/**
 * Watches the voltage of the open half-cycle sample by sample, in O(1) time and constant memory with no allocation,
 * and condenses it into a {@link HalfSummary} when the half closes. It lives in {@link CycleState}, so a half that
 * spans many batches is watched as one.
 *
 * <p>How it reads a trace: the first {@link VoltageRules#onsetGuardMs()} are the onset (rest voltage decaying, the
 * nucleation dip); after it, the plateau is the median |V| of decimated samples once three of them agree (a dip still
 * recovering does not), and the reference for drops is the lower of that and the channel's last healthy plateau in this
 * direction at the same current. An excursion is |V| falling below the reference by {@link VoltageRules#excursionDepth()}
 * (and by {@link VoltageRules#noiseSigmas()} noise sigmas), ending when it comes back within half that margin. A change
 * of current within the half is a protocol step: the plateau is learnt again and an excursion in progress is dropped.
 */
final class HalfCycleProbe {
    static final long NONE = Long.MIN_VALUE;
    /** "Never" for decimation clocks: far enough in the past, yet {@code t - LONG_AGO} cannot overflow. */
    private static final long LONG_AGO = Long.MIN_VALUE / 4;
    /** Mean |residual| of white noise over three irregular points, to its standard deviation: sqrt(pi/2) / sqrt 1.5. */
    private static final double RESIDUAL_TO_SIGMA = 1.023;
    /** The noise estimate averages its first residuals exactly, then follows with this weight per residual. */
    private static final int RESIDUAL_MEMORY = 32;
    /** A residual counts at most this multiple of the running mean: one spike cannot inflate the noise. */
    private static final double RESIDUAL_CLIP = 4.0;

    private final StreamingMedian level = new StreamingMedian();

    Direction direction;
    long startMs;
    long lastMs;
    double currentA;
    double previousPlateauV;
    double baselineNoiseV;
    boolean watchNucleation;
    double dcResistanceOhm;

    boolean armed;
    double armA;
    double armB;
    long lastFeedMs;

    double residualMean;
    int residualCount;
    int chain;
    long t1;
    double v1;
    long t2;
    double v2;
    boolean previousEligible;

    final ExcursionTracker excursions = new ExcursionTracker();

    long lowSinceMs;
    double lowResistanceSum;
    int lowCount;

    double minAbsV;
    double maxStepV;
    double sumDtMs;
    double sumDt2Ms;
    long maxDtMs;
    double earlyMaxAbsV;

    /**
     * Starts watching a half-cycle at its first sample.
     *
     * @param previousT time of the sample before (rest or the other half), or {@link #NONE}
     * @param previousPlateauV the channel's last healthy plateau in this direction, or NaN
     * @param previousCurrentA the current it was measured at, or NaN
     */
    void open(final VoltageRules rules, final Direction half, final long t, final double i, final double v,
              final long previousT, final double previousI, final double previousV, final double previousPlateauV,
              final double previousCurrentA, final double baselineNoiseV, final boolean watchNucleation,
              final double deadBandA) {
        clear();
        direction = half;
        startMs = t;
        lastMs = t;
        currentA = Math.abs(i);
        this.previousPlateauV = previousCurrentA > 0
                && Math.abs(currentA - previousCurrentA) <= rules.currentStepFraction() * previousCurrentA
                ? previousPlateauV : Double.NaN;
        this.baselineNoiseV = baselineNoiseV;
        this.watchNucleation = watchNucleation;
        final double di = Math.abs(i - previousI);
        dcResistanceOhm = previousT != NONE && t - previousT <= rules.dcrMaxIntervalMs() && di > deadBandA
                ? Math.abs(v - previousV) / di : Double.NaN;
        trackLow(rules, t, Math.abs(v), currentA);
        watchOnset(rules, t, i, v);
    }

    /** Takes the next sample of the open half; {@code previousT}/{@code previousV} are the sample before it. */
    void update(final VoltageRules rules, final long t, final double i, final double v, final long previousT,
                final double previousV, final boolean gap) {
        final double absV = Math.abs(v);
        final double absI = Math.abs(i);
        final long dt = t - previousT;
        maxDtMs = Math.max(maxDtMs, dt);
        if (gap) {
            chain = 0;
            previousEligible = false;
        } else {
            sumDtMs += dt;
            sumDt2Ms += (double) dt * dt;
        }
        lastMs = t;
        trackLow(rules, t, absV, absI);
        watchOnset(rules, t, i, v);
        if (t - startMs < rules.onsetGuardMs()) {
            return;
        }
        if (Math.abs(absI - currentA) > rules.currentStepFraction() * currentA) {
            step(absI);
            return;
        }
        final boolean firstSettled = Double.isInfinite(minAbsV);
        minAbsV = Math.min(minAbsV, absV);
        final double ref = reference();
        excursions.update(t, absV, ref, Math.max(rules.excursionDepth() * ref, rules.noiseSigmas() * sigma(rules)),
                rules.riseBand(), firstSettled);
        final boolean inBand = !gap && !(absV > (1 + rules.riseBand()) * ref);
        if (inBand && previousEligible) {
            maxStepV = Math.max(maxStepV, Math.abs(v - previousV)); // into and out of excursions too
        }
        previousEligible = inBand;
        final boolean eligible = inBand && !excursions.active;
        residual(t, v, eligible);
        if (eligible && t - lastFeedMs >= rules.decimateMs()) {
            feed(rules, absV, t - startMs >= rules.armAfterMs());
            lastFeedMs = t;
        }
    }

    /** The half ended at its last sample: what it showed. */
    HalfSummary close(final VoltageRules rules) {
        if (excursions.active) {
            excursions.end(lastMs, false);
        }
        final double plateau = armed ? level.median() : Double.NaN;
        final ExcursionTracker x = excursions;
        final boolean any = x.count > 0;
        final boolean low = lowSinceMs != NONE;
        final long span = lastMs - startMs;
        return new HalfSummary(direction, startMs, lastMs, currentA, plateau, reference(), noiseV(rules, 3),
                Double.isInfinite(minAbsV) ? Double.NaN : minAbsV, maxStepV < 0 ? Double.NaN : maxStepV,
                sumDtMs > 0 ? sumDt2Ms / sumDtMs / 1000.0 : Double.NaN, lastMs > startMs ? maxDtMs / 1000.0 : Double.NaN,
                watchNucleation && earlyMaxAbsV > 0 && plateau > 0 ? Math.max(0, earlyMaxAbsV - plateau) : Double.NaN,
                dcResistanceOhm, x.count, any ? x.deepStartMs : 0, any ? x.deepEndMs : 0, any ? x.deepDepth : 0,
                any ? x.deepMinAbsV : Double.NaN, any && x.deepRecovered, any && x.deepAtOnset,
                any ? x.firstStartMs : 0,
                any ? x.lastEndMs : 0,
                !low ? 0 : span == 0 ? 1 : (double) (lastMs - lowSinceMs) / span, low ? lowSinceMs : 0,
                low && lowCount > 0 ? lowResistanceSum / lowCount : Double.NaN, low ? lowCount : 0);
    }

    private double reference() {
        final double own = armed ? level.median() : Double.NaN;
        if (previousPlateauV > 0) {
            return armed ? Math.min(own, previousPlateauV) : previousPlateauV;
        }
        return own;
    }

    private double noiseV(final VoltageRules rules, final int minResiduals) {
        return residualCount < minResiduals ? Double.NaN
                : Math.max(rules.minNoiseV(), RESIDUAL_TO_SIGMA * residualMean);
    }

    /** The channel's noise: its baseline once learnt, else this half's own estimate, else the floor. */
    private double sigma(final VoltageRules rules) {
        if (baselineNoiseV > 0) {
            return baselineNoiseV;
        }
        return residualCount >= 5 ? noiseV(rules, 5) : rules.minNoiseV();
    }

    /** A protocol step of current within the half: relearn the plateau; what it did to V is not a breakdown. */
    private void step(final double absI) {
        currentA = absI;
        armed = false;
        level.reset();
        armA = Double.NaN;
        armB = Double.NaN;
        previousPlateauV = Double.NaN;
        chain = 0;
        previousEligible = false;
        excursions.discard();
    }

    /**
     * The high-frequency residual of the middle of the last three plateau points from the line through its
     * neighbours, folded into a clipped running mean: cheap, robust to a stray spike, and blind to a steady slope.
     */
    private void residual(final long t, final double v, final boolean eligible) {
        if (!eligible || !armed) {
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

    private void trackLow(final VoltageRules rules, final long t, final double absV, final double absI) {
        if (!(previousPlateauV > 0) || absV > rules.hardShortRatio() * previousPlateauV) {
            lowSinceMs = NONE;
            lowResistanceSum = 0;
            lowCount = 0;
            return;
        }
        if (lowSinceMs == NONE) {
            lowSinceMs = t;
        }
        if (absI > 0) {
            lowResistanceSum += absV / absI;
            lowCount++;
        }
    }

    private void watchOnset(final VoltageRules rules, final long t, final double i, final double v) {
        if (watchNucleation && t - startMs <= rules.nucleationWindowMs() && v * i > 0) {
            earlyMaxAbsV = Math.max(earlyMaxAbsV, Math.abs(v));
        }
    }

    private void clear() {
        level.reset();
        residualMean = 0;
        residualCount = 0;
        armed = false;
        armA = Double.NaN;
        armB = Double.NaN;
        lastFeedMs = LONG_AGO;
        chain = 0;
        previousEligible = false;
        excursions.clear();
        lowSinceMs = NONE;
        lowResistanceSum = 0;
        lowCount = 0;
        minAbsV = Double.POSITIVE_INFINITY;
        maxStepV = -1;
        sumDtMs = 0;
        sumDt2Ms = 0;
        maxDtMs = 0;
        earlyMaxAbsV = 0;
    }

    void write(final ByteBuffer b) {
        b.put((byte) direction.ordinal()).putLong(startMs).putLong(lastMs).putDouble(currentA)
                .putDouble(previousPlateauV).putDouble(baselineNoiseV).put((byte) (watchNucleation ? 1 : 0))
                .putDouble(dcResistanceOhm);
        level.write(b);
        b.putDouble(residualMean).putInt(residualCount);
        b.put((byte) (armed ? 1 : 0)).putDouble(armA).putDouble(armB).putLong(lastFeedMs);
        b.put((byte) chain).putLong(t1).putDouble(v1).putLong(t2).putDouble(v2)
                .put((byte) (previousEligible ? 1 : 0));
        excursions.write(b);
        b.putLong(lowSinceMs).putDouble(lowResistanceSum).putInt(lowCount);
        b.putDouble(minAbsV).putDouble(maxStepV).putDouble(sumDtMs).putDouble(sumDt2Ms).putLong(maxDtMs)
                .putDouble(earlyMaxAbsV);
    }

    void read(final ByteBuffer b) {
        direction = Direction.values()[b.get()];
        startMs = b.getLong();
        lastMs = b.getLong();
        currentA = b.getDouble();
        previousPlateauV = b.getDouble();
        baselineNoiseV = b.getDouble();
        watchNucleation = b.get() == 1;
        dcResistanceOhm = b.getDouble();
        level.read(b);
        residualMean = b.getDouble();
        residualCount = b.getInt();
        armed = b.get() == 1;
        armA = b.getDouble();
        armB = b.getDouble();
        lastFeedMs = b.getLong();
        chain = b.get();
        t1 = b.getLong();
        v1 = b.getDouble();
        t2 = b.getLong();
        v2 = b.getDouble();
        previousEligible = b.get() == 1;
        excursions.read(b);
        lowSinceMs = b.getLong();
        lowResistanceSum = b.getDouble();
        lowCount = b.getInt();
        minAbsV = b.getDouble();
        maxStepV = b.getDouble();
        sumDtMs = b.getDouble();
        sumDt2Ms = b.getDouble();
        maxDtMs = b.getLong();
        earlyMaxAbsV = b.getDouble();
    }
}
