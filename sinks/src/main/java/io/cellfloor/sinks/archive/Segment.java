package io.cellfloor.sinks.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.parquet.hadoop.ParquetWriter;

/**
 * The open files of one topic-partition since its last publish: one temp file per date/station/test directory, all
 * named after the segment's first offset and the writer ({@link Recovery#tempName}). Publishing renames each to
 * {@link Recovery#publishedName}, which adds the offset after the segment's last record: the files then say
 * themselves how far the archive reaches, and the committed offset is only a hint for lag.
 */
final class Segment {
    /** What publishing produced. */
    record Published(int files, long bytes, long records, long nextOffset) {
    }

    private record OpenFile(Path temp, Path dir, ParquetWriter<SpecificRecordBase> writer) {
    }

    private final Path root;
    private final ArchiveTopic topic;
    private final int partition;
    private final long firstOffset;
    private final Instant openedAt;
    private final long rowGroupBytes;
    private final String writerId;
    private final Map<PartitionPath, OpenFile> files = new LinkedHashMap<>();
    private long lastOffset = -1;
    private long records;

    Segment(final Path root, final ArchiveTopic topic, final int partition, final long firstOffset,
            final Instant openedAt, final long rowGroupBytes, final String writerId) {
        this.root = root;
        this.topic = topic;
        this.partition = partition;
        this.firstOffset = firstOffset;
        this.openedAt = openedAt;
        this.rowGroupBytes = rowGroupBytes;
        this.writerId = writerId;
    }

    void append(final SpecificRecordBase record, final long offset, final long kafkaTimestamp) throws IOException {
        final PartitionPath where = PartitionPath.of(topic, record, kafkaTimestamp);
        OpenFile f = files.get(where);
        if (f == null) {
            final Path dir = where.under(root);
            final Path temp = dir.resolve(Recovery.tempName(partition, firstOffset, writerId));
            f = new OpenFile(temp, dir, ParquetFiles.open(temp, record.getSchema(), rowGroupBytes));
            files.put(where, f);
        }
        f.writer().write(record);
        records++;
        lastOffset = offset;
    }

    /** An offset that is covered by this segment but has no row (an unreadable record, counted elsewhere). */
    void skip(final long offset) {
        lastOffset = offset;
    }

    long records() {
        return records;
    }

    Instant openedAt() {
        return openedAt;
    }

    boolean isEmpty() {
        return lastOffset < 0;
    }

    /** Closes, syncs and renames every file; afterwards the segment's offsets may be committed. */
    Published publish() throws IOException {
        long bytes = 0;
        for (final OpenFile f : files.values()) {
            f.writer().close();
        }
        final String name = Recovery.publishedName(partition, firstOffset, lastOffset + 1);
        for (final OpenFile f : files.values()) {
            bytes += ParquetFiles.publish(f.temp(), f.dir().resolve(name));
        }
        return new Published(files.size(), bytes, records, lastOffset + 1);
    }

    /** For a crash test or a fatal error: what was written is left as temp files, as a dying process would. */
    List<Path> temps() {
        final List<Path> out = new ArrayList<>();
        files.values().forEach(f -> out.add(f.temp()));
        return out;
    }

    void discard() {
        for (final OpenFile f : files.values()) {
            try {
                f.writer().close();
                Files.deleteIfExists(f.temp());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete temp archive file " + f.temp(), e);
            }
        }
    }
}
