package io.cellfloor.sim;

import io.cellfloor.domain.Direction;
import java.util.Objects;

/**
 * Ground truth of one simulated cycle: both half-cycles as planned and the CE they give.
 *
 * @param cycle 1-based cycle number
 * @param first the half-cycle that opens the cycle (plating/discharge for Li cells, charge for full cells)
 * @param second the half-cycle that closes it
 * @param cePct second / first capacity x 100, i.e. stripped / plated for Li cells and discharge / charge for full
 *        cells, computed from the exact capacities
 */
public record TruthCycle(int cycle, TruthHalfCycle first, TruthHalfCycle second, double cePct) {

    public TruthCycle {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
    }

    static TruthCycle of(final int cycle, final TruthHalfCycle first, final TruthHalfCycle second) {
        // same set current: the ratio of integer durations is exact, so a symmetric cell gives 100.0
        final double ce = Math.abs(first.currentA()) == Math.abs(second.currentA())
                ? 100.0 * second.durationMs() / first.durationMs()
                : 100.0 * second.capacityAh() / first.capacityAh();
        return new TruthCycle(cycle, first, second, ce);
    }

    /** The charge half-cycle (stripping in a Li/CC cell). */
    public TruthHalfCycle charge() {
        return first.direction() == Direction.CHARGE ? first : second;
    }

    /** The discharge half-cycle (plating in a Li/CC cell). */
    public TruthHalfCycle discharge() {
        return first.direction() == Direction.DISCHARGE ? first : second;
    }

    public double chargeAh() {
        return charge().capacityAh();
    }

    public double dischargeAh() {
        return discharge().capacityAh();
    }
}
