package io.cellfloor.sim;

import io.cellfloor.domain.Direction;
import io.cellfloor.domain.EndReason;
import java.util.Objects;

/**
 * The exact plan of one simulated half-cycle. The capacity is the set current times the step duration, which is
 * what a trapezoidal coulomb count of the emitted samples must reproduce (the samples include the step's first and
 * last instant).
 *
 * @param direction CHARGE (positive current; stripping in a Li/CC cell) or DISCHARGE (plating)
 * @param startMs time of the step's first sample (epoch ms)
 * @param endMs time of the step's last sample (epoch ms)
 * @param currentA the set current, signed (positive = charge)
 * @param capacityAh |currentA| x (endMs - startMs)
 * @param endReason CUTOFF when the voltage reached the step's cut-off; CAPACITY for a half planned as the nominal
 *        capacity (Li plating, Li/Li halves: duration = capacity / current, so time and capacity coincide); TIME when
 *        a strip or charge hit its safety time limit without reaching the cut-off
 */
public record TruthHalfCycle(
        Direction direction,
        long startMs,
        long endMs,
        double currentA,
        double capacityAh,
        EndReason endReason) {

    public TruthHalfCycle {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(endReason, "endReason");
    }

    static TruthHalfCycle of(final Direction direction, final long startMs, final long durationMs,
            final double currentA, final EndReason endReason) {
        return new TruthHalfCycle(direction, startMs, startMs + durationMs, currentA,
                Math.abs(currentA) * durationMs / Units.MS_PER_HOUR, endReason);
    }

    public long durationMs() {
        return endMs - startMs;
    }

    public double capacityMAh() {
        return capacityAh * 1000.0;
    }
}
