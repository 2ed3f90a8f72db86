package io.cellfloor.ingest.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opening a cycler file for a reader whose constructor reads the header: the file is not leaked when it fails. */
final class ReaderFiles {
    private ReaderFiles() {
    }

    /** Builds a reader over a stream that the reader then owns. */
    @FunctionalInterface
    interface Opener<R> {
        R open(InputStream in) throws IOException;
    }

    /** Opens {@code file} and builds a reader on it, closing the file again when the header turns out unusable. */
    static <R> R open(final Path file, final Opener<R> opener) throws IOException {
        final InputStream in = Files.newInputStream(file);
        try {
            return opener.open(in);
        } catch (final IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }
}
