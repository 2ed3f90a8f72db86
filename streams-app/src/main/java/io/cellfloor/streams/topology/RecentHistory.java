package io.cellfloor.streams.topology;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the last {@link ChannelViews#LIMIT} records of each channel of a channel-keyed topic in a store, under the key
 * {@code channel + NUL + input offset in hex}: a channel's records sort together, oldest first, and a record read
 * twice (after a crash) lands on the same key. Readers range over {@link ChannelViews#from}..{@link ChannelViews#to}.
 */
final class RecentHistory<V> implements Processor<String, V, Void, Void> {
    private final String storeName;
    /** How many records each channel has in the store; counted from the store the first time a channel is seen. */
    private final Map<String, Integer> counts = new HashMap<>();
    private ProcessorContext<Void, Void> context;
    private KeyValueStore<String, V> store;

    RecentHistory(final String storeName) {
        this.storeName = storeName;
    }

    static String key(final String channel, final long offset) {
        return ChannelViews.from(channel) + String.format("%016x", offset);
    }

    @Override
    public void init(final ProcessorContext<Void, Void> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
    }

    @Override
    public void process(final Record<String, V> record) {
        if (record.key() == null || record.value() == null) {
            return;
        }
        final String channel = record.key();
        final long offset = context.recordMetadata().map(RecordMetadata::offset).orElse(-1L);
        final String key = key(channel, offset);
        final boolean known = store.get(key) != null;
        store.put(key, record.value());
        if (known) {
            return;
        }
        int count = counts.computeIfAbsent(channel, this::count) + 1;
        if (count > ChannelViews.LIMIT) {
            try (KeyValueIterator<String, V> oldest = store.range(ChannelViews.from(channel), ChannelViews.to(channel))) {
                store.delete(oldest.next().key);
            }
            count--;
        }
        counts.put(channel, count);
    }

    /** Counted before this record was put, so the put is not counted twice. */
    private int count(final String channel) {
        int n = -1;
        try (KeyValueIterator<String, V> all = store.range(ChannelViews.from(channel), ChannelViews.to(channel))) {
            while (all.hasNext()) {
                final KeyValue<String, V> next = all.next();
                if (next.value != null) {
                    n++;
                }
            }
        }
        return Math.max(n, 0);
    }
}
