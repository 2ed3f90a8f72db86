package io.cellfloor.streams.query;

import org.apache.kafka.streams.KafkaStreams;

/**
 * What the query API needs of the running Kafka Streams applications: their states, and which one keeps a store.
 * Declared here and implemented by {@code io.cellfloor.streams.app.CellfloorApps}, so that {@code app} (which starts
 * the query server) depends on {@code query} and not the other way round.
 */
public interface QueryableApps {

    /** The detection app, which reads every sample and keeps each channel's status. */
    KafkaStreams detection();

    /** The views app, which keeps the recent cycles and events, the station windows and the cohort table. */
    KafkaStreams views();

    /** The app that keeps {@code store}. */
    KafkaStreams owner(String store);
}
