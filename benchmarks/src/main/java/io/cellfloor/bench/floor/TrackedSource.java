package io.cellfloor.bench.floor;

import io.cellfloor.domain.Sample;
import io.cellfloor.ingest.ChannelInfo;
import io.cellfloor.ingest.SampleSink;
import io.cellfloor.ingest.SampleSource;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A source that tells how far the floor has been handed to the agent: samples so far, and the time of the newest
 * sample of the channel that is furthest behind (a poll hands over a bounded number of samples, channel after
 * channel, so during a backlog some channels are at the wall clock while others still are an hour behind).
 */
final class TrackedSource implements SampleSource {
    private final SampleSource inner;
    private final AtomicLong samples = new AtomicLong();
    private final Map<String, Integer> index = new HashMap<>();
    private final long[] newest;

    TrackedSource(final SampleSource inner) {
        this.inner = inner;
        final List<ChannelInfo> channels = inner.channels();
        this.newest = new long[channels.size()];
        java.util.Arrays.fill(newest, Long.MIN_VALUE);
        for (int k = 0; k < channels.size(); k++) {
            index.put(channels.get(k).channelId(), k);
        }
    }

    long samples() {
        return samples.get();
    }

    /** The newest sample time of the channel furthest behind. */
    synchronized long newestMs() {
        long min = Long.MAX_VALUE;
        for (final long t : newest) {
            min = Math.min(min, t);
        }
        return min;
    }

    private synchronized void saw(final String channelId, final long timeMs) {
        final int k = index.get(channelId);
        newest[k] = Math.max(newest[k], timeMs);
    }

    List<String> channelIds() {
        return inner.channels().stream().map(ChannelInfo::channelId).toList();
    }

    @Override
    public List<ChannelInfo> channels() {
        return inner.channels();
    }

    @Override
    public boolean poll(final SampleSink sink) throws IOException {
        return inner.poll(new SampleSink() {
            @Override
            public void accept(final String channelId, final Sample sample) {
                samples.incrementAndGet();
                saw(channelId, sample.timeMs());
                sink.accept(channelId, sample);
            }

            @Override
            public void endOfTest(final String channelId) {
                sink.endOfTest(channelId);
            }
        });
    }
}
