package io.cellfloor.ingest.format;

/**
 * One row of a cycler file, as a {@link CyclerFileReader} hands it over. Exactly one of: a sample, a rejected row,
 * or an instrument summary row (test with {@code instanceof}).
 */
public sealed interface ReadResult permits AcceptedRow, RejectedRow, InstrumentSummary {

    /** Where the row is: the 1-based line of a text file, or the 1-based record number of a database table. */
    long line();
}
