package io.cellfloor.ingest;

import io.cellfloor.domain.CellSpec;
import java.util.Objects;

/**
 * One cycler channel as a source sees it.
 *
 * @param cell what is known of the cell, or null when the source cannot tell (the topology then uses defaults)
 */
public record ChannelInfo(String stationId, String channelId, String testId, CellSpec cell) {
    public ChannelInfo {
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(testId, "testId");
    }
}
