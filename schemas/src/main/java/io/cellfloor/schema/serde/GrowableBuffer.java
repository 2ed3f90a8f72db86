package io.cellfloor.schema.serde;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A reusable, unsynchronized byte buffer for one thread's serializations: {@link java.io.ByteArrayOutputStream}
 * locks on every write, and a new one per record would regrow its array each time.
 */
final class GrowableBuffer extends OutputStream {

    private byte[] bytes = new byte[4096];
    private int size;

    /** Empties the buffer, keeps its capacity, and reserves {@code headerSize} bytes at the start. */
    void resetWithHeader(final int headerSize) {
        size = headerSize;
    }

    byte[] array() {
        return bytes;
    }

    @Override
    public void write(final int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    @Override
    public void write(final byte[] source, final int offset, final int length) {
        ensure(length);
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
    }

    /** A copy of what was written: the record's bytes, owned by the caller. */
    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(final int extra) {
        if (size + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + extra));
        }
    }
}
