package io.cellfloor.ingest.sim;

import io.cellfloor.ingest.ChannelInfo;
import java.util.Objects;

/** One channel of a simulated floor: what the source announces about it, and how it is simulated. */
public record ChannelPlan(ChannelInfo info, SimulatorConfig config) {
    public ChannelPlan {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(config, "config");
    }
}
