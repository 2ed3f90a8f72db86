package io.cellfloor.ingest.agent;

import io.cellfloor.avro.SampleBatch;
import io.cellfloor.ingest.ChannelInfo;
import io.cellfloor.ingest.checkpoint.FileCheckpoint;
import io.cellfloor.ingest.checkpoint.FileIdentity;
import io.cellfloor.ingest.format.AcceptedRow;
import io.cellfloor.ingest.format.CyclerFileReader;
import io.cellfloor.ingest.format.ReadResult;
import io.cellfloor.ingest.format.RejectedRow;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One cycler file the {@link FileAgent} reads: its reader, its channel's batcher, its quarantine, its position.
 * It hands rows to a {@link Sink} and reports where its reader got to; whether the file is finished is the
 * agent's decision.
 */
final class TrackedFile {
    final Path path;
    final ChannelInfo channel;
    final Quarantine quarantine;
    FileIdentity identity;
    private final CyclerFileReader reader;
    private final ChannelBatcher batcher;
    private final int maxSamples;
    private final long skipThrough;
    private long lastLine;
    private long rows;
    private long rejected;
    private long lastSampleMs = -1;
    boolean finished;
    /** A newer file or a rewrite took the channel over: the test ends once the reader is at the end. */
    boolean finishAtEnd;

    /** Where a file's rows go: batches and dead letters out, rejected rows to the quarantine, counters. */
    interface Sink {
        void rowRead();

        void batch(TrackedFile file, SampleBatch batch) throws IOException;

        void rejected(TrackedFile file, RejectedRow row) throws IOException;

        /** True when reading must pause until records already out are taken (back-pressure). */
        boolean mustPause();
    }

    /**
     * What one {@link #read} did.
     *
     * @param any the reader returned anything (the agent polls again at once)
     * @param atEnd the reader is at the end of what the file holds now
     */
    record Slice(boolean any, boolean atEnd) {
    }

    TrackedFile(final Path path, final FileIdentity identity, final CyclerFileReader reader, final ChannelInfo channel,
                final Quarantine quarantine, final int maxSamples, final long nextSequence, final long skipThrough) {
        this.path = path;
        this.identity = identity;
        this.reader = reader;
        this.channel = channel;
        this.quarantine = quarantine;
        this.maxSamples = maxSamples;
        this.batcher = new ChannelBatcher(channel, nextSequence);
        this.skipThrough = skipThrough;
        this.lastLine = skipThrough;
    }

    /** Rotation or rewrite: a newer file took the channel over, so this one's test ends once read to its end. */
    void supersede() {
        finishAtEnd = true;
    }

    /** Reads up to {@code maxRows} rows into {@code sink}; stops early when a full batch leaves the sink full. */
    Slice read(final Sink sink, final int maxRows, final long nowMs) throws IOException {
        boolean any = false;
        for (int n = 0; n < maxRows; n++) {
            final ReadResult r;
            try {
                r = reader.next();
            } catch (final IOException | RuntimeException e) {
                throw new UnreadableFileException(path, lastLine, e);
            }
            if (r == null) {
                return new Slice(any, true);
            }
            any = true;
            if (r.line() <= skipThrough) {
                continue; // resumed: this row is before the checkpoint and already in the spool or the quarantine
            }
            lastLine = r.line();
            if (r instanceof AcceptedRow a) {
                rows++;
                sink.rowRead();
                lastSampleMs = a.sample().timeMs();
                batcher.add(a.sample(), nowMs);
                if (batcher.size() >= maxSamples) {
                    sink.batch(this, batcher.drain(false));
                    if (sink.mustPause()) {
                        return new Slice(true, false); // back-pressure: wait for the drainer before reading on
                    }
                }
            } else if (r instanceof RejectedRow bad) {
                rows++;
                rejected++;
                sink.rowRead();
                sink.rejected(this, bad);
            }
        }
        return new Slice(any, false);
    }

    /** The open batch, emptied, or null when it has no samples (and the test does not end). */
    SampleBatch drainBatch(final boolean endOfTest) {
        if (batcher.size() == 0 && !endOfTest) {
            return null;
        }
        return batcher.drain(endOfTest);
    }

    /** Keeps the first bytes' checksum from when the file was picked up but records its current size. */
    void refreshSize() {
        try {
            final FileIdentity now = FileIdentity.of(path);
            identity = new FileIdentity(identity.fileKey(), now.size(), identity.headLength(), identity.headCrc());
        } catch (final IOException e) {
            // renamed or deleted while open: the reader still reads it; keep what was known
        }
    }

    long rows() {
        return rows;
    }

    long rejected() {
        return rejected;
    }

    long lastSampleMs() {
        return lastSampleMs;
    }

    FileCheckpoint checkpoint(final long quarantineBytes) {
        return new FileCheckpoint(path.toString(), identity, lastLine, channel.channelId(), channel.testId(),
                batcher.nextSequence(), quarantineBytes, finished);
    }

    void close() throws IOException {
        reader.close();
        quarantine.close();
    }
}
