package io.cellfloor.schema.serde;

import org.apache.avro.SystemLimitException;

/**
 * Caps on what one Avro record may make the reader allocate. A few bytes can declare a string, a byte array or a
 * collection of two billion items, and Avro's own default caps are the VM's array limit: one such record on a topic
 * (or a schema registered to hold an array of nulls) takes the reader's heap. No valid record of cellfloor holds a
 * string, byte array or collection longer than the record itself, so the caps are the largest record accepted.
 *
 * <p>Avro reads these limits once, as system properties, when its {@link SystemLimitException} class loads; they
 * are set here (unless the operator set them) from the deserializer's static initializer, which runs before any
 * record is read in this JVM. An operator's {@code -Dorg.apache.avro.limits.*} settings win.
 */
final class AvroLimits {
    /** The largest serialized record the deserializer accepts, unless configured otherwise: 16 MiB. */
    static final int DEFAULT_MAX_RECORD_BYTES = 16 << 20;
    /** Config key of the deserializer's record-size cap. */
    static final String MAX_RECORD_BYTES = "cellfloor.avro.max-record-bytes";

    private AvroLimits() {
    }

    static void install() {
        for (final String property : new String[] {SystemLimitException.MAX_STRING_LENGTH_PROPERTY,
                SystemLimitException.MAX_BYTES_LENGTH_PROPERTY, SystemLimitException.MAX_COLLECTION_LENGTH_PROPERTY}) {
            if (System.getProperty(property) == null) {
                System.setProperty(property, Integer.toString(DEFAULT_MAX_RECORD_BYTES));
            }
        }
    }
}
