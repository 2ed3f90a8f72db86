package io.cellfloor.ingest.spool;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The on-disk frame of one spool record: {@code int length, int crc32c, body}; the body holds topic, key,
 * timestamp, sequence, samples, appended-at and the value. A torn or corrupt tail frame reads as "no record".
 */
final class SpoolFrames {
    static final int HEADER = 8;
    private static final int MAX_FRAME = 64 * 1024 * 1024;

    private SpoolFrames() {
    }

    static byte[] encode(final SpoolRecord r) {
        final byte[] topic = r.topic().getBytes(StandardCharsets.UTF_8);
        final byte[] key = r.key() == null ? null : r.key().getBytes(StandardCharsets.UTF_8);
        final int bodyLength = 2 + topic.length + 4 + (key == null ? 0 : key.length) + 8 + 8 + 4 + 8 + 4
                + r.value().length;
        final ByteBuffer b = ByteBuffer.allocate(HEADER + bodyLength);
        b.putInt(bodyLength).putInt(0);
        b.putShort((short) topic.length).put(topic);
        b.putInt(key == null ? -1 : key.length);
        if (key != null) {
            b.put(key);
        }
        b.putLong(r.timestampMs()).putLong(r.sequence()).putInt(r.samples()).putLong(r.appendedAtMs());
        b.putInt(r.value().length).put(r.value());
        final CRC32C crc = new CRC32C();
        crc.update(b.array(), HEADER, bodyLength);
        b.putInt(4, (int) crc.getValue());
        return b.array();
    }

    /** The body length from a frame header, or -1 when the header cannot start a frame. */
    static int bodyLength(final ByteBuffer header) {
        final int length = header.getInt(0);
        return length < 0 || length > MAX_FRAME ? -1 : length;
    }

    /** The record of a frame body, or null when its checksum does not match (a torn or corrupt write). */
    static SpoolRecord decode(final int crcValue, final byte[] body) {
        final CRC32C crc = new CRC32C();
        crc.update(body, 0, body.length);
        if ((int) crc.getValue() != crcValue) {
            return null;
        }
        final ByteBuffer b = ByteBuffer.wrap(body);
        final byte[] topic = new byte[b.getShort()];
        b.get(topic);
        final int keyLength = b.getInt();
        String key = null;
        if (keyLength >= 0) {
            final byte[] k = new byte[keyLength];
            b.get(k);
            key = new String(k, StandardCharsets.UTF_8);
        }
        final long timestamp = b.getLong();
        final long sequence = b.getLong();
        final int samples = b.getInt();
        final long appendedAt = b.getLong();
        final byte[] value = new byte[b.getInt()];
        b.get(value);
        return new SpoolRecord(new String(topic, StandardCharsets.UTF_8), key, timestamp, sequence, samples,
                appendedAt, value);
    }
}
