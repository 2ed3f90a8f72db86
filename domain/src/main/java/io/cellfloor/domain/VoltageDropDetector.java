package io.cellfloor.domain;

import java.util.Map;

/**
 * Voltage drop (SCIENCE.md): under constant current |V| falls abruptly towards 0 V, not explained by a current step
 * or a step boundary. The {@link HalfCycleProbe} has already left out the onset (rest voltage, nucleation dip),
 * current steps and rises; this decides whether what is left of one half-cycle is a single drop.
 */
final class VoltageDropDetector {
    private VoltageDropDetector() {
    }

    /** The drop in this half-cycle, or null. */
    static BreakdownEvent judge(final int cycleNumber, final HalfSummary half, final VoltageRules rules) {
        if (half == null) {
            return null; // the half is missing (data started or ended mid-cycle)
        }
        if (half.excursions() == 0) {
            return null; // |V| never left its plateau towards 0 V
        }
        if (half.excursions() >= rules.fluctuationMinExcursions()) {
            return null; // repeated excursions: a fluctuation, see FluctuationDetector
        }
        final double depth = half.excDepth();
        final double plateau = half.referenceV();
        return new BreakdownEvent(BreakdownType.VOLTAGE_DROP, cycleNumber, half.direction(), half.excStartMs(),
                half.excEndMs(), Math.min(1.0, depth), half.excRecovered(), Map.of(
                        "depthFraction", depth,
                        "depthV", plateau - half.excMinAbsV(),
                        "plateauV", plateau,
                        "minAbsV", half.excMinAbsV(),
                        "durationS", (half.excEndMs() - half.excStartMs()) / 1000.0,
                        "fromOnset", half.excAtOnset() ? 1.0 : 0.0,
                        "loggingIntervalS", half.loggingIntervalS()));
    }
}
