package io.cellfloor.ingest.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads a backfill reads on: parsing a cycler file and serializing its batches is what limits the agent, so
 * {@link FileAgent} hands each round of slices to these threads instead of reading them one after the other.
 *
 * <p>Order per channel is kept by construction: all open files of one channel go to one task, read in the order the
 * agent would have read them on its own thread, so a channel's batches (and the end of an old test before a newer
 * file's rows, on rotation) reach the spool in the same order as without threads. Channels interleave in the spool
 * in any order, which nothing downstream depends on (records are keyed and partitioned by channel). A round returns
 * only once every task is done, so the agent's checkpoints always see files between slices.
 */
final class ChannelReaders implements AutoCloseable {
    private final ExecutorService pool;

    /**
     * What one slice of one file did.
     *
     * @param any the reader returned anything
     * @param ended the file's test was ended in the task (its last batch is already out); the agent retires it
     * @param failure the file could not be read on, or null
     */
    record Outcome(TrackedFile file, boolean any, boolean ended, UnreadableFileException failure) {
    }

    /** Reads one slice of one file, on a reader thread. */
    @FunctionalInterface
    interface SliceRead {
        Outcome read(TrackedFile file) throws IOException;
    }

    ChannelReaders(final int threads) {
        final AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            final Thread t = new Thread(r, "cellfloor-agent-reader-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Reads one slice of every file, each channel's files on one thread in the given order; outcomes in that order. */
    List<Outcome> round(final List<TrackedFile> files, final SliceRead read) throws IOException, InterruptedException {
        final Map<String, List<TrackedFile>> byChannel = new LinkedHashMap<>();
        for (final TrackedFile f : files) {
            byChannel.computeIfAbsent(f.channel.channelId(), c -> new ArrayList<>()).add(f);
        }
        final List<Future<List<Outcome>>> tasks = new ArrayList<>();
        for (final List<TrackedFile> channelFiles : byChannel.values()) {
            tasks.add(pool.submit(() -> {
                final List<Outcome> out = new ArrayList<>();
                for (final TrackedFile f : channelFiles) {
                    out.add(read.read(f));
                }
                return out;
            }));
        }
        final Map<TrackedFile, Outcome> byFile = new LinkedHashMap<>();
        Throwable first = null;
        for (final Future<List<Outcome>> task : tasks) {
            try {
                task.get().forEach(o -> byFile.put(o.file(), o));
            } catch (final ExecutionException e) {
                first = first == null ? e.getCause() : first; // wait for the others: no task outlives the round
            }
        }
        if (first != null) {
            throw rethrown(first);
        }
        return files.stream().map(byFile::get).toList();
    }

    private static IOException rethrown(final Throwable cause) {
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof UncheckedIOException io) {
            return io.getCause();
        }
        if (cause instanceof RuntimeException r) {
            throw r;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        return new IOException("a reader thread failed: " + cause, cause);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
