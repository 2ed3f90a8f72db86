package io.cellfloor.ingest;

import io.cellfloor.domain.Sample;
import io.cellfloor.sim.FloorSink;
import io.cellfloor.sim.SimulatedFloor;
import java.util.List;

/**
 * A {@link SampleSource} over a {@link SimulatedFloor}: what lets a station agent publish a simulated floor (the demo,
 * {@code agent --source simulator}, the end-to-end tests and the benchmarks). The simulator lives in a module of its
 * own that knows nothing of ingest, so this adapter is the one place where its channels become {@link ChannelInfo}s
 * and its callbacks a {@link SampleSink}'s. Keep the floor to read its ground truth.
 */
public final class SimulatedSource implements SampleSource {
    private final SimulatedFloor floor;
    private final List<ChannelInfo> channels;

    public SimulatedSource(final SimulatedFloor floor) {
        this.floor = floor;
        this.channels = floor.channels().stream()
                .map(c -> new ChannelInfo(c.stationId(), c.channelId(), c.testId(), c.cell()))
                .toList();
    }

    @Override
    public List<ChannelInfo> channels() {
        return channels;
    }

    @Override
    public boolean poll(final SampleSink sink) {
        return floor.poll(new FloorSink() {
            @Override
            public void accept(final String channelId, final Sample sample) {
                sink.accept(channelId, sample);
            }

            @Override
            public void endOfTest(final String channelId) {
                sink.endOfTest(channelId);
            }
        });
    }
}
