package io.cellfloor.domain;

import java.util.Map;

/**
 * Change-point statistics for shorts that come on gradually (the paper's impedance falls from 154 to 32 ohm over 20
 * cycles): a one-sided CUSUM (Page's cumulative sum) of the fall of the cell's resistance below its early-life level
 * at the same current, and one of the rise of its CE above its early-life CE. Every per-cycle rule compares a cycle
 * with the cell's recent cycles, so a leak that grows a few percent a cycle is learnt as the new normal; this
 * compares with where the cell started and adds up the small departures, so it is found within a few cycles of
 * exceeding the healthy drift ({@link DriftRules} says how few, from the physics of a parallel path).
 *
 * <p>Measures, each as ln(R_reference / R): the plateau |V|/|I| of each half and the DC resistance across the current
 * reversal inside the cycle (with Li on both sides of it; the step into a plating after a rest that followed a strip
 * to its cut-off also carries the collector's open-circuit potential, so it is not a resistance). The cycle's
 * statistic is the smallest fall among the measures it has (at least {@link DriftRules#minMeasures()}): an electronic
 * path in parallel with the electrolyte lowers all of them, so the evidence is only as strong as the measure that
 * fell least, and a confounder that moves one measure (an alloy plateau above 0 V in the plating, a coarse logger's
 * DC resistance) cannot build the sum. References are learnt per current level, as the lowest of the first
 * {@link DriftRules#referenceHalves()} clean halves at that level, and everything starts afresh at a change of current
 * (an interfacial overpotential is not linear in the current, so a resistance at another current is not comparable).
 *
 * <p>The CE sum (points above the early CE at the level, allowance 3 points a cycle) is reported as evidence only:
 * a healthy Li cell's CE can rise for tens of cycles as its interphase settles (bare Cu), and a leak can move CE
 * either way (charge lost in the plating, extra charge to reach the strip's cut-off), so on its own it does not tell
 * a leak from a settling cell.
 *
 * <p>The finding feeds the existing event and stage logic: a cycle whose resistance sum is past the decision level
 * and whose own fall is beyond the allowance carries a cycle-level {@link BreakdownType#VOLTAGE_DROP} (|V| pulled
 * towards 0 V under constant current, not explained by a change of current), whose severity grows with the sum, so
 * that a leak growing cycle after cycle is irrecoverable by the paper's rule; once every measure is below half its
 * early level (the path carries more current than the electrolyte, the anchored test's limit) in a cycle that could
 * be shorted at all, it is a {@link BreakdownType#HARD_SHORT}, ohmic in both halves. This is what finds a gradual
 * short in a symmetric Li/Li cell, whose CE says nothing and whose rests are not watched. Per cycle, O(1); part of
 * {@link DetectionState}.
 */
final class DriftCusum {
    /** The plateau of each direction (index: {@link Direction#ordinal()}) and the DC resistance across the reversal. */
    static final int MEASURES = 3;
    private static final int REVERSAL = 2;
    /** The CE allowance per cycle, in points: the cycle-to-cycle scatter of a Li cell's CE (1-1.5 points), doubled. */
    private static final double CE_ALLOWANCE_PCT = 3.0;
    /** ln 2: every |V|/|I| below half its early level, a path in parallel carries more current than the electrolyte. */
    private static final double HALVED_LOG_OHM = Math.log(2);
    /** A low tail's |V|/|I| is trusted from this many samples, as the hard-short test trusts it. */
    private static final int MIN_LOW_SAMPLES = 3;
    /** The early CE at a level is the mean of its first this-many measured cycles. */
    private static final int CE_REFERENCE_CYCLES = 3;

    private final double[] reference = {Double.NaN, Double.NaN, Double.NaN};
    private final int[] learnt = new int[MEASURES];
    private double levelCurrentA = Double.NaN;
    private double sumLogOhm;
    private double ceReference = Double.NaN;
    private int ceLearnt;
    private double sumCePct;

    /**
     * Folds one closed cycle in and judges it.
     *
     * @param cePercent  the cycle's CE when measured and not the channel's first (interphase), else NaN
     * @param mayBeShort whether the cycle can be a hard short at all: a symmetric cell, or a charge that did not reach
     *                   its cut-off (a shorted cell cannot)
     * @return the drift finding of this cycle, or null
     */
    BreakdownEvent observe(final int cycleNumber, final HalfSummary s1, final HalfSummary s2, final double cePercent,
                           final boolean mayBeShort, final double stepFraction, final DriftRules rules) {
        final double currentA = s1 != null ? s1.currentA() : s2 != null ? s2.currentA() : Double.NaN;
        if (!(currentA > 0)) {
            return null; // no current level to compare at
        }
        if (!(Math.abs(currentA - levelCurrentA) <= stepFraction * levelCurrentA)) {
            restart(currentA); // a new current level: nothing learnt at the old one is comparable
        }
        final double[] values = new double[MEASURES];
        measure(s1, values);
        measure(s2, values);
        values[REVERSAL] = s1 != null && s2 != null && values[s1.direction().ordinal()] > 0
                && values[s2.direction().ordinal()] > 0 ? s2.dcResistanceOhm() : Double.NaN;
        double fall = Double.POSITIVE_INFINITY;
        int judged = 0;
        for (int m = 0; m < MEASURES; m++) {
            if (!(values[m] > 0)) {
                continue;
            }
            final double logOhm = Math.log(values[m]);
            if (learnt[m] < rules.referenceHalves()) {
                reference[m] = learnt[m] == 0 ? logOhm : Math.min(reference[m], logOhm);
                learnt[m]++;
                continue; // still learning: not judged against itself
            }
            fall = Math.min(fall, reference[m] - logOhm);
            judged++;
        }
        final double ceRise = ce(cePercent);
        if (judged < rules.minMeasures()) {
            return null; // too few comparable measures this cycle: the sum stands as it was
        }
        sumLogOhm = Math.min(rules.maxSumLogOhm(), Math.max(0, sumLogOhm + fall - rules.allowanceLogOhm()));
        if (sumLogOhm <= rules.thresholdLogOhm() || fall <= rules.allowanceLogOhm()) {
            return null; // within the healthy drift, or this cycle itself no longer departs
        }
        final boolean shorted = mayBeShort && fall > HALVED_LOG_OHM;
        return new BreakdownEvent(shorted ? BreakdownType.HARD_SHORT : BreakdownType.VOLTAGE_DROP, cycleNumber, null,
                s1 != null ? s1.startMs() : s2.startMs(), s2 != null ? s2.endMs() : s1.endMs(),
                shorted ? 1.0 : Math.min(1.0, sumLogOhm / (2 * rules.thresholdLogOhm())), false, Map.of(
                        "cusumLogOhm", sumLogOhm,
                        "thresholdLogOhm", rules.thresholdLogOhm(),
                        "resistanceFallFraction", 1 - Math.exp(-fall),
                        "measures", (double) judged,
                        "ohmicInBothHalves", shorted ? 1.0 : 0.0,
                        "cusumCePoints", sumCePct,
                        "ceRisePoints", Double.isNaN(ceRise) ? 0.0 : ceRise));
    }

    /** The resistance sum so far (ln units), for tests and reports. */
    double sumLogOhm() {
        return sumLogOhm;
    }

    /** The CE sum so far (points). */
    double sumCePct() {
        return sumCePct;
    }

    private void restart(final double currentA) {
        levelCurrentA = currentA;
        for (int m = 0; m < MEASURES; m++) {
            reference[m] = Double.NaN;
            learnt[m] = 0;
        }
        sumLogOhm = 0;
        ceReference = Double.NaN;
        ceLearnt = 0;
        sumCePct = 0;
    }

    /**
     * A half's plateau |V|/|I|, or where it ended low the |V|/|I| of its low tail (where a leak has taken it); none for
     * a half with excursions (its plateau is then set by what was left between them).
     */
    private static void measure(final HalfSummary half, final double[] values) {
        if (half == null || half.direction() == Direction.REST || half.excursions() > 0 || !(half.currentA() > 0)) {
            return;
        }
        if (half.endedLow()) {
            values[half.direction().ordinal()] = half.lowSamples() >= MIN_LOW_SAMPLES ? half.lowResistanceOhm()
                    : Double.NaN;
            return;
        }
        values[half.direction().ordinal()] = half.plateauV() / half.currentA();
    }

    /** Folds a CE in: the mean of the first few at the level, then the one-sided sum of its rises above that. */
    private double ce(final double cePercent) {
        if (!Double.isFinite(cePercent)) {
            return Double.NaN;
        }
        if (ceLearnt < CE_REFERENCE_CYCLES) {
            ceReference = ceLearnt == 0 ? cePercent : ceReference + (cePercent - ceReference) / (ceLearnt + 1);
            ceLearnt++;
            return Double.NaN;
        }
        final double rise = cePercent - ceReference;
        sumCePct = Math.max(0, sumCePct + rise - CE_ALLOWANCE_PCT);
        return rise;
    }

    /** Nothing but a flag until a current level was seen; a reference only where one is learnt. */
    void fields(final StateFields f) {
        if (!f.flag(levelCurrentA > 0)) {
            return;
        }
        levelCurrentA = f.f64(levelCurrentA);
        for (int m = 0; m < MEASURES; m++) {
            learnt[m] = f.count8(learnt[m]);
            if (learnt[m] > 0) {
                reference[m] = f.f64(reference[m]);
            }
        }
        sumLogOhm = f.f64(sumLogOhm);
        ceLearnt = f.count8(ceLearnt);
        if (ceLearnt > 0) {
            ceReference = f.f64(ceReference);
        }
        sumCePct = f.f64(sumCePct);
    }
}
