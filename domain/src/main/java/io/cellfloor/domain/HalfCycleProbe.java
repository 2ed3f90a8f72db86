package io.cellfloor.domain;

/**
 * Watches the voltage of the open half-cycle sample by sample, in O(1) time and constant memory with no allocation,
 * and condenses it into a {@link HalfSummary} when the half closes. It lives in {@link CycleState}, so a half that
 * spans many batches is watched as one.
 *
 * <p>How it reads a trace: the onset lasts until the half's 0 V crossing ({@link Onset}: an alloying plateau above 0 V
 * on a coated collector is onset, not plateau) and {@link VoltageRules#onsetGuardMs()} after it (the nucleation peak);
 * after it, the plateau is the time-weighted median of the voltage's distance from 0 V (each sample weighted by the
 * time it stands for, so that a cycler logging on change cannot outvote a long flat plateau with the dense points of
 * its end-of-strip rise), trusted once three decimation slots agree (a dip still recovering does not). The reference
 * for drops is the lower of that and the channel's last healthy plateau in this direction at the same current. An
 * excursion is |V| falling below the reference by {@link VoltageRules#excursionDepth()} (and by
 * {@link VoltageRules#noiseSigmas()} noise sigmas), ending when it comes back within half that margin; only a half
 * that has been at its reference can fall from it (one that starts lower has a different level, not a drop). The
 * approach to the cut-off, more than {@link VoltageRules#riseBand()} above the reference, is left out. A change of
 * current within the half is a protocol step: the plateau is learnt again and an excursion in progress is dropped.
 *
 * <p>Plateau ({@link PlateauLevel}), noise ({@link ResidualNoise}), excursions ({@link ExcursionTracker}), low tail
 * ({@link LowTail}) and onset ({@link Onset}) are parts of their own; this feeds them and keeps extremes and logging.
 */
final class HalfCycleProbe {
    static final long NONE = Long.MIN_VALUE;

    private final PlateauLevel plateau = new PlateauLevel();
    private final ResidualNoise noise = new ResidualNoise();
    private final ExcursionTracker excursions = new ExcursionTracker();
    private final LowTail low = new LowTail();
    private final Onset onset = new Onset();

    private Direction direction;
    private long startMs;
    private long lastMs;
    private double currentA;
    private double previousPlateauV;
    private double baselineNoiseV;
    private boolean watchNucleation;
    private double dcResistanceOhm;
    private boolean previousEligible;
    private double minAbsV;
    private double maxStepV;
    private double sumDtMs;
    private double sumDt2Ms;
    private long maxDtMs;
    private double earlyMaxAbsV;
    private boolean atLevel; // a settled sample has been at the reference level: only then can |V| fall from it

    /**
     * Starts watching a half-cycle at its first sample (read as |V|: a full cell, or a state restored from version 1).
     * @param previousT time of the sample before (rest or the other half), or {@link #NONE}
     * @param previousPlateauV the channel's last healthy plateau in this direction, or NaN
     * @param previousCurrentA the current it was measured at, or NaN
     */
    void open(final VoltageRules rules, final Direction half, final long t, final double i, final double v,
              final long previousT, final double previousI, final double previousV, final double previousPlateauV,
              final double previousCurrentA, final double baselineNoiseV, final boolean watchNucleation,
              final double deadBandA) {
        open(rules, half, t, i, v, previousT, previousI, previousV, previousPlateauV, previousCurrentA,
                baselineNoiseV, watchNucleation, deadBandA, false);
    }

    /** As above; {@code signed}: a Li cell (or an unknown one), whose voltage is read with its sign. */
    void open(final VoltageRules rules, final Direction half, final long t, final double i, final double v,
              final long previousT, final double previousI, final double previousV, final double previousPlateauV,
              final double previousCurrentA, final double baselineNoiseV, final boolean watchNucleation,
              final double deadBandA, final boolean signed) {
        clear();
        onset.open(signed, half, t, v);
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
        low.track(rules, t, Math.abs(v), currentA, this.previousPlateauV);
        watchOnset(rules, t, i, v);
        markLevel(rules, onset.crossed() ? onset.level(v) : Double.NaN); // on change: maybe the only point for long
    }

    /** Notes whether {@code absV} is at the reference level (NaN: not); returns the excursion margin below it. */
    private double markLevel(final VoltageRules rules, final double absV) {
        final double ref = reference();
        final double margin = Math.max(rules.excursionDepth() * ref, rules.noiseSigmas() * sigma(rules));
        atLevel = atLevel || ref > 0 && absV >= ref - 0.5 * margin;
        return margin;
    }

    /** Takes the next sample of the open half; {@code previousT}/{@code previousV} are the sample before it. */
    void update(final VoltageRules rules, final long t, final double i, final double v, final long previousT,
                final double previousV, final boolean gap) {
        final double absI = Math.abs(i);
        final long dt = t - previousT;
        maxDtMs = Math.max(maxDtMs, dt);
        if (gap) {
            noise.breakChain();
            previousEligible = false;
        } else {
            sumDtMs += dt;
            sumDt2Ms += (double) dt * dt;
        }
        lastMs = t;
        low.track(rules, t, Math.abs(v), absI, previousPlateauV);
        watchOnset(rules, t, i, v);
        onset.update(t, v, plateau.armed());
        if (!onset.crossed()) { // (again) on the other side of 0 V before the plateau settled: still the onset
            atLevel = false;
            excursions.discard();
            return;
        }
        final double absV = onset.level(v);
        final double ref = reference();
        final double margin = markLevel(rules, absV);
        final long settledFrom = onset.crossedMs() + rules.onsetGuardMs();
        if (t < settledFrom) {
            return;
        }
        if (Math.abs(absI - currentA) > rules.currentStepFraction() * currentA) {
            step(absI);
            return;
        }
        final boolean firstSettled = Double.isInfinite(minAbsV);
        minAbsV = Math.min(minAbsV, absV);
        if (atLevel || excursions.active()) {
            excursions.update(t, absV, ref, margin, rules.riseBand(), firstSettled);
        }
        final boolean nearPlateau = !(absV > (1 + rules.riseBand()) * ref);
        final boolean inBand = !gap && nearPlateau;
        if (inBand && previousEligible) {
            maxStepV = Math.max(maxStepV, Math.abs(v - previousV)); // into and out of excursions too
        }
        previousEligible = inBand;
        noise.update(t, v, inBand && !excursions.active() && plateau.armed());
        if (nearPlateau && !excursions.active()) {
            // a long interval without a point stands for that much time of a voltage that did not move
            plateau.offer(rules, t, t - Math.max(previousT, settledFrom), absV,
                    t - onset.crossedMs() >= rules.armAfterMs() || !onset.peakAbove(absV, rules.armingBand()));
            atLevel = atLevel || plateau.armed(); // the samples that armed it were at the level
        }
    }

    /** The half ended at its last sample: what it showed. */
    HalfSummary close(final VoltageRules rules) {
        if (excursions.active()) {
            excursions.end(lastMs, false);
        }
        final double plateauV = plateau.plateauV();
        final ExcursionTracker x = excursions;
        final boolean any = x.count() > 0;
        final boolean isLow = low.low();
        final long span = lastMs - startMs;
        return new HalfSummary(direction, startMs, lastMs, currentA, plateauV, reference(), noise.noiseV(rules, 3),
                Double.isInfinite(minAbsV) ? Double.NaN : minAbsV, maxStepV < 0 ? Double.NaN : maxStepV,
                sumDtMs > 0 ? sumDt2Ms / sumDtMs / 1000.0 : Double.NaN,
                lastMs > startMs ? maxDtMs / 1000.0 : Double.NaN,
                watchNucleation && earlyMaxAbsV > 0 && plateauV > 0 ? Math.max(0, earlyMaxAbsV - plateauV) : Double.NaN,
                dcResistanceOhm, x.count(), any ? x.deepStartMs() : 0, any ? x.deepEndMs() : 0,
                any ? x.deepDepth() : 0, any ? x.deepMinAbsV() : Double.NaN, any && x.deepRecovered(),
                any && x.deepAtOnset(), any ? x.firstStartMs() : 0, any ? x.lastEndMs() : 0,
                !isLow ? 0 : span == 0 ? 1 : (double) (lastMs - low.sinceMs()) / span, isLow ? low.sinceMs() : 0,
                isLow ? low.meanResistanceOhm() : Double.NaN, isLow ? low.samples() : 0,
                onset.ownFraction(startMs, lastMs));
    }

    private double reference() {
        final double own = plateau.plateauV();
        if (previousPlateauV > 0) {
            return plateau.armed() ? Math.min(own, previousPlateauV) : previousPlateauV;
        }
        return own;
    }

    /** The channel's noise: its baseline once learnt, else this half's own estimate, else the floor. */
    private double sigma(final VoltageRules rules) {
        if (baselineNoiseV > 0) {
            return baselineNoiseV;
        }
        return noise.residuals() >= 5 ? noise.noiseV(rules, 5) : rules.minNoiseV();
    }

    /** A protocol step of current within the half: relearn the plateau; what it did to V is not a breakdown. */
    private void step(final double absI) {
        currentA = absI;
        plateau.relearn();
        previousPlateauV = Double.NaN;
        atLevel = false;
        noise.breakChain();
        previousEligible = false;
        excursions.discard();
    }

    private void watchOnset(final VoltageRules rules, final long t, final double i, final double v) {
        if (watchNucleation && t - startMs <= rules.nucleationWindowMs() && v * i > 0) {
            earlyMaxAbsV = Math.max(earlyMaxAbsV, Math.abs(v));
        }
    }

    private void clear() {
        plateau.clear();
        noise.clear();
        previousEligible = false;
        excursions.clear();
        low.clear();
        minAbsV = Double.POSITIVE_INFINITY;
        maxStepV = -1;
        sumDtMs = 0;
        sumDt2Ms = 0;
        maxDtMs = 0;
        earlyMaxAbsV = 0;
        atLevel = false;
    }

    /**
     * The open half's whole watch. The version-2 layout interleaves the parts (median, noise mean, arming, noise
     * chain), which is why the plateau and the noise each declare theirs in two methods.
     */
    void fields(final StateFields f) {
        direction = f.ordinal(direction, Direction.values());
        startMs = f.i64(startMs);
        lastMs = f.i64(lastMs);
        currentA = f.f64(currentA);
        previousPlateauV = f.f64(previousPlateauV);
        baselineNoiseV = f.f64(baselineNoiseV);
        watchNucleation = f.flag(watchNucleation);
        dcResistanceOhm = f.f64(dcResistanceOhm);
        plateau.levelFields(f);
        noise.meanFields(f);
        plateau.armingFields(f);
        noise.chainFields(f);
        previousEligible = f.flag(previousEligible);
        excursions.fields(f);
        low.fields(f);
        minAbsV = f.f64(minAbsV);
        maxStepV = f.f64(maxStepV);
        sumDtMs = f.f64(sumDtMs);
        sumDt2Ms = f.f64(sumDt2Ms);
        maxDtMs = f.i64(maxDtMs);
        earlyMaxAbsV = f.f64(earlyMaxAbsV);
        if (f.version() >= 4) {
            onset.fields(f);
            atLevel = f.flag(atLevel);
        }
    }
}
