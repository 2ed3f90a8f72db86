package io.cellfloor.streams.replay;

import java.time.Instant;
import java.util.Set;

/**
 * What to replay: batches whose first sample time is in {@code [from, to)}, of the given channels (all when
 * empty), into the topics of {@code suffix}. A replay that starts in the middle of a test starts those channels'
 * cycle state fresh (cycle numbers restart at 1); replay from before a test's first sample to reproduce the live run
 * exactly.
 */
public record ReplayRequest(Instant from, Instant to, Set<String> channels, String suffix) {
    public ReplayRequest {
        channels = Set.copyOf(channels);
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("--from " + from + " must be before --to " + to);
        }
        ReplayTopics.forSuffix(suffix);
    }

    boolean wants(final String channel) {
        return channels.isEmpty() || channels.contains(channel);
    }
}
