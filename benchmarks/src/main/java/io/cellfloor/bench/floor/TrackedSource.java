package io.cellfloor.bench.floor;

import io.cellfloor.domain.Sample;
import io.cellfloor.ingest.ChannelInfo;
import io.cellfloor.ingest.SampleSink;
import io.cellfloor.ingest.SampleSource;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** A source that tells how far the floor has been handed to the agent: samples so far and the newest sample time. */
final class TrackedSource implements SampleSource {
    private final SampleSource inner;
    private final AtomicLong samples = new AtomicLong();
    private volatile long newestMs = Long.MIN_VALUE;

    TrackedSource(final SampleSource inner) {
        this.inner = inner;
    }

    long samples() {
        return samples.get();
    }

    long newestMs() {
        return newestMs;
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
                if (sample.timeMs() > newestMs) {
                    newestMs = sample.timeMs();
                }
                sink.accept(channelId, sample);
            }

            @Override
            public void endOfTest(final String channelId) {
                sink.endOfTest(channelId);
            }
        });
    }
}
