package io.cellfloor.domain;

/**
 * How the reservoir protocol's phases are recognised in the data (paper eq. 2, {@link AverageCeProtocol}).
 *
 * @param capacityTolerance a half-cycle within this fraction of Q_T or Q_C is that phase (cyclers stop on capacity to
 *                          well under 1 %; 5 % leaves room for coulomb counting over irregular logging)
 * @param minFinalFraction  a final strip below this fraction of Q_T has too little Li to measure: what it recovers is
 *                          within the error of the end-of-strip rise (the paper cannot determine LGPS for this reason)
 */
public record AverageCeRules(double capacityTolerance, double minFinalFraction) {

    public static final AverageCeRules DEFAULTS = new AverageCeRules(0.05, 0.02);
}
