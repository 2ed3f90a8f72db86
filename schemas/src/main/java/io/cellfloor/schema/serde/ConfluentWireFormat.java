package io.cellfloor.schema.serde;

import java.util.Locale;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent's framing of a record: magic byte {@code 0}, the writer schema's global id as a 4-byte big-endian int,
 * then the Avro binary encoding. Anything that reads or writes cellfloor topics outside the serdes (tools, dead-letter
 * inspection) should use this class rather than re-deriving offsets.
 */
public final class ConfluentWireFormat {

    /** The first byte of every framed record. */
    public static final byte MAGIC_BYTE = 0;
    /** Magic byte plus schema id: where the Avro payload starts. */
    public static final int HEADER_SIZE = 5;

    private ConfluentWireFormat() {
    }

    /**
     * The writer schema id of a framed record.
     *
     * @param topic only for the message
     * @throws SerializationException saying why the bytes are not Confluent wire format
     */
    public static int schemaId(final String topic, final byte[] data) {
        if (data.length < HEADER_SIZE) {
            throw new SerializationException("Not Confluent wire format: a record on topic '" + topic + "' is "
                + data.length + " bytes, shorter than the 5-byte header (magic byte 0, 4-byte schema id)");
        }
        if (data[0] != MAGIC_BYTE) {
            throw new SerializationException("Not Confluent wire format: first byte was " + describe(data[0])
                + " on topic '" + topic + "', expected the magic byte 0 followed by a 4-byte schema id."
                + " Was the record written by a plain Avro, JSON or string serializer?");
        }
        return ((data[1] & 0xff) << 24) | ((data[2] & 0xff) << 16) | ((data[3] & 0xff) << 8) | (data[4] & 0xff);
    }

    /** Writes the 5-byte header into {@code target} at {@code offset}. */
    static void writeHeader(final byte[] target, final int offset, final int schemaId) {
        target[offset] = MAGIC_BYTE;
        target[offset + 1] = (byte) (schemaId >>> 24);
        target[offset + 2] = (byte) (schemaId >>> 16);
        target[offset + 3] = (byte) (schemaId >>> 8);
        target[offset + 4] = (byte) schemaId;
    }

    private static String describe(final byte b) {
        final String hex = String.format(Locale.ROOT, "0x%02X", b & 0xff);
        return b >= 0x20 && b < 0x7f ? hex + " ('" + (char) b + "')" : hex;
    }
}
