package io.cellfloor.ingest.agent;

/**
 * How the agent batches: a channel's batch goes out when it holds {@code maxSamples} or when its first sample
 * has waited {@code maxDelayMs} (wall time); the live {@link StationAgent} also sends it, at once, with a sample that
 * opens a new step, since that sample closes a half-cycle downstream. Small batches cost per-record overhead at floor
 * scale; large ones delay the cycles downstream.
 */
public record AgentSettings(int maxSamples, long maxDelayMs) {
    public static final AgentSettings DEFAULTS = new AgentSettings(500, 1000);

    public AgentSettings {
        if (maxSamples < 1 || maxDelayMs < 0) {
            throw new IllegalArgumentException("batches need maxSamples >= 1 and maxDelayMs >= 0, got "
                    + maxSamples + " and " + maxDelayMs);
        }
    }
}
