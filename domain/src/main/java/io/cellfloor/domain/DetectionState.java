package io.cellfloor.domain;

/**
 * What detection remembers about a channel across cycles: its healthy plateaus, noise and rest baselines, the CE
 * history, the stage, the rest being watched and the reservoir protocol's progress. Part of {@link CycleState}, and
 * encoded with it. Baselines are learnt only from cycles with no breakdown signature of their own; the running means
 * are kept here so that how a baseline is learnt is decided in one place.
 */
final class DetectionState {
    /** Last healthy plateau |V| per direction (index: {@link Direction#ordinal()} of CHARGE, DISCHARGE). */
    private final double[] plateauV = {Double.NaN, Double.NaN};
    /** The |I| each of those plateaus was measured at. */
    private final double[] plateauCurrentA = {Double.NaN, Double.NaN};
    private double noiseBaselineV = Double.NaN;
    private int noiseHalves;
    private final CeHistory ce = new CeHistory();
    private int measuredCycles;
    private double lastCycleCurrentA = Double.NaN;
    private CellStage stage = CellStage.STABLE;
    /** One bit per emitted cycle, bit 0 the latest: whether it had a breakdown. */
    private int recent;
    private final RestWatch rest = new RestWatch();
    /** A finished rest waiting for the cycle that reports it. */
    private RestObservation restSeen;
    private double restDecayV = Double.NaN;
    private int restDecays;
    private final AverageCeTracker averageCe = new AverageCeTracker();
    /** The largest severity among the last emitted cycle's breakdowns, 0 when it had none (version 4). */
    private double lastSeverity;
    /** ... and the cycle's before it (version 4). */
    private double beforeLastSeverity;
    /** Whether a plating half has been seen below 0 V: the trace is Li plating/stripping (version 4). */
    private boolean liTrace;
    /** Whether the last cycle looked like a hard short that one cycle alone could not confirm (version 4). */
    private boolean shortCandidate;
    private final EarlyReference early = new EarlyReference();
    /** The gradual-drift sums against the early-life level at the current level (version 5). */
    private final DriftCusum drift = new DriftCusum();

    double plateau(final Direction d) {
        return d == Direction.REST ? Double.NaN : plateauV[d.ordinal()];
    }

    double plateauCurrent(final Direction d) {
        return d == Direction.REST ? Double.NaN : plateauCurrentA[d.ordinal()];
    }

    double noiseBaselineV() {
        return noiseBaselineV;
    }

    CeHistory ce() {
        return ce;
    }

    RestWatch rest() {
        return rest;
    }

    AverageCeTracker averageCe() {
        return averageCe;
    }

    CellStage stage() {
        return stage;
    }

    void stage(final CellStage next) {
        stage = next;
    }

    double restDecayV() {
        return restDecayV;
    }

    double lastCycleCurrentA() {
        return lastCycleCurrentA;
    }

    void lastCycleCurrentA(final double currentA) {
        lastCycleCurrentA = currentA;
    }

    /** Counts a cycle whose CE was measured; returns whether it was the first. */
    boolean countMeasured() {
        return measuredCycles++ == 0;
    }

    /** Shifts the latest cycle into the breakdown history and returns the history. */
    int remember(final boolean own, final boolean late) {
        recent = (recent << 1) | (own ? 1 : 0) | (late ? 2 : 0);
        return recent;
    }

    double lastSeverity() {
        return lastSeverity;
    }

    double beforeLastSeverity() {
        return beforeLastSeverity;
    }

    /** Shifts the severity history: {@code previous} for the cycle before (late events included), then this one's. */
    void severities(final double previous, final double latest) {
        beforeLastSeverity = previous;
        lastSeverity = latest;
    }

    boolean liTrace() {
        return liTrace;
    }

    /** A plating half ran below 0 V: from now on the channel is a Li plating/stripping channel. */
    void sawLiTrace() {
        liTrace = true;
    }

    EarlyReference early() {
        return early;
    }

    DriftCusum drift() {
        return drift;
    }

    boolean shortCandidate() {
        return shortCandidate;
    }

    void shortCandidate(final boolean candidate) {
        shortCandidate = candidate;
    }

    /**
     * The rest being watched is over (current flows again, its cycle closed, or the test ended); a rest after a strip
     * (or a charge), the only one that can show a leak, is kept until the cycle that reports it.
     */
    void endRest() {
        final RestObservation watched = rest.end();
        if (watched != null && watched.after() == Direction.CHARGE) {
            restSeen = watched;
        }
    }

    /** The finished rest due by {@code cycleNumber}, taken out; null when none is. */
    RestObservation takeRestDueBy(final int cycleNumber) {
        final RestObservation due = restSeen;
        if (due == null || due.cycleNumber() > cycleNumber) {
            return null;
        }
        restSeen = null;
        return due;
    }

    void learnPlateau(final Direction d, final double plateau, final double currentA) {
        plateauV[d.ordinal()] = plateau;
        plateauCurrentA[d.ordinal()] = currentA;
    }

    /** Folds a healthy half's noise into the baseline, until {@code halves} have been. */
    void learnNoise(final double noiseV, final int halves) {
        if (noiseHalves < halves) {
            final double mean = noiseHalves == 0 ? 0 : noiseBaselineV;
            noiseHalves++;
            noiseBaselineV = mean + (noiseV - mean) / noiseHalves;
        }
    }

    /** Folds a healthy rest's decay into the baseline, until {@code rests} have been. */
    void learnRestDecay(final double decayV, final int rests) {
        if (restDecays < rests) {
            final double mean = restDecays == 0 ? 0 : restDecayV;
            restDecays++;
            restDecayV = mean + (decayV - mean) / restDecays;
        }
    }

    void fields(final StateFields f) {
        plateauV[0] = f.f64(plateauV[0]);
        plateauV[1] = f.f64(plateauV[1]);
        plateauCurrentA[0] = f.f64(plateauCurrentA[0]);
        plateauCurrentA[1] = f.f64(plateauCurrentA[1]);
        noiseBaselineV = f.f64(noiseBaselineV);
        noiseHalves = f.count8(noiseHalves);
        ce.fields(f);
        measuredCycles = f.i32(measuredCycles);
        lastCycleCurrentA = f.f64(lastCycleCurrentA);
        stage = f.ordinal(stage, CellStage.values());
        recent = f.i32(recent);
        rest.fields(f);
        restSeen = f.present(restSeen) ? f.restObservation(restSeen) : null;
        restDecayV = f.f64(restDecayV);
        restDecays = f.count8(restDecays);
        averageCe.fields(f);
        if (f.version() >= 4) {
            lastSeverity = f.f64(lastSeverity);
            beforeLastSeverity = f.f64(beforeLastSeverity);
            liTrace = f.flag(liTrace);
            shortCandidate = f.flag(shortCandidate);
            early.fields(f);
        }
        if (f.version() >= 6) {
            drift.fields(f);
        }
    }
}
