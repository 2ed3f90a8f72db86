package io.cellfloor.sim;

import io.cellfloor.domain.Sample;

/**
 * Receives what a {@link SimulatedFloor} emits on each poll. The simulator's own callback, so that it needs nothing
 * from {@code ingest}; {@code io.cellfloor.ingest.SimulatedSource} hands it on to a station agent's sink.
 */
public interface FloorSink {

    void accept(String channelId, Sample sample);

    /** The channel has run all its cycles: nothing more will come for it. */
    void endOfTest(String channelId);
}
