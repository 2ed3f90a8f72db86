package io.cellfloor.ingest.spool;

import io.cellfloor.ingest.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The agent's durable outbox: every record the agent produces is appended here first and sent to Kafka from here
 * by a {@link SpoolDrainer}, in append order. So a broker outage only makes the spool grow, and a crash loses
 * nothing that a checkpoint covers.
 *
 * <p>Layout: append-only segment files {@code 00000000000000000001.seg} in one directory, rolled at
 * {@code segmentBytes}, plus {@code drained.pos}, the position up to which Kafka has acknowledged every record.
 * Whole segments before that position are deleted.
 *
 * <p>Fsync policy: appends go to the OS at once (one write per record) but are forced to disk only by
 * {@link #sync()}, which the agent calls before every checkpoint. The drainer sends only records up to
 * {@link #durableEnd()}, which the agent advances after the checkpoint covering them is on disk. Hence nothing
 * reaches Kafka that a crash could make the agent produce again differently; what was appended after the last
 * checkpoint is cut off at {@link #open} and produced again, identically numbered, by re-reading.
 *
 * <p>Bounded: {@link #isFull()} tells the agent to stop reading until the drainer has freed space. Nothing is
 * ever dropped.
 */
public final class Spool implements AutoCloseable {
    private static final String SUFFIX = ".seg";
    private static final String DRAINED = "drained.pos";

    private final Path dir;
    private final long maxBytes;
    private final long segmentBytes;
    private long writeSegment;
    private FileChannel writer;
    private long writeOffset;
    private volatile long totalSegmentBytes;
    private volatile SpoolPosition durableEnd;
    private volatile SpoolPosition drained;

    private Spool(final Path dir, final long maxBytes, final long segmentBytes) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.segmentBytes = segmentBytes;
    }

    /**
     * Opens (or creates) the spool in {@code dir}, cutting off everything after {@code committedEnd}: records
     * appended after the last checkpoint, which the agent will produce again.
     *
     * @param committedEnd the spool end the last checkpoint recorded, or null to keep every intact record
     */
    public static Spool open(final Path dir, final long maxBytes, final long segmentBytes,
                             final SpoolPosition committedEnd) throws IOException {
        if (maxBytes < segmentBytes || segmentBytes < 1024) {
            throw new IllegalArgumentException("spool needs segment size >= 1 KiB and max size >= segment size, got "
                    + segmentBytes + " and " + maxBytes + " bytes");
        }
        Files.createDirectories(dir);
        final Spool spool = new Spool(dir, maxBytes, segmentBytes);
        spool.recover(committedEnd);
        return spool;
    }

    private void recover(final SpoolPosition committedEnd) throws IOException {
        if (SpoolPosition.START.equals(committedEnd)) {
            // no checkpoint: nothing in the spool was ever sent or covered, so all of it is produced again
            for (final long s : segments()) {
                Files.delete(segment(s));
            }
            Files.deleteIfExists(dir.resolve(DRAINED));
        }
        final List<Long> segments = segments();
        SpoolPosition end = segments.isEmpty() ? new SpoolPosition(1, 0)
                : new SpoolPosition(segments.get(segments.size() - 1), 0);
        if (committedEnd != null && !committedEnd.equals(SpoolPosition.START)) {
            end = committedEnd;
        } else if (committedEnd == null && !segments.isEmpty()) {
            end = new SpoolPosition(end.segment(), intactLength(end.segment()));
        }
        for (final long s : segments) {
            if (s > end.segment()) {
                Files.delete(segment(s));
            }
        }
        writeSegment = end.segment();
        writer = FileChannel.open(segment(writeSegment), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        if (writer.size() > end.offset()) {
            writer.truncate(end.offset());
        }
        writeOffset = writer.size();
        writer.position(writeOffset);
        writer.force(true);
        durableEnd = new SpoolPosition(writeSegment, writeOffset);
        drained = readDrained(segments.isEmpty() ? writeSegment : segments.get(0));
        if (durableEnd.isBefore(drained)) {
            drained = durableEnd;
        }
        deleteBefore(drained.segment());
        totalSegmentBytes = sizes();
    }

    private long intactLength(final long s) throws IOException {
        try (SpoolReader r = new SpoolReader(this, new SpoolPosition(s, 0))) {
            while (r.next(new SpoolPosition(s, Long.MAX_VALUE)) != null) {
                // count the intact frames
            }
            return r.position().offset();
        }
    }

    private SpoolPosition readDrained(final long firstSegment) throws IOException {
        final Path file = dir.resolve(DRAINED);
        if (!Files.exists(file)) {
            return new SpoolPosition(firstSegment, 0);
        }
        final String[] parts = Files.readString(file, StandardCharsets.UTF_8).trim().split(" ");
        return new SpoolPosition(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    }

    /** Appends one record (to the OS, not yet to disk) and returns the spool end after it. */
    public synchronized SpoolPosition append(final SpoolRecord record) throws IOException {
        if (writeOffset >= segmentBytes) {
            roll();
        }
        final ByteBuffer frame = ByteBuffer.wrap(SpoolFrames.encode(record));
        final int n = frame.remaining();
        while (frame.hasRemaining()) {
            writer.write(frame);
        }
        writeOffset += n;
        totalSegmentBytes += n;
        return new SpoolPosition(writeSegment, writeOffset);
    }

    private void roll() throws IOException {
        writer.force(true);
        writer.close();
        writeSegment++;
        writer = FileChannel.open(segment(writeSegment), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        writeOffset = 0;
        AtomicFiles.syncDirectory(dir);
    }

    /** Forces every appended record to disk and returns the spool end they reach. */
    public synchronized SpoolPosition sync() throws IOException {
        writer.force(false);
        return new SpoolPosition(writeSegment, writeOffset);
    }

    /** Lets the drainer send records up to {@code end}: call once a checkpoint covering them is on disk. */
    public void markDurable(final SpoolPosition end) {
        if (durableEnd.isBefore(end)) {
            durableEnd = end;
        }
    }

    public SpoolPosition durableEnd() {
        return durableEnd;
    }

    public SpoolPosition drained() {
        return drained;
    }

    /** Records up to {@code p} are acknowledged by Kafka: persist that and delete the segments wholly before. */
    public void drainedTo(final SpoolPosition p) throws IOException {
        AtomicFiles.write(dir.resolve(DRAINED), (p.segment() + " " + p.offset() + "\n")
                .getBytes(StandardCharsets.UTF_8));
        drained = p;
        deleteBefore(p.segment());
        totalSegmentBytes = sizes();
    }

    /** Bytes appended and not yet acknowledged by Kafka. */
    public long bytes() {
        return Math.max(0, totalSegmentBytes - drained.offset());
    }

    /** True when the agent must stop reading until the drainer has freed space (back-pressure, never drops). */
    public boolean isFull() {
        return bytes() >= maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    Path segment(final long s) {
        return dir.resolve(String.format("%020d%s", s, SUFFIX));
    }

    private List<Long> segments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(SUFFIX))
                    .map(n -> Long.parseLong(n.substring(0, n.length() - SUFFIX.length()))).sorted().toList();
        }
    }

    private synchronized void deleteBefore(final long firstKept) throws IOException {
        for (final long s : segments()) {
            if (s < firstKept && s != writeSegment) {
                Files.deleteIfExists(segment(s));
            }
        }
    }

    private long sizes() {
        try {
            long total = 0;
            for (final long s : new ArrayList<>(segments())) {
                if (s >= drained.segment()) {
                    total += Files.size(segment(s));
                }
            }
            return total;
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot list the spool directory " + dir, e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        writer.force(true);
        writer.close();
    }
}
