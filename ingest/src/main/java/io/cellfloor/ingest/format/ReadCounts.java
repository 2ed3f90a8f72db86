package io.cellfloor.ingest.format;

/**
 * What a reader has consumed so far. Every line it consumed is in exactly one count, so
 * {@code accepted + rejected = data rows read} and {@link #lines()} equals the lines of the file consumed.
 *
 * @param headerLines metadata, banner and column-name lines before the data
 * @param blankLines empty lines between data rows: they carry nothing, so they are counted, not rejected
 */
public record ReadCounts(long headerLines, long accepted, long rejected, long summaries, long blankLines) {

    /** Data rows read: each became a sample or a rejected row. */
    public long dataRows() {
        return accepted + rejected;
    }

    /** All lines (or records) consumed. */
    public long lines() {
        return headerLines + accepted + rejected + summaries + blankLines;
    }
}
