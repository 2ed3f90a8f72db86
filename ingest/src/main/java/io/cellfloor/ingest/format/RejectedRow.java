package io.cellfloor.ingest.format;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A data row the reader could not turn into a sample. Carries what a quarantine file or a dead-letter record
 * needs: which file, which line, why, and the row as written (cut to {@link #MAX_CONTENT_CHARS}).
 *
 * @param reason what is wrong, in words a person can act on (e.g. "current: 'abc' in column 'Current(A)' is not a
 *               number")
 * @param content the raw row, possibly shortened; empty for a database record
 */
public record RejectedRow(Path file, long line, String reason, String content) implements ReadResult {

    /** Rows longer than this are cut in {@link #content}: the line number is what finds the row again. */
    public static final int MAX_CONTENT_CHARS = 2_000;

    public RejectedRow {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(content, "content");
    }
}
