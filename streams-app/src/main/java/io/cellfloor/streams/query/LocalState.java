package io.cellfloor.streams.query;

import io.cellfloor.avro.BreakdownEvent;
import io.cellfloor.avro.CellTest;
import io.cellfloor.avro.ChannelStatus;
import io.cellfloor.avro.CohortStats;
import io.cellfloor.schema.Topics;
import io.cellfloor.streams.topology.CellfloorTopology;
import io.cellfloor.streams.topology.ChannelTrace;
import io.cellfloor.streams.topology.ChannelViews;
import io.cellfloor.streams.topology.ReadableTraces;
import io.cellfloor.streams.topology.TraceStoreType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Answers from this instance's own stores. {@code partition} null means every local partition; {@code stale}
 * admits standby and restoring stores. A store that is not there (not this instance's, or moving) throws Kafka's
 * {@code InvalidStateStoreException}, which the caller turns into another try or a 503.
 */
final class LocalState {
    /** The cohort-stats store of the floor aggregations (a DSL KTable). */
    static final String COHORT_STORE = "cohort-stats";
    /** The floor aggregations' windowed counts of breakdown events per station. */
    static final String HOURLY_STORE = "station-events-hourly";
    static final String DAILY_STORE = "station-events-daily";

    private final QueryableApps apps;
    private final QueryCodecs codecs;
    private final String self;

    LocalState(final QueryableApps apps, final QueryCodecs codecs, final String self) {
        this.apps = apps;
        this.codecs = codecs;
        this.self = self;
    }

    /** The channel's status and cell test, or null when neither is known here. */
    Map<String, Object> channel(final String id, final Integer partition, final boolean stale) {
        final ChannelStatus status = this.<ChannelStatus>kv(CellfloorTopology.CHANNEL_STATUS_STORE, partition, stale)
                .get(id);
        final CellTest test = cellTest(this.<byte[]>kv(CellfloorTopology.CELL_TEST_STORE, partition, stale).get(id));
        if (status == null && test == null) {
            return null;
        }
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", status == null ? null : AvroMaps.of(status));
        out.put("cellTest", AvroMaps.of(test));
        out.put("stale", stale);
        out.put("servedBy", self);
        return out;
    }

    /** A tile for every channel in the local stores, by channel id. */
    List<Map<String, Object>> tiles(final boolean stale) {
        final Map<String, ChannelStatus> statuses = new HashMap<>();
        final Map<String, byte[]> tests = new TreeMap<>();
        try (KeyValueIterator<String, ChannelStatus> all =
                     this.<ChannelStatus>kv(CellfloorTopology.CHANNEL_STATUS_STORE, null, stale).all()) {
            all.forEachRemaining(kv -> statuses.put(kv.key, kv.value));
        }
        try (KeyValueIterator<String, byte[]> all = this.<byte[]>kv(CellfloorTopology.CELL_TEST_STORE, null, stale)
                .all()) {
            all.forEachRemaining(kv -> tests.put(kv.key, kv.value));
        }
        statuses.keySet().forEach(k -> tests.putIfAbsent(k, null));
        final List<Map<String, Object>> out = new ArrayList<>(tests.size());
        tests.forEach((channel, bytes) -> out.add(Tiles.tile(channel, statuses.get(channel), cellTest(bytes))));
        return out;
    }

    /** The channel's recent cycle summaries, newest first. */
    Map<String, Object> cycles(final String id, final Integer partition, final boolean stale, final Paging paging) {
        return history(ChannelViews.RECENT_CYCLES_STORE, id, partition, stale, paging,
                (byte[] bytes) -> AvroMaps.of(codecs.cycles().deserialize(Topics.CYCLES, bytes)));
    }

    /** The channel's recent breakdown events, newest first. */
    Map<String, Object> events(final String id, final Integer partition, final boolean stale, final Paging paging) {
        return history(ChannelViews.RECENT_EVENTS_STORE, id, partition, stale, paging,
                (BreakdownEvent e) -> AvroMaps.of(e));
    }

    Map<String, Object> trace(final String id, final Integer partition, final boolean stale) {
        final ReadableTraces traces = store(CellfloorTopology.TRACE_STORE, new TraceStoreType(), partition, stale);
        final ChannelTrace.Snapshot found = traces.trace(id);
        final ChannelTrace.Snapshot s = found == null ? ChannelTrace.Snapshot.EMPTY : found;
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("t", s.t());
        out.put("v", s.v());
        out.put("i", s.i());
        out.put("stale", stale);
        return out;
    }

    /** Every cohort row in the local stores. */
    List<Map<String, Object>> cohorts(final boolean stale) {
        final List<Map<String, Object>> out = new ArrayList<>();
        try (KeyValueIterator<String, CohortStats> all = this.<CohortStats>kv(COHORT_STORE, null, stale).all()) {
            all.forEachRemaining(kv -> {
                if (kv.value != null && kv.value.getChannels() > 0) {
                    out.add(AvroMaps.of(kv.value));
                }
            });
        }
        return out;
    }

    /** Breakdown events of one station per window whose start lies in [from, to]. */
    Map<String, Object> eventRates(final String station, final String store, final long windowMs, final long from,
                                   final long to, final Integer partition, final boolean stale) {
        final ReadOnlyWindowStore<String, Long> windows = store(store, QueryableStoreTypes.<String, Long>windowStore(),
                partition, stale);
        final List<Map<String, Object>> items = new ArrayList<>();
        try (WindowStoreIterator<Long> it = windows.fetch(station, Instant.ofEpochMilli(from), Instant.ofEpochMilli(to))) {
            it.forEachRemaining(kv -> {
                final Map<String, Object> w = new LinkedHashMap<>();
                w.put("start", kv.key);
                w.put("end", kv.key + windowMs);
                w.put("count", kv.value);
                items.add(w);
            });
        }
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", items);
        out.put("stale", stale);
        return out;
    }

    private <V> Map<String, Object> history(final String store, final String id, final Integer partition,
                                            final boolean stale, final Paging paging,
                                            final Function<V, Map<String, Object>> toJson) {
        final List<Map<String, Object>> items = new ArrayList<>();
        long total = 0;
        try (KeyValueIterator<String, V> newest = this.<V>kv(store, partition, stale)
                .reverseRange(ChannelViews.from(id), ChannelViews.to(id))) {
            while (newest.hasNext()) {
                final KeyValue<String, V> next = newest.next();
                if (total >= paging.offset() && items.size() < paging.size()) {
                    items.add(toJson.apply(next.value));
                }
                total++;
            }
        }
        return paging.answer(items, total, stale);
    }

    private CellTest cellTest(final byte[] bytes) {
        return bytes == null ? null : codecs.cellTests().deserialize(Topics.CELL_TESTS, bytes);
    }

    private <V> ReadOnlyKeyValueStore<String, V> kv(final String name, final Integer partition, final boolean stale) {
        return store(name, QueryableStoreTypes.<String, V>keyValueStore(), partition, stale);
    }

    private <T> T store(final String name, final QueryableStoreType<T> type, final Integer partition,
                        final boolean stale) {
        StoreQueryParameters<T> p = StoreQueryParameters.fromNameAndType(name, type);
        if (partition != null) {
            p = p.withPartition(partition);
        }
        if (stale) {
            p = p.enableStaleStores();
        }
        return apps.owner(name).store(p);
    }
}
