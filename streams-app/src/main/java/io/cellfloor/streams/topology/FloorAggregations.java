package io.cellfloor.streams.topology;

import io.cellfloor.avro.BreakdownEvent;
import io.cellfloor.avro.ChannelStatus;
import io.cellfloor.avro.CohortStats;
import io.cellfloor.schema.Topics;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Floor-level state over the per-channel outputs: breakdown events per station in tumbling hourly and hopping
 * daily windows (event time, with grace for late events), and the cohort comparison table, published on
 * {@link Topics#COHORTS} and kept queryable.
 *
 * <p>The windows count by the event's own start time, read from the payload: the events topic is stamped with
 * append time so that backfilled events outlive its retention, so the record timestamp is when the event arrived.
 */
final class FloorAggregations {
    static final String STATION_EVENTS_HOURLY_STORE = "station-events-hourly";
    static final String STATION_EVENTS_DAILY_STORE = "station-events-daily";
    static final String COHORT_STORE = "cohort-stats";
    static final String STATUS_TABLE_STORE = "channel-status-table";

    private FloorAggregations() {
    }

    /** The event's start time; a record that is not an event keeps the time it came with. */
    static long eventTime(final ConsumerRecord<Object, Object> record, final long partitionTime) {
        return record.value() instanceof BreakdownEvent e ? e.getStartMs() : record.timestamp();
    }

    static void addTo(final StreamsBuilder builder, final Codecs codecs, final Duration grace) {
        final Serde<String> strings = Serdes.String();
        final KGroupedStream<String, BreakdownEvent> byStation = builder
                .stream(Topics.BREAKDOWN_EVENTS, Consumed.with(strings, codecs.eventSerde()).withName("events-source")
                        .withTimestampExtractor(FloorAggregations::eventTime))
                .groupBy((channel, e) -> e.getStationId(),
                        Grouped.with("events-by-station", strings, codecs.eventSerde()));
        byStation.windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofHours(1), grace))
                .count(Named.as("count-station-events-hourly"),
                        Materialized.<String, Long, WindowStore<Bytes, byte[]>>as(STATION_EVENTS_HOURLY_STORE)
                                .withKeySerde(strings).withValueSerde(Serdes.Long()));
        byStation.windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofDays(1), grace).advanceBy(Duration.ofHours(1)))
                .count(Named.as("count-station-events-daily"),
                        Materialized.<String, Long, WindowStore<Bytes, byte[]>>as(STATION_EVENTS_DAILY_STORE)
                                .withKeySerde(strings).withValueSerde(Serdes.Long()));

        final Serde<CohortStats> cohorts = codecs.cohortSerde();
        builder.table(Topics.CHANNEL_STATUS, Consumed.with(strings, codecs.status()).withName("channel-status-source"),
                        Materialized.<String, ChannelStatus, KeyValueStore<Bytes, byte[]>>as(STATUS_TABLE_STORE)
                                .withKeySerde(strings).withValueSerde(codecs.status()))
                .groupBy((channel, s) -> KeyValue.pair(CohortAggregation.cohortOf(s), s),
                        Grouped.with("status-by-cohort", strings, codecs.status()))
                .aggregate(CohortAggregation::empty, CohortAggregation::add, CohortAggregation::subtract,
                        Named.as("aggregate-cohorts"),
                        Materialized.<String, CohortStats, KeyValueStore<Bytes, byte[]>>as(COHORT_STORE)
                                .withKeySerde(strings).withValueSerde(cohorts))
                .toStream(Named.as("cohort-changes"))
                .to(Topics.COHORTS, Produced.with(strings, cohorts).withName("cohorts-sink"));
    }
}
