package io.cellfloor.streams.topology;

import io.cellfloor.avro.BreakdownEvent;
import io.cellfloor.schema.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * What the query API shows of one channel beyond its status: the last {@link #LIMIT} cycle summaries (raw
 * Confluent-wire bytes as read from the cycles topic) and the last {@link #LIMIT} breakdown events, each in a store
 * keyed by {@code channel + NUL + offset}; a channel's entries are the key range {@link #from}..{@link #to}, oldest
 * first. The events come from the floor aggregations' {@code events-source}, as a topic can have one source only.
 */
public final class ChannelViews {
    public static final String RECENT_CYCLES_STORE = "channel-recent-cycles";
    public static final String RECENT_EVENTS_STORE = "channel-recent-events";
    public static final int LIMIT = 500;
    static final String CYCLES_SOURCE = "recent-cycles-source";
    static final String CYCLES_PROCESSOR = "keep-recent-cycles";
    static final String EVENTS_PROCESSOR = "keep-recent-events";
    /** The DSL source of the breakdown-events topic, named in {@link FloorAggregations}. */
    static final String EVENTS_SOURCE = "events-source";

    private ChannelViews() {
    }

    /** The first possible store key of a channel's entries. */
    public static String from(final String channel) {
        return channel + '\u0000';
    }

    /** Past the last possible store key of a channel's entries. */
    public static String to(final String channel) {
        return channel + '\u0001';
    }

    static void addTo(final Topology topology, final Codecs codecs) {
        final var strings = Serdes.String();
        topology.addSource(CYCLES_SOURCE, strings.deserializer(), Serdes.ByteArray().deserializer(), Topics.CYCLES);
        topology.addProcessor(CYCLES_PROCESSOR, () -> new RecentHistory<byte[]>(RECENT_CYCLES_STORE), CYCLES_SOURCE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(RECENT_CYCLES_STORE),
                strings, Serdes.ByteArray()), CYCLES_PROCESSOR);
        topology.addProcessor(EVENTS_PROCESSOR, () -> new RecentHistory<BreakdownEvent>(RECENT_EVENTS_STORE),
                EVENTS_SOURCE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(RECENT_EVENTS_STORE),
                strings, codecs.eventSerde()), EVENTS_PROCESSOR);
    }
}
