package io.cellfloor.bench.floor;

import io.cellfloor.domain.Sample;
import io.cellfloor.ingest.ChannelInfo;
import io.cellfloor.ingest.SampleSink;
import io.cellfloor.ingest.SampleSource;
import java.io.IOException;
import java.util.Arrays;
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
    private static final int RECENT = 128;
    private final Map<String, Integer> index = new HashMap<>();
    private final long[] newest;
    /** The last {@link #RECENT} sample times per channel, a ring, to find the sample that closed a cycle. */
    private final long[][] recent;
    private final long[] counts;
    private final boolean[] ended;

    TrackedSource(final SampleSource inner) {
        this.inner = inner;
        final List<ChannelInfo> channels = inner.channels();
        this.newest = new long[channels.size()];
        this.recent = new long[channels.size()][RECENT];
        this.counts = new long[channels.size()];
        this.ended = new boolean[channels.size()];
        Arrays.fill(newest, Long.MIN_VALUE);
        for (int k = 0; k < channels.size(); k++) {
            index.put(channels.get(k).channelId(), k);
        }
    }

    long samples() {
        return samples.get();
    }

    /** The newest sample time of the channel furthest behind, among those whose test has not ended. */
    synchronized long newestMs() {
        long min = Long.MAX_VALUE;
        for (int k = 0; k < newest.length; k++) {
            if (!ended[k]) {
                min = Math.min(min, newest[k]);
            }
        }
        return min;
    }

    private synchronized void ended(final String channelId) {
        ended[index.get(channelId)] = true;
    }

    private synchronized void saw(final String channelId, final long timeMs) {
        final int k = index.get(channelId);
        newest[k] = Math.max(newest[k], timeMs);
        counts[k]++;
        recent[k][(int) (counts[k] % RECENT)] = timeMs;
    }

    /**
     * The time of the channel's first sample after {@code timeMs}: for a cycle that ended at {@code timeMs}, the
     * sample that showed it had ended. -1 when unknown (older than the last {@value #RECENT} samples, or none yet).
     */
    synchronized long firstSampleAfter(final String channelId, final long timeMs) {
        final Integer k = index.get(channelId);
        if (k == null) {
            return -1;
        }
        long best = Long.MAX_VALUE;
        long oldest = Long.MAX_VALUE;
        for (final long t : recent[k]) {
            if (t > timeMs && t < best) {
                best = t;
            }
            if (t > 0 && t < oldest) {
                oldest = t;
            }
        }
        return best == Long.MAX_VALUE || oldest > timeMs ? -1 : best;
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
                ended(channelId); // a cell whose test ended (a hard short) logs nothing more
                sink.endOfTest(channelId);
            }
        });
    }
}
