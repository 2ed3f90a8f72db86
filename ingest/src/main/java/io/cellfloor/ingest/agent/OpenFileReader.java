package io.cellfloor.ingest.agent;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the open files of a {@link FileAgent} a slice at a time and ends their tests. With {@code readers} above 1
 * (a backfill, by default), each round's slices are read, parsed and serialized on {@link ChannelReaders}' threads,
 * one task per channel, while checkpoints, discovery and the registry stay on the agent's thread between rounds:
 * each channel's batches reach the spool in the order one thread would append them.
 */
final class OpenFileReader implements AutoCloseable {
    /** The agent's own log: operators look for these lines under its name. */
    private static final Logger LOG = LoggerFactory.getLogger(FileAgent.class);
    private static final int ROWS_PER_SLICE = 10_000;

    private final FileAgentSettings settings;
    private final FileOutput output;
    private final FileRegistry files;
    private final FileFailures failures;
    /** Null when the agent reads on its own thread ({@code readers} 1). */
    private final ChannelReaders readers;

    OpenFileReader(final FileAgentSettings settings, final FileOutput output, final FileRegistry files,
                   final FileFailures failures) {
        this.settings = settings;
        this.output = output;
        this.files = files;
        this.failures = failures;
        this.readers = settings.readers() > 1 ? new ChannelReaders(settings.readers()) : null;
    }

    /** One slice of every open file: on the agent's thread, or on the reader threads, a channel per task. */
    boolean readOpenFiles(final long nowMs) throws IOException, InterruptedException {
        boolean any = false;
        if (readers == null) {
            for (final TrackedFile f : files.openFiles()) {
                any |= readOrGiveUp(f, nowMs);
            }
            return any;
        }
        for (final ChannelReaders.Outcome o : readers.round(files.openFiles(), f -> readOnReader(f, nowMs))) {
            any |= o.any();
            if (o.failure() != null) {
                failures.gaveUp(o.file(), o.failure());
            }
            if (o.ended()) {
                retire(o.file());
            }
        }
        return any;
    }

    /**
     * A slice on a reader thread: the test's last batch goes out here, in the channel's order; the bookkeeping of
     * the registry and the log waits for the agent's thread ({@link #retire}).
     */
    private ChannelReaders.Outcome readOnReader(final TrackedFile f, final long nowMs) throws IOException {
        try {
            final TrackedFile.Slice slice = f.read(output, ROWS_PER_SLICE, nowMs);
            final boolean end = slice.atEnd() && ReadSchedule.finishAtEnd(settings.follow(), f.finishAtEnd);
            if (end) {
                endTest(f);
            }
            return new ChannelReaders.Outcome(f, slice.any(), end, null);
        } catch (final UnreadableFileException e) {
            endTest(f);
            return new ChannelReaders.Outcome(f, false, true, e);
        }
    }

    /** Reads one slice of {@code f}, finishing it when its reader is at the end of its test. */
    private boolean readSlice(final TrackedFile f, final long nowMs) throws IOException {
        final TrackedFile.Slice slice = f.read(output, ROWS_PER_SLICE, nowMs);
        if (slice.atEnd() && ReadSchedule.finishAtEnd(settings.follow(), f.finishAtEnd)) {
            finish(f);
        }
        return slice.any();
    }

    /** A file that fails mid-read is noted in its quarantine and its test ends at what was read. */
    boolean readOrGiveUp(final TrackedFile f, final long nowMs) throws IOException {
        try {
            return readSlice(f, nowMs);
        } catch (final UnreadableFileException e) {
            failures.gaveUp(f, e);
            finish(f);
            return false;
        }
    }

    /** The file's test has ended: its last batch goes out flagged end-of-test and the file is not read again. */
    private void finish(final TrackedFile f) throws IOException {
        endTest(f);
        retire(f);
    }

    private void endTest(final TrackedFile f) throws IOException {
        output.batch(f, f.drainBatch(true));
        f.finished = true;
    }

    /** The bookkeeping of a finished file: registry, checkpoint entry, log line, progress. Agent thread only. */
    private void retire(final TrackedFile f) throws IOException {
        files.finished(f, f.checkpoint(f.quarantine.sync()));
        f.close();
        LOG.info("finished {}: {} rows this run, {} quarantined{}", f.path, f.rows(), f.rejected(),
                f.rejected() > 0 ? " (see " + f.quarantine.file() + ")" : "");
        output.finished(f);
    }

    @Override
    public void close() {
        if (readers != null) {
            readers.close();
        }
    }
}
