package io.cellfloor.sinks.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds where the archive of one topic-partition resumes, from the files themselves, as Confluent's HDFS and S3
 * sinks do: every published file names its segment's first offset and the offset after it
 * ({@code part-<partition>-<first>-<next>.parquet}), so the highest {@code next} of a complete segment is what is
 * archived, whatever the consumer group remembers. A missing committed offset (a new group id, offsets expired or
 * deleted) therefore never deletes anything. What is removed is only this writer's own unfinished work at or above
 * that position: its temp files ({@code part-<p>-<first>.parquet.<writer>.tmp}) and the published files of a segment
 * whose publishing it did not finish (a temp of the same first offset is still there). Another writer's temps, and
 * files of the old naming without a {@code next}, are never touched.
 */
final class Recovery {
    private static final Pattern PUBLISHED = Pattern.compile("part-(\\d+)-(\\d+)(?:-(\\d+))?\\.parquet");
    private static final Pattern TEMP = Pattern.compile("part-(\\d+)-(\\d+)\\.parquet(?:\\.(.+))?\\.tmp");

    /** Where to resume (absent when no file says) and how many files were removed. */
    record Result(OptionalLong resumeAt, int removed) {
    }

    private record Name(Path path, long first, long next, String writer, boolean temp) {
    }

    private Recovery() {
    }

    /**
     * Removes {@code writer}'s unfinished files of the partition at or above the resume position and returns that
     * position. {@code writer} is the safe form of the writer's group id, as in its temp names.
     */
    static Result recover(final Path root, final ArchiveTopic topic, final int partition, final String writer)
            throws IOException {
        final Path dir = root.resolve(topic.dir());
        if (!Files.isDirectory(dir)) {
            return new Result(OptionalLong.empty(), 0);
        }
        final List<Name> names = new ArrayList<>();
        try (Stream<Path> all = Files.walk(dir)) {
            all.forEach(p -> parse(p, partition, names));
        }
        final Set<Long> unfinished = new HashSet<>();
        final Set<Long> ownUnfinished = new HashSet<>();
        for (final Name n : names) {
            if (n.temp()) {
                unfinished.add(n.first());
                if (n.writer().isEmpty() || n.writer().equals(writer)) {
                    ownUnfinished.add(n.first());
                }
            }
        }
        long resume = -1;
        for (final Name n : names) {
            if (!n.temp() && n.next() >= 0 && !unfinished.contains(n.first())) {
                resume = Math.max(resume, n.next());
            }
        }
        // published files go before temps: a crash mid-way leaves a temp, so the segment still reads as unfinished
        final List<Path> doomed = new ArrayList<>();
        for (final boolean temps : new boolean[] {false, true}) {
            for (final Name n : names) {
                if (n.temp() == temps && n.first() >= resume && ownUnfinished.contains(n.first())
                        && (temps || n.next() >= 0)) {
                    doomed.add(n.path());
                }
            }
        }
        for (final Path p : doomed) {
            Files.deleteIfExists(p);
        }
        return new Result(resume < 0 ? OptionalLong.empty() : OptionalLong.of(resume), doomed.size());
    }

    /** The temp file name of a segment's file, owned by {@code writer}. */
    static String tempName(final int partition, final long first, final String writer) {
        return String.format("part-%d-%020d.parquet.%s.tmp", partition, first, writer);
    }

    /** The published name: first offset of the segment and the offset after its last record. */
    static String publishedName(final int partition, final long first, final long next) {
        return String.format("part-%d-%020d-%020d.parquet", partition, first, next);
    }

    private static void parse(final Path p, final int partition, final List<Name> out) {
        final String file = p.getFileName().toString();
        final Matcher t = TEMP.matcher(file);
        if (t.matches() && Integer.parseInt(t.group(1)) == partition) {
            // a temp of the old naming has no writer: it can only be this archive's own, from before the upgrade
            out.add(new Name(p, Long.parseLong(t.group(2)), -1, t.group(3) == null ? "" : t.group(3), true));
            return;
        }
        final Matcher m = PUBLISHED.matcher(file);
        if (m.matches() && Integer.parseInt(m.group(1)) == partition) {
            out.add(new Name(p, Long.parseLong(m.group(2)), m.group(3) == null ? -1 : Long.parseLong(m.group(3)),
                    "", false));
        }
    }
}
