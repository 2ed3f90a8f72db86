package io.cellfloor.ingest.format;

import java.io.IOException;

/**
 * Reads one cycler export row by row, in file order, without loading the file into memory.
 *
 * <p>Every data row of the file comes back exactly once from {@link #next()}: as an {@link AcceptedRow} (a
 * normalised {@link io.cellfloor.domain.Sample}), a {@link RejectedRow} (file, line and a reason a person can act
 * on) or an {@link InstrumentSummary} (a cycle or step total the instrument wrote between the records). Bad rows
 * never stop a reader; only a file that is not of the reader's format at all (header missing, mandatory column
 * absent, unknown unit) fails, at open, with a {@link CyclerFormatException}. {@link #counts()} adds the lines it
 * has passed over as header or blank, so that {@code counts().lines()} equals the lines consumed.
 *
 * <p>Use: open through {@link FormatSniffer#open} (or a reader's own {@code open}), loop on {@code next()} until
 * null, close. A null means "nothing complete available now": with {@link ReaderOptions#holdIncompleteLastLine()}
 * a later call returns rows the cycler has appended since, which is how a follower tails a growing file.
 */
public interface CyclerFileReader extends AutoCloseable {

    /** What the file says about itself (channel, barcode, procedure, start), known once the reader is open. */
    FileMetadata metadata();

    /**
     * The next row, or null when none is complete now (at the end of the file, for a file that is not growing).
     *
     * @throws IOException only when the file itself cannot be read; malformed content never throws
     */
    ReadResult next() throws IOException;

    /** How many rows of each kind have come back so far, and how many lines were skipped as header or blank. */
    ReadCounts counts();

    @Override
    void close() throws IOException;
}
