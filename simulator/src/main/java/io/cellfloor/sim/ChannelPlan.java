package io.cellfloor.sim;

import java.util.Objects;

/** One channel of a simulated floor: what the source announces about it, and how it is simulated. */
public record ChannelPlan(SimulatedChannel info, SimulatorConfig config) {
    public ChannelPlan {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(config, "config");
    }
}
