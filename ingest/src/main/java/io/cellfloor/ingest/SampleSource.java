package io.cellfloor.ingest;

import java.io.IOException;
import java.util.List;

/**
 * Where a station agent's samples come from: a simulated floor, a cycler file, a watched directory.
 * The agent calls {@link #poll} in a loop; a source hands over what is available now and returns at once.
 */
public interface SampleSource extends AutoCloseable {

    /** The channels this source reads, with what is known of their cells. */
    List<ChannelInfo> channels();

    /**
     * Hands every sample available now to {@code sink}, in time order per channel.
     *
     * @return false once the source is exhausted and will never produce again
     */
    boolean poll(SampleSink sink) throws IOException;

    @Override
    default void close() throws IOException {
    }
}
