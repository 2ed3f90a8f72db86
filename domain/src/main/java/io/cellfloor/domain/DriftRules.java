package io.cellfloor.domain;

/**
 * Constants of the change-point statistics of {@link DriftCusum}: how large a gradual fall of a Li cell's resistance
 * must be, and for how many cycles, before it counts as a leak. The statistic is in natural-log units of the cell's
 * own early-life resistance at the same current (ln(R_early / R)), so the constants carry across cells whose
 * resistances range from 30 ohm (3 mA/cm2) to 3 kohm (LGPS strips): a leak of resistance R_leak in parallel with the
 * electrolyte's R lowers every |V|/|I| of the cycle to R R_leak / (R + R_leak), a fall of ln(1 + R / R_leak) whatever
 * R is.
 *
 * @param referenceHalves  the reference of each measure is the lowest of its first this-many clean halves at a current
 *                         level (as {@link EarlyReference}): an odd first half (interphase, a long end-of-strip rise)
 *                         cannot set it high, and a leak already there can only make it lower, the test more cautious
 * @param allowanceLogOhm  the CUSUM's allowance per cycle (its drift, k): a fall of up to this much below the early
 *                         level is healthy and adds nothing. 0.105 = ln(1 / 0.9): a Li/SSE interface settling under
 *                         pressure (Li creep closing voids) lowers the overpotential by some percent over the first
 *                         tens of cycles; a leak carrying a tenth of the current (R_leak = 9 R) is at this limit
 * @param thresholdLogOhm  the CUSUM's decision level (h): 0.5. A leak carrying a quarter of the current (R_leak = 3 R,
 *                         a fall of 0.288 per cycle, 0.183 above the allowance) is found on its third cycle, one
 *                         carrying 40 % on its second, and the paper's impedance collapse (154 to 32 ohm over 20
 *                         cycles, 0.079 per cycle more each cycle) on its sixth cycle, at two thirds of its early
 *                         resistance, before it reaches half of it (where the anchored hard-short test begins). One
 *                         odd cycle reading every measure 40 % low (0.51, 0.405 above the allowance) does not reach
 *                         it alone
 * @param maxSumLogOhm     the sum is capped here (four decision levels) so that a cell whose resistance recovers is
 *                         not held in alarm for dozens of cycles by an old fall
 * @param minMeasures      a cycle is judged only on at least this many measures (plateau |V|/|I| of each half, DC
 *                         resistance across the reversal), and on the one that fell least: an electronic path in parallel lowers all of
 *                         them, while an alloy plateau above 0 V lowers the plating plateau alone and a logging change
 *                         the DC resistance alone
 */
public record DriftRules(int referenceHalves, double allowanceLogOhm, double thresholdLogOhm, double maxSumLogOhm,
                         int minMeasures) {

    public static final DriftRules DEFAULTS = new DriftRules(3, 0.105, 0.5, 2.0, 2);

    public DriftRules {
        if (referenceHalves < 1 || referenceHalves > 100 || minMeasures < 1 || minMeasures > DriftCusum.MEASURES) {
            throw new IllegalArgumentException("need 1..100 reference halves and 1.." + DriftCusum.MEASURES
                    + " measures, got " + referenceHalves + " and " + minMeasures);
        }
        if (!(allowanceLogOhm >= 0 && thresholdLogOhm > 0 && maxSumLogOhm >= thresholdLogOhm)) {
            throw new IllegalArgumentException("need allowance >= 0, threshold > 0 and cap >= threshold, got "
                    + allowanceLogOhm + ", " + thresholdLogOhm + " and " + maxSumLogOhm);
        }
    }
}
