package io.cellfloor.ingest.publish;

import java.io.IOException;

/**
 * Where an agent's records go, so that the agent builds batches, cell tests and dead letters without asking how
 * they leave the station: straight to a Kafka producer ({@link ProducerPublisher}: the demo, the offline analysis,
 * the simulator agent) or into the disk spool a drainer empties ({@link SpoolPublisher}: nothing lost while the
 * broker is away). Values arrive serialized; the publisher knows the topics.
 *
 * <p>A spool appends at once and sends only what {@link #release()} or {@link #flush()} made durable; a producer
 * sends as it goes. {@link #isFull()} is the back-pressure signal: the source stops reading while it is true.
 */
public interface Publisher {
    /** A channel's cell test; publish it before the channel's first batch. */
    void cellTest(String channelId, byte[] value) throws IOException;

    /**
     * One sample batch of a channel.
     *
     * @param timestampMs the record's time (the batch's first sample, so backfills keep event time)
     * @param sequence the batch's sequence number on its channel
     * @param samples how many samples it carries, for the published counters
     */
    void batch(String channelId, long timestampMs, long sequence, int samples, byte[] value) throws IOException;

    /** The dead letter of one rejected row of a channel. */
    void deadLetter(String channelId, byte[] value) throws IOException;

    /** Lets what was handed over so far go out without waiting for the broker (a producer already does). */
    void release() throws IOException;

    /** Waits until what was handed over so far is with the broker (producer) or on disk and released (spool). */
    void flush() throws IOException;

    /** True while the source must stop reading until the records already handed over are taken. */
    boolean isFull();
}
