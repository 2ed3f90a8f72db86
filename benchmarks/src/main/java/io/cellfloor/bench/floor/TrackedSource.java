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
 * A source that tells how far the floor has been handed to the agent: samples so far, and whether it has caught up
 * with the wall clock. A poll hands over at most {@code maxPerPoll} samples, channel after channel, so during a
 * backlog some channels are at the wall clock while others are an hour behind; the first poll that hands over fewer
 * has handed over everything due. (The newest sample of the channel furthest behind cannot tell: a channel in one of
 * the floor's logging gaps, or whose test ended, logs nothing for many minutes.)
 */
final class TrackedSource implements SampleSource {
    private final SampleSource inner;
    private final AtomicLong samples = new AtomicLong();
    private static final int RECENT = 128;
    private final Map<String, Integer> index = new HashMap<>();
    /** The last {@link #RECENT} sample times per channel, a ring, to find the sample that closed a cycle. */
    private final long[][] recent;
    private final long[] counts;
    private final int maxPerPoll;
    private volatile boolean caughtUp;

    TrackedSource(final SampleSource inner, final int maxPerPoll) {
        this.inner = inner;
        this.maxPerPoll = maxPerPoll;
        final List<ChannelInfo> channels = inner.channels();
        this.recent = new long[channels.size()][RECENT];
        this.counts = new long[channels.size()];
        for (int k = 0; k < channels.size(); k++) {
            index.put(channels.get(k).channelId(), k);
        }
    }

    long samples() {
        return samples.get();
    }

    /** Whether a poll has handed over every sample due by the wall clock. */
    boolean caughtUp() {
        return caughtUp;
    }

    private synchronized void saw(final String channelId, final long timeMs) {
        final int k = index.get(channelId);
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
        final long before = samples.get();
        final boolean more = inner.poll(new SampleSink() {
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
        caughtUp |= samples.get() - before < maxPerPoll;
        return more;
    }
}
