package io.cellfloor.ingest.format;

import java.io.IOException;

/**
 * A whole file cannot be read as the format asked for: no recognisable header, a mandatory column missing, a
 * unit the reader does not know. Thrown at open, never for a single bad row (those become {@link RejectedRow}s).
 * The message names the file and says what was expected and what was found.
 */
public final class CyclerFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public CyclerFormatException(final String message) {
        super(message);
    }

    public CyclerFormatException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
