package io.cellfloor.sinks.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Puts the archive of one topic-partition back in line with its committed offset before writing resumes: temp files
 * of a writer that died, and published files of a segment whose commit never happened (first offset at or after the
 * committed offset), are deleted. The records in them are read again from Kafka, so there are neither duplicates
 * nor holes. Assumes one writer per partition, which the consumer group guarantees once the old member is gone.
 */
final class Recovery {
    private static final Pattern NAME = Pattern.compile("part-(\\d+)-(\\d+)\\.parquet(\\.tmp)?");

    private Recovery() {
    }

    /** Returns how many files were removed. */
    static int clean(final Path root, final ArchiveTopic topic, final int partition, final long committed)
            throws IOException {
        final Path dir = root.resolve(topic.dir());
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        final List<Path> doomed;
        try (Stream<Path> all = Files.walk(dir)) {
            doomed = all.filter(p -> uncommitted(p, partition, committed)).toList();
        }
        for (final Path p : doomed) {
            Files.deleteIfExists(p);
        }
        return doomed.size();
    }

    private static boolean uncommitted(final Path p, final int partition, final long committed) {
        final Matcher m = NAME.matcher(p.getFileName().toString());
        if (!m.matches() || Integer.parseInt(m.group(1)) != partition) {
            return false;
        }
        return m.group(3) != null || Long.parseLong(m.group(2)) >= committed;
    }
}
