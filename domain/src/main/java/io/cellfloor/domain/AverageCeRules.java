package io.cellfloor.domain;

/**
 * How the reservoir protocol's phases are recognised in the data (paper eq. 2, {@link AverageCeProtocol}).
 *
 * @param capacityTolerance a half-cycle within this fraction of Q_T or Q_C is that phase (cyclers stop on capacity to
 *                          well under 1 %; 5 % leaves room for coulomb counting over irregular logging)
 * @param minFinalFraction  a final strip below this fraction of Q_T has too little Li to measure: what it recovers is
 *                          within the error of the end-of-strip rise (the paper cannot determine LGPS for this reason)
 * @param allowancePct      an average CE is above 100 % only by more than this many points: eq. 2 divides two sums of
 *                          coulomb counts taken over irregular logging, each good to a few tenths of a percent (the
 *                          trapezoid across a current step, points logged on change); 0.5 points is about twice that
 */
public record AverageCeRules(double capacityTolerance, double minFinalFraction, double allowancePct) {

    public static final AverageCeRules DEFAULTS = new AverageCeRules(0.05, 0.02, 0.5);
}
