package io.cellfloor.streams.topology;

import java.util.List;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.internals.StateStoreProvider;

/**
 * Makes {@link TraceStore} queryable through {@code KafkaStreams.store(...)}: the answer looks the channel up in
 * every local instance of the store the query selected (one per task, or the one partition asked for).
 */
public final class TraceStoreType implements QueryableStoreType<ReadableTraces> {
    @Override
    public boolean accepts(final StateStore store) {
        return store instanceof TraceStore;
    }

    @Override
    public ReadableTraces create(final StateStoreProvider provider, final String storeName) {
        return channel -> {
            final List<ReadableTraces> stores = provider.stores(storeName, this);
            for (final ReadableTraces s : stores) {
                final ChannelTrace.Snapshot found = s.trace(channel);
                if (found != null) {
                    return found;
                }
            }
            return null;
        };
    }
}
