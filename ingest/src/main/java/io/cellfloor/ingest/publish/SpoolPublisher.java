package io.cellfloor.ingest.publish;

import io.cellfloor.ingest.spool.Spool;
import io.cellfloor.ingest.spool.SpoolPosition;
import io.cellfloor.ingest.spool.SpoolRecord;
import io.cellfloor.schema.Topics;
import java.io.IOException;
import java.util.function.LongSupplier;

/**
 * Publishes into a {@link Spool}, which a {@link io.cellfloor.ingest.spool.SpoolDrainer} empties into Kafka: a
 * broker outage only makes the spool grow, and {@link #isFull()} pauses the source instead of dropping anything.
 *
 * <p>Records are sendable only once released. A plain agent releases at every {@link #flush()}; the file agent
 * instead calls {@link #sync()}, writes its checkpoint, then {@link #release(SpoolPosition)}, so that nothing is
 * sent that a crash could make it produce again differently.
 */
public final class SpoolPublisher implements Publisher {
    private final Spool spool;
    private final LongSupplier wallClockMs;

    /** @param wallClockMs wall time, for the records' append time and the time of cell tests and dead letters */
    public SpoolPublisher(final Spool spool, final LongSupplier wallClockMs) {
        this.spool = spool;
        this.wallClockMs = wallClockMs;
    }

    public Spool spool() {
        return spool;
    }

    @Override
    public void cellTest(final String channelId, final byte[] value) throws IOException {
        append(Topics.CELL_TESTS, channelId, wallClockMs.getAsLong(), -1, 0, value);
    }

    @Override
    public void batch(final String channelId, final long timestampMs, final long sequence, final int samples,
                      final byte[] value) throws IOException {
        append(Topics.SAMPLES, channelId, timestampMs, sequence, samples, value);
    }

    @Override
    public void deadLetter(final String channelId, final byte[] value) throws IOException {
        append(Topics.DEAD_LETTER, channelId, wallClockMs.getAsLong(), -1, 1, value);
    }

    private void append(final String topic, final String key, final long timestampMs, final long sequence,
                        final int samples, final byte[] value) throws IOException {
        spool.append(new SpoolRecord(topic, key, timestampMs, sequence, samples, wallClockMs.getAsLong(), value));
    }

    /** Forces every appended record to disk and returns the spool end they reach, not yet released. */
    public SpoolPosition sync() throws IOException {
        return spool.sync();
    }

    /** Lets the drainer send records up to {@code end}: call once a checkpoint covering them is on disk. */
    public void release(final SpoolPosition end) {
        spool.markDurable(end);
    }

    @Override
    public void release() throws IOException {
        release(sync());
    }

    /** The drainer sends in the background; the spool's part is done once the records are on disk. */
    @Override
    public void flush() throws IOException {
        release();
    }

    @Override
    public boolean isFull() {
        return spool.isFull();
    }
}
