package io.cellfloor.streams.topology;

import io.cellfloor.schema.Topics;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds cellfloor's two topologies. {@link #detection}: samples and cell tests (co-partitioned by channel id) into
 * the {@code cycle-assembler} and {@code cell-test-registrar} processors, which share the cell-test store; four
 * persistent stores (cycle state, cell test, channel status, the reorder buffer of samples waiting out their grace)
 * and the in-memory voltage trace, out to the cycles,
 * breakdown-events, stage-changes, channel-status, alerts and dead-letter topics. {@link #views}:
 * {@link FloorAggregations} and {@link ChannelViews}, the floor-wide and per-channel views the query API reads,
 * built from detection's output topics. They run as two Streams applications (see
 * {@link io.cellfloor.streams.app.CellfloorApps}) and as one topology offline ({@link #build}).
 * The stores written on every batch or cycle are cached: a channel's state is rewritten every few hundred
 * samples, and caching sends only its last value of each commit interval to RocksDB and the changelog.
 * Tests build this same topology; nothing here starts anything.
 */
public final class CellfloorTopology {
    public static final String SAMPLES_SOURCE = "samples-source";
    public static final String CELL_TESTS_SOURCE = "cell-tests-source";
    public static final String CYCLE_ASSEMBLER = "cycle-assembler";
    public static final String CELL_TEST_REGISTRAR = "cell-test-registrar";
    public static final String CYCLE_STATE_STORE = "channel-cycle-state";
    public static final String CELL_TEST_STORE = "channel-cell-test";
    public static final String CYCLES_SINK = "cycles-sink";
    public static final String DEAD_LETTER_SINK = "dead-letter-sink";
    public static final String EVENTS_SINK = "breakdown-events-sink";
    public static final String STAGE_CHANGES_SINK = "stage-changes-sink";
    public static final String STATUS_SINK = "channel-status-sink";
    public static final String ALERTS_SINK = "alerts-sink";
    public static final String CHANNEL_STATUS_STORE = "channel-status";
    public static final String SAMPLE_BUFFER_STORE = "channel-sample-buffer";
    /** In memory, no changelog: see {@link TraceStore}. */
    public static final String TRACE_STORE = "channel-trace";
    private static final Set<String> VIEW_STORES = Set.of(ChannelViews.RECENT_CYCLES_STORE,
            ChannelViews.RECENT_EVENTS_STORE, FloorAggregations.STATION_EVENTS_HOURLY_STORE,
            FloorAggregations.STATION_EVENTS_DAILY_STORE, FloorAggregations.COHORT_STORE,
            FloorAggregations.STATUS_TABLE_STORE);

    private CellfloorTopology() {
    }

    /** Detection and views in one topology: what the offline tools run in a {@code TopologyTestDriver}. */
    public static Topology build(final Codecs codecs, final TopologySettings settings, final TopologyMetrics metrics) {
        final Topology topology = views(codecs, settings);
        addDetection(topology, codecs, settings, metrics);
        return topology;
    }

    /** The per-sample path: samples and cell tests in; cycles, events, stage changes, status, alerts out. */
    public static Topology detection(final Codecs codecs, final TopologySettings settings,
                                     final TopologyMetrics metrics) {
        final Topology topology = new Topology();
        addDetection(topology, codecs, settings, metrics);
        return topology;
    }

    /** The per-cycle views over detection's outputs: {@link FloorAggregations} and {@link ChannelViews}. */
    public static Topology views(final Codecs codecs, final TopologySettings settings) {
        final StreamsBuilder builder = new StreamsBuilder();
        FloorAggregations.addTo(builder, codecs, settings.windowGrace());
        final Topology topology = builder.build();
        ChannelViews.addTo(topology, codecs);
        return topology;
    }

    /** Whether the store is kept by {@link #views}, not by {@link #detection}. */
    public static boolean isViewStore(final String store) {
        return VIEW_STORES.contains(store);
    }

    private static void addDetection(final Topology topology, final Codecs codecs, final TopologySettings settings,
                                     final TopologyMetrics metrics) {
        final var strings = Serdes.String();
        final var bytes = Serdes.ByteArray();
        topology.addSource(SAMPLES_SOURCE, strings.deserializer(), bytes.deserializer(), Topics.SAMPLES);
        topology.addSource(CELL_TESTS_SOURCE, strings.deserializer(), bytes.deserializer(), Topics.CELL_TESTS);
        topology.addProcessor(CELL_TEST_REGISTRAR, () -> new CellTestProcessor(codecs, metrics), CELL_TESTS_SOURCE);
        topology.addProcessor(CYCLE_ASSEMBLER, () -> new CycleProcessor(codecs, settings, metrics), SAMPLES_SOURCE);
        topology.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(CYCLE_STATE_STORE), strings, bytes).withCachingEnabled(),
                CYCLE_ASSEMBLER);
        topology.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(CELL_TEST_STORE), strings, bytes), CELL_TEST_REGISTRAR, CYCLE_ASSEMBLER);
        topology.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(CHANNEL_STATUS_STORE), strings, codecs.status()).withCachingEnabled(),
                CYCLE_ASSEMBLER);
        topology.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(SAMPLE_BUFFER_STORE), strings, bytes).withCachingEnabled(),
                CYCLE_ASSEMBLER);
        topology.addStateStore(new TraceStoreBuilder(TRACE_STORE), CYCLE_ASSEMBLER);
        topology.addSink(CYCLES_SINK, Topics.CYCLES, strings.serializer(), codecs.cycles(), CYCLE_ASSEMBLER);
        topology.addSink(EVENTS_SINK, Topics.BREAKDOWN_EVENTS, strings.serializer(), codecs.eventSerde().serializer(),
                CYCLE_ASSEMBLER);
        topology.addSink(STAGE_CHANGES_SINK, Topics.STAGE_CHANGES, strings.serializer(), codecs.stageChanges(),
                CYCLE_ASSEMBLER);
        topology.addSink(STATUS_SINK, Topics.CHANNEL_STATUS, strings.serializer(), codecs.status().serializer(),
                CYCLE_ASSEMBLER);
        topology.addSink(ALERTS_SINK, Topics.ALERTS, strings.serializer(), codecs.alerts(), CYCLE_ASSEMBLER);
        topology.addSink(DEAD_LETTER_SINK, Topics.DEAD_LETTER, strings.serializer(), codecs.deadLetters(),
                CELL_TEST_REGISTRAR, CYCLE_ASSEMBLER);
    }
}
