package io.cellfloor.bench;

import io.cellfloor.schema.Topics;
import java.util.Properties;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The floor the throughput benchmark holds cellfloor against (issue 16, point 2): the least a stateful exactly-once
 * Kafka Streams app can do with the samples topic. It reads each record as bytes, never decodes the batch, and keeps
 * one cached RocksDB store, {@code trivial-batch-count}, in which it counts the batches of each channel (one get and
 * one put per record), exactly like the detection app's per-batch stores (same key serde, caching on, changelog on).
 * It writes no output topic: with exactly-once every commit still writes the store's changelog and the offsets in a
 * transaction, which is the fixed cost of being stateful and exactly-once; an output record per batch would add a
 * produce the detection app does not pay either (it writes about one record per cycle, hundreds of samples).
 *
 * <p>Run with {@link #properties} derived from the detection app's own properties, so guarantee, commit interval,
 * thread count, state directory and client settings are the full system's; only the application id differs.
 */
final class TrivialExactlyOnce {
    static final String STORE = "trivial-batch-count";
    private static final String SOURCE = "trivial-samples";
    private static final String COUNTER = "trivial-count-batches";

    private TrivialExactlyOnce() {
    }

    /** Counts per channel in {@link #STORE}; {@code records} counts every record processed, for the harness. */
    static Topology topology(final LongAdder records) {
        final Topology topology = new Topology();
        topology.addSource(SOURCE, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), Topics.SAMPLES);
        topology.addProcessor(COUNTER, () -> new CountBatches(records), SOURCE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                Serdes.Long()).withCachingEnabled(), COUNTER);
        return topology;
    }

    /** {@code fullSystem}'s Streams properties with the application id {@code <id>-trivial}. */
    static Properties properties(final Properties fullSystem) {
        final Properties p = new Properties();
        p.putAll(fullSystem);
        p.put(StreamsConfig.APPLICATION_ID_CONFIG,
                fullSystem.getProperty(StreamsConfig.APPLICATION_ID_CONFIG) + "-trivial");
        return p;
    }

    /** One store read and one store put per batch record; nothing forwarded. */
    private static final class CountBatches implements Processor<String, byte[], Void, Void> {
        private final LongAdder records;
        private KeyValueStore<String, Long> store;

        CountBatches(final LongAdder records) {
            this.records = records;
        }

        @Override
        public void init(final ProcessorContext<Void, Void> context) {
            store = context.getStateStore(STORE);
        }

        @Override
        public void process(final Record<String, byte[]> record) {
            final Long seen = store.get(record.key());
            store.put(record.key(), seen == null ? 1L : seen + 1);
            records.increment();
        }
    }
}
