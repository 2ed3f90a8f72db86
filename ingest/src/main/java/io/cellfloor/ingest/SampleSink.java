package io.cellfloor.ingest;

import io.cellfloor.domain.Sample;

/** Receives samples from a {@link SampleSource}. */
public interface SampleSink {

    void accept(String channelId, Sample sample);

    /** The test on this channel has ended: nothing more will come for it. */
    void endOfTest(String channelId);
}
