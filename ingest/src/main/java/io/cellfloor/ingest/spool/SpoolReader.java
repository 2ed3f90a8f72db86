package io.cellfloor.ingest.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;

/** Reads spool records in order from a position, across segments, never past a given limit. */
final class SpoolReader implements AutoCloseable {
    private final Spool spool;
    private SpoolPosition position;
    private FileChannel channel;

    SpoolReader(final Spool spool, final SpoolPosition from) {
        this.spool = spool;
        this.position = from;
    }

    SpoolPosition position() {
        return position;
    }

    /** The next record before {@code limit}, or null when there is none (yet). */
    SpoolRecord next(final SpoolPosition limit) throws IOException {
        while (position.isBefore(limit)) {
            if (channel == null) {
                if (!Files.exists(spool.segment(position.segment()))) {
                    return null;
                }
                try {
                    channel = FileChannel.open(spool.segment(position.segment()), StandardOpenOption.READ);
                } catch (final NoSuchFileException e) {
                    return null;
                }
            }
            final long end = position.segment() < limit.segment() ? channel.size()
                    : Math.min(limit.offset(), channel.size());
            final SpoolRecord r = readAt(end);
            if (r != null) {
                return r;
            }
            if (position.segment() >= limit.segment()) {
                return null;
            }
            // the rest of this segment is empty or torn: the writer rolled on, so continue in the next one
            channel.close();
            channel = null;
            position = new SpoolPosition(position.segment() + 1, 0);
        }
        return null;
    }

    private SpoolRecord readAt(final long end) throws IOException {
        final long at = position.offset();
        if (end - at < SpoolFrames.HEADER) {
            return null;
        }
        final ByteBuffer header = ByteBuffer.allocate(SpoolFrames.HEADER);
        readFully(header, at);
        final int length = SpoolFrames.bodyLength(header);
        if (length < 0 || end - at - SpoolFrames.HEADER < length) {
            return null;
        }
        final ByteBuffer body = ByteBuffer.allocate(length);
        readFully(body, at + SpoolFrames.HEADER);
        final SpoolRecord r = SpoolFrames.decode(header.getInt(4), body.array());
        if (r != null) {
            position = new SpoolPosition(position.segment(), at + SpoolFrames.HEADER + length);
        }
        return r;
    }

    private void readFully(final ByteBuffer b, final long at) throws IOException {
        long p = at;
        while (b.hasRemaining()) {
            final int n = channel.read(b, p);
            if (n < 0) {
                throw new IOException("spool segment " + spool.segment(position.segment()) + " ended while reading");
            }
            p += n;
        }
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }
}
