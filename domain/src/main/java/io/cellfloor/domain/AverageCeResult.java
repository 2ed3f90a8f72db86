package io.cellfloor.domain;

/**
 * The outcome of the reservoir protocol (paper eq. 2): CE_avg = (n Q_C + Q_S) / (n Q_C + Q_T) x 100 %, from the
 * measured capacities of each phase. Carried by the cycle whose strip ended the protocol.
 *
 * @param determinable false when the data cannot give the number; {@code reason} says why
 * @param cePercent    the average CE, NaN when not determinable; above 100 % indicates a soft breakdown
 * @param reason       in words: how the protocol went, or why it could not be evaluated
 * @param reservoirMAh Q_T as plated
 * @param cycledMAh    n Q_C as plated (the sum over the n cycles)
 * @param cycles       n, the Q_C cycles completed
 * @param finalStripMAh Q_S
 */
public record AverageCeResult(boolean determinable, double cePercent, String reason, double reservoirMAh,
                              double cycledMAh, int cycles, double finalStripMAh) {
}
