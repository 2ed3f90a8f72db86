package io.cellfloor.sim;

import io.cellfloor.domain.Direction;
import java.util.Objects;

/**
 * One labelled event the simulator put into a channel's data: the ground truth a detector is scored against.
 *
 * @param cycle the 1-based cycle the event belongs to
 * @param halfCycle the direction of the half-cycle it happened in (REST for events not tied to one)
 * @param startMs first affected simulated time (epoch ms, same clock as the samples)
 * @param endMs last affected simulated time; for a leakage it includes the rest after the strip, whose
 *        open-circuit voltage the leak pulls down
 * @param recovered whether the cell came back to normal behaviour afterwards
 * @param magnitude type-specific size, see {@link EventType}
 */
public record InjectedEvent(
        EventType type,
        int cycle,
        Direction halfCycle,
        long startMs,
        long endMs,
        boolean recovered,
        double magnitude) {

    public InjectedEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(halfCycle, "halfCycle");
        if (endMs < startMs) {
            throw new IllegalArgumentException("event " + type + " in cycle " + cycle + " ends before it starts: "
                    + startMs + " > " + endMs);
        }
    }

    /** Whether the event is a breakdown signature rather than a confounder. */
    public boolean breakdown() {
        return type.breakdown();
    }
}
