package io.cellfloor.ingest.agent;

import io.cellfloor.avro.SampleBatch;
import io.cellfloor.domain.CellSpec;
import io.cellfloor.ingest.ChannelInfo;
import io.cellfloor.ingest.checkpoint.FileCheckpoint;
import io.cellfloor.ingest.checkpoint.FileIdentity;
import io.cellfloor.ingest.format.AcceptedRow;
import io.cellfloor.ingest.format.CyclerFileReader;
import io.cellfloor.ingest.format.ReadResult;
import io.cellfloor.ingest.format.RejectedRow;
import java.io.IOException;
import java.nio.file.Path;

/** One cycler file the {@link FileAgent} reads: its reader, its channel's batcher, its quarantine, its position. */
final class TrackedFile {
    final Path path;
    final ChannelInfo channel;
    final Quarantine quarantine;
    FileIdentity identity;
    private final CyclerFileReader reader;
    private final ChannelBatcher batcher;
    private final long skipThrough;
    private long lastLine;
    private long rows;
    private long rejected;
    private long lastSampleMs = -1;
    boolean finished;
    boolean finishAtEnd;

    TrackedFile(final Path path, final FileIdentity identity, final CyclerFileReader reader, final ChannelInfo channel,
                final Quarantine quarantine, final long nextSequence, final long skipThrough) {
        this.path = path;
        this.identity = identity;
        this.reader = reader;
        this.channel = channel;
        this.quarantine = quarantine;
        this.batcher = new ChannelBatcher(channel, nextSequence);
        this.skipThrough = skipThrough;
        this.lastLine = skipThrough;
    }

    CellSpec cell() {
        return channel.cell();
    }

    /**
     * Reads up to {@code maxRows} rows into the agent.
     *
     * @return true when the reader returned anything (the agent polls again at once)
     */
    boolean read(final FileAgent agent, final int maxRows, final long nowMs) throws IOException {
        boolean any = false;
        for (int n = 0; n < maxRows; n++) {
            final ReadResult r = reader.next();
            if (r == null) {
                if (!agent.following() || finishAtEnd) {
                    agent.finish(this);
                }
                return any;
            }
            any = true;
            if (r.line() <= skipThrough) {
                continue; // resumed: this row is before the checkpoint and already in the spool or the quarantine
            }
            lastLine = r.line();
            if (r instanceof AcceptedRow a) {
                rows++;
                agent.countRead();
                lastSampleMs = a.sample().timeMs();
                batcher.add(a.sample(), nowMs);
                if (batcher.size() >= agent.maxSamples()) {
                    agent.spoolBatch(this, batcher.drain(false));
                    if (agent.spool().isFull()) {
                        return true; // back-pressure: the agent waits for the drainer before reading on
                    }
                }
            } else if (r instanceof RejectedRow bad) {
                rows++;
                rejected++;
                agent.countRead();
                agent.quarantine(this, bad);
            }
        }
        return any;
    }

    /** The open batch, emptied, or null when it has no samples (and the test does not end). */
    SampleBatch drainBatch(final boolean endOfTest) {
        if (batcher.size() == 0 && !endOfTest) {
            return null;
        }
        return batcher.drain(endOfTest);
    }

    long nextSequence() {
        return batcher.nextSequence();
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
