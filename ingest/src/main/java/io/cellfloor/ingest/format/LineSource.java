package io.cellfloor.ingest.format;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a byte stream into lines without decoding it: readers parse numbers straight from the bytes, and only
 * header names and rejected rows are ever turned into Strings. Handles LF and CRLF ends and a UTF-8 byte order
 * mark. A line longer than {@link #MAX_LINE_BYTES} is handed over cut, flagged {@link #overlong()}, and the rest of
 * it skipped, so one binary blob cannot exhaust memory.
 *
 * <p>At the end of the stream {@link #next()} returns false but keeps its place: when the stream later has more
 * (a file the cycler appends to), the next call goes on from there. With {@code holdIncomplete}, a last line
 * without its line end stays buffered until its end arrives.
 */
final class LineSource implements Closeable {
    static final int MAX_LINE_BYTES = 1 << 20;

    private final InputStream in;
    private final boolean holdIncomplete;
    private byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private int start;
    private int end;
    private long lineNumber;
    private boolean overlong;
    private boolean skippingRest;
    private boolean atStart = true;

    LineSource(final InputStream in, final boolean holdIncomplete) {
        this.in = in;
        this.holdIncomplete = holdIncomplete;
    }

    /** Moves to the next complete line; false when there is none now. */
    boolean next() throws IOException {
        while (true) {
            final int nl = indexOfNewline(pos, limit);
            if (nl >= 0) {
                if (skippingRest) {
                    skippingRest = false;
                    pos = nl + 1;
                    continue;
                }
                take(pos, nl, false);
                pos = nl + 1;
                return true;
            }
            if (skippingRest) {
                pos = limit;
            }
            if (limit - pos >= MAX_LINE_BYTES) {
                take(pos, pos + MAX_LINE_BYTES, true);
                pos = limit;
                skippingRest = true;
                return true;
            }
            if (!fill()) {
                if (pos < limit && !holdIncomplete && !skippingRest) {
                    take(pos, limit, false);
                    pos = limit;
                    return true;
                }
                return false;
            }
        }
    }

    private void take(final int from, final int to, final boolean cut) {
        int e = to;
        if (e > from && buf[e - 1] == '\r') {
            e--;
        }
        start = from;
        end = e;
        overlong = cut;
        lineNumber++;
    }

    private int indexOfNewline(final int from, final int to) {
        final byte[] b = buf;
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Reads more bytes, compacting or growing the buffer; false at the end of the stream for now. */
    private boolean fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            final byte[] bigger = new byte[Math.min(buf.length * 2, MAX_LINE_BYTES + 1)];
            System.arraycopy(buf, 0, bigger, 0, limit);
            buf = bigger;
        }
        final int n = in.read(buf, limit, buf.length - limit);
        if (n <= 0) {
            return false;
        }
        limit += n;
        if (atStart && limit >= 3) {
            atStart = false;
            if ((buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) {
                pos = 3;
            }
        }
        return true;
    }

    byte[] buffer() {
        return buf;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    /** The 1-based number of the current line. */
    long lineNumber() {
        return lineNumber;
    }

    boolean overlong() {
        return overlong;
    }

    boolean isBlank() {
        for (int i = start; i < end; i++) {
            if (buf[i] != ' ' && buf[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    /** The current line as text (see {@link Text#decode}), for headers and rejected rows. */
    String text() {
        return Text.decode(buf, start, end);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
