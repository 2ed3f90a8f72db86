package io.cellfloor.sim;

import io.cellfloor.domain.CellSpec;
import java.util.Objects;

/**
 * Who a simulated channel says it is: the station, channel and test ids a source announces, and its cell. Kept here
 * rather than borrowed from {@code ingest} so that the simulator depends on the domain alone and the tests of any
 * module, {@code ingest}'s included, can run a simulated floor.
 *
 * @param cell the simulated cell, the same spec the channel's {@link SimulatorConfig} runs
 */
public record SimulatedChannel(String stationId, String channelId, String testId, CellSpec cell) {
    public SimulatedChannel {
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(testId, "testId");
        Objects.requireNonNull(cell, "cell");
    }
}
