package io.cellfloor.ingest.agent;

import io.cellfloor.avro.CellTest;
import io.cellfloor.avro.DeadLetter;
import io.cellfloor.avro.SampleBatch;
import io.cellfloor.ingest.ChannelInfo;
import io.cellfloor.ingest.format.RejectedRow;
import io.cellfloor.ingest.publish.SpoolPublisher;
import io.cellfloor.schema.AvroMapping;
import io.cellfloor.schema.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Everything the file agent emits, in one place: cell tests, batches and dead letters serialized into the
 * publisher, rejected rows into their file's quarantine, the read and quarantined counters and the backfill
 * progress. The files hand their rows here (as a {@link TrackedFile.Sink}) instead of calling back into the agent.
 */
final class FileOutput implements TrackedFile.Sink {
    private final SpoolPublisher publisher;
    private final Serializers serializers;
    private final LongSupplier wallClockMs;
    private final Counter read;
    private final Counter quarantined;
    private final BackfillProgress progress;

    /** The agent's three value serializers, kept together because they always travel together. */
    record Serializers(Serializer<SampleBatch> batches, Serializer<CellTest> cellTests,
                       Serializer<DeadLetter> deadLetters) {
    }

    /** @param progress where backfill progress goes, or null for none */
    FileOutput(final SpoolPublisher publisher, final Serializers serializers, final MeterRegistry registry,
               final LongSupplier wallClockMs, final BackfillProgress progress) {
        this.publisher = publisher;
        this.serializers = serializers;
        this.wallClockMs = wallClockMs;
        this.progress = progress;
        this.read = registry.counter("cellfloor.agent.samples.read");
        this.quarantined = registry.counter("cellfloor.agent.rows.quarantined");
    }

    SpoolPublisher publisher() {
        return publisher;
    }

    /** A newly picked-up file's channel: its cell test when the cell is known, and one more file in progress. */
    void started(final ChannelInfo channel) throws IOException {
        if (channel.cell() != null) {
            final CellTest test = AvroMapping.cellTest(channel.stationId(), channel.channelId(), channel.testId(),
                    channel.cell());
            publisher.cellTest(channel.channelId(), serializers.cellTests().serialize(Topics.CELL_TESTS, test));
        }
        if (progress != null) {
            progress.fileStarted();
        }
    }

    void finished(final TrackedFile f) {
        if (progress != null) {
            progress.fileFinished(f.identity.size(), f.rows());
        }
    }

    void maybePrintProgress() {
        if (progress != null) {
            progress.maybePrint(wallClockMs.getAsLong());
        }
    }

    void printProgress() {
        if (progress != null) {
            progress.print(wallClockMs.getAsLong());
        }
    }

    @Override
    public void rowRead() {
        read.increment();
    }

    @Override
    public void batch(final TrackedFile f, final SampleBatch batch) throws IOException {
        final int n = batch.getTimestampMs().size();
        final long timestamp = ReadSchedule.batchTimestamp(batch.getTimestampMs(), f.lastSampleMs(),
                wallClockMs.getAsLong());
        publisher.batch(batch.getChannelId(), timestamp, batch.getSequence(), n,
                serializers.batches().serialize(Topics.SAMPLES, batch));
        if (progress != null) {
            progress.rows(n);
        }
    }

    @Override
    public void rejected(final TrackedFile f, final RejectedRow row) throws IOException {
        quarantined.increment();
        f.quarantine.write(row);
        final DeadLetter letter = DeadLetter.newBuilder()
                .setSourceTopic(row.file().toString()).setPartition(-1).setOffset(row.line())
                .setKey(f.channel.channelId()).setChannelId(f.channel.channelId())
                .setReason(row.reason()).setRejectedSamples(1)
                .setPayload(ByteBuffer.wrap(row.content().getBytes(StandardCharsets.UTF_8)))
                .build();
        publisher.deadLetter(f.channel.channelId(), serializers.deadLetters().serialize(Topics.DEAD_LETTER, letter));
        if (progress != null) {
            progress.rows(1);
        }
    }

    @Override
    public boolean mustPause() {
        return publisher.isFull();
    }
}
