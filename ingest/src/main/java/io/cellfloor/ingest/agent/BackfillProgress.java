package io.cellfloor.ingest.agent;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The backfill's progress line on stderr: files finished of files found, rows, rows/s and an ETA from the bytes
 * still to read at the bytes-per-row seen so far. Printed every {@code everyMs} of wall time. Synchronized: the
 * agent's reader threads count rows into it while its own thread prints.
 */
public final class BackfillProgress {
    private final PrintStream out;
    private final long everyMs;
    private final long totalBytes;
    private final int totalFiles;
    private final long startMs;
    private long lastPrintMs;
    private long rows;
    private int started;
    private int finished;
    private long finishedBytes;
    private long finishedRows;

    /**
     * @param totalBytes the size of every file to import, for the ETA
     * @param totalFiles how many files there are
     */
    public BackfillProgress(final PrintStream out, final long everyMs, final long totalBytes, final int totalFiles,
                            final long startMs) {
        this.out = out;
        this.everyMs = everyMs;
        this.totalBytes = totalBytes;
        this.totalFiles = totalFiles;
        this.startMs = startMs;
        this.lastPrintMs = startMs;
    }

    synchronized void rows(final long n) {
        rows += n;
    }

    synchronized void fileStarted() {
        started++;
    }

    synchronized void fileFinished(final long bytes, final long fileRows) {
        finished++;
        finishedBytes += bytes;
        finishedRows += fileRows;
    }

    synchronized void maybePrint(final long nowMs) {
        if (nowMs - lastPrintMs >= everyMs) {
            print(nowMs);
        }
    }

    synchronized void print(final long nowMs) {
        lastPrintMs = nowMs;
        out.println(line(nowMs));
    }

    /** The progress line at {@code nowMs}; a pure function of the counts, for tests. */
    public synchronized String line(final long nowMs) {
        final double seconds = Math.max(1e-3, (nowMs - startMs) / 1000.0);
        final double rate = rows / seconds;
        final String eta;
        if (finished >= totalFiles && totalFiles > 0) {
            eta = "done";
        } else if (finishedRows == 0 || rate <= 0) {
            eta = "--";
        } else {
            // the files still to read hold rows at the density of the files finished so far
            final double bytesPerRow = (double) finishedBytes / finishedRows;
            final double remainingRows = Math.max(0, (totalBytes - finishedBytes) / bytesPerRow
                    - (rows - finishedRows));
            eta = Math.round(remainingRows / rate) + " s";
        }
        return String.format(Locale.ROOT, "backfill: %d/%d files | %,d rows | %,.0f rows/s | %.1f s | ETA %s",
                finished, totalFiles, rows, rate, seconds, eta);
    }
}
