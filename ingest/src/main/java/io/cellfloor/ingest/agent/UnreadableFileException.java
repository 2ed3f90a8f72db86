package io.cellfloor.ingest.agent;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The cycler file itself failed while being read (vanished, locked, unreadable, corrupt beyond a row), as opposed
 * to the spool failing to take what was read: the agent quarantines the one file and goes on with the others,
 * whereas a spool failure stops it.
 */
final class UnreadableFileException extends IOException {
    UnreadableFileException(final Path file, final long afterLine, final Exception cause) {
        super(file + " could not be read after line " + afterLine + ": " + cause, cause);
    }
}
