package io.cellfloor.domain;

import java.util.Map;

/**
 * One detected soft-breakdown signature.
 *
 * @param halfCycle the half-cycle it was seen in, or null for cycle-level findings (a CE jump)
 * @param severity  0 (barely) to 1 (certain and large), for routing alerts
 * @param recovered whether the signal returned to normal within the half-cycle (drops)
 * @param evidence  the numbers behind the finding, by name with the unit in the name (depthV, cePercent, ...)
 */
public record BreakdownEvent(
        BreakdownType type,
        int cycleNumber,
        Direction halfCycle,
        long startMs,
        long endMs,
        double severity,
        boolean recovered,
        Map<String, Double> evidence) {

    public BreakdownEvent {
        evidence = Map.copyOf(evidence);
    }
}
