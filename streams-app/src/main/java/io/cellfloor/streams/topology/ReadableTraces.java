package io.cellfloor.streams.topology;

/** Read access to the {@code channel-trace} store, for interactive queries. */
public interface ReadableTraces {
    /** The channel's trace, oldest point first, or null when this store has seen no sample of the channel. */
    ChannelTrace.Snapshot trace(String channel);
}
