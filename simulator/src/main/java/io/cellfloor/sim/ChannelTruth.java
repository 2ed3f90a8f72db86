package io.cellfloor.sim;

import io.cellfloor.domain.CellSpec;
import java.util.List;

/**
 * The ground truth of one simulated channel so far: cycles planned, events injected, and how it was logged (so a
 * test can tell "not detected" from "could not have been seen").
 */
public record ChannelTruth(String channelId, CellSpec spec, SamplingConfig sampling, List<TruthCycle> cycles,
        List<InjectedEvent> events) {
    public ChannelTruth {
        cycles = List.copyOf(cycles);
        events = List.copyOf(events);
    }

    /** The first cycle with a breakdown event, or -1 when the channel is healthy. */
    public int firstBreakdownCycle() {
        return events.stream().filter(InjectedEvent::breakdown).mapToInt(InjectedEvent::cycle).min().orElse(-1);
    }
}
