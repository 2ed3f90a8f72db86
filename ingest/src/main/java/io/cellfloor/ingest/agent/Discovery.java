package io.cellfloor.ingest.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists the cycler files of the export directories, oldest first, so that when a channel rotates to a new file
 * the old one is picked up (and finished) before the new one takes its channel.
 */
final class Discovery {
    private static final Logger LOG = LoggerFactory.getLogger(Discovery.class);

    private Discovery() {
    }

    /** The regular, visible files of {@code dir} as absolute paths, by modification time then name. */
    static List<Path> list(final Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            LOG.warn("{} is not a directory (yet); nothing read from it", dir);
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isRegularFile)
                    .filter(p -> isCandidate(p.getFileName().toString()))
                    .sorted(Comparator.comparing(Discovery::modified).thenComparing(Path::toString))
                    .map(Path::toAbsolutePath).toList();
        }
    }

    /** Hidden files are the cycler's (or an editor's) scratch files, never data. */
    static boolean isCandidate(final String fileName) {
        return !fileName.startsWith(".");
    }

    private static long modified(final Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (final IOException e) {
            return Long.MAX_VALUE;
        }
    }
}
