package io.cellfloor.schema.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.avro.SystemLimitException;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** The generic decode path refuses what would make it allocate without bound, before asking the registry. */
class AvroLimitsTest {

    @Test
    void shouldRefuseARecordLargerThanTheConfiguredCapBeforeDecoding() {
        final ConfluentAvroDeserializer<GenericRecord> generic = ConfluentAvroDeserializer.generic(null);
        generic.configure(Map.of("schema.registry.url", "http://127.0.0.1:1",
                ConfluentAvroDeserializer.MAX_RECORD_BYTES, "64"), false);
        final byte[] tooLarge = new byte[65];

        assertThatThrownBy(() -> generic.deserialize("cellfloor.samples.v1", tooLarge))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("65 bytes")
                .hasMessageContaining("cellfloor.avro.max-record-bytes=64");
    }

    @Test
    void shouldCapAvroStringBytesAndCollectionLengthsAtTheLargestRecord() {
        assertThat(ConfluentAvroDeserializer.MAX_RECORD_BYTES).isEqualTo("cellfloor.avro.max-record-bytes");
        for (final String property : new String[] {SystemLimitException.MAX_STRING_LENGTH_PROPERTY,
                SystemLimitException.MAX_BYTES_LENGTH_PROPERTY, SystemLimitException.MAX_COLLECTION_LENGTH_PROPERTY}) {
            assertThat(System.getProperty(property)).as(property).isEqualTo(Integer.toString(16 << 20));
        }
    }

    @Test
    void shouldRefuseANonNumericCap() {
        assertThatThrownBy(() -> ConfluentAvroDeserializer.generic(null).configure(Map.of(
                "schema.registry.url", "http://127.0.0.1:1", ConfluentAvroDeserializer.MAX_RECORD_BYTES, "lots"), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cellfloor.avro.max-record-bytes");
    }
}
