package io.cellfloor.schema.serde;

import io.cellfloor.schema.registry.HttpSchemaRegistryClient;
import io.cellfloor.schema.registry.RegistryConfig;
import io.cellfloor.schema.registry.SchemaRegistryClient;
import io.cellfloor.schema.registry.SchemaRegistryException;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent wire-format Avro records: checks the magic byte, fetches the writer schema by the id in the record
 * (once per id), and resolves it to the reader schema, so records written with an older (or newer, compatible)
 * schema read as the reader's type. That resolution is what makes BACKWARD schema evolution work end to end.
 *
 * <p>Reader schema: a generated class's own ({@link #ConfluentAvroDeserializer(SchemaRegistryClient, Class)}); a
 * given one, or the writer's, for {@link GenericRecord}s ({@link #generic}). When Kafka instantiates it by class name,
 * {@link #configure} builds the client from {@code schema.registry.url} and reads {@code specific.avro.reader}: true
 * reads into the generated class named like the writer schema, false (default) into GenericRecords.
 *
 * <p>Why the caching: one reader per writer schema id, the last one kept in a field, and a decoder reused per
 * thread, so a record costs no lookup or HTTP once its id was seen. Thread-safe. Failures are
 * {@link SerializationException}s saying what is wrong with the bytes, so a Streams deserialization handler or a
 * dead-letter path can report them.
 */
public final class ConfluentAvroDeserializer<T extends IndexedRecord> implements Deserializer<T> {

    /** Confluent's key: read into generated classes rather than GenericRecords. */
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";

    /** The largest serialized record read, in bytes; larger ones fail before any decoding (16 MiB by default). */
    public static final String MAX_RECORD_BYTES = AvroLimits.MAX_RECORD_BYTES;

    static {
        TrustedAvroClasses.install();
        AvroLimits.install();
    }

    private final Class<T> specificType;
    private final Schema fixedReaderSchema;
    private final Map<Integer, DatumReader<T>> readersById = new ConcurrentHashMap<>();
    private final ThreadLocal<BinaryDecoder> decoders = new ThreadLocal<>();
    private volatile IdReader<T> lastReader;
    // written by configure(), read by the threads that deserialize
    private volatile SchemaRegistryClient client;
    private volatile boolean specificReader;
    private volatile int maxRecordBytes = AvroLimits.DEFAULT_MAX_RECORD_BYTES;

    /** For Kafka's instantiation by class name; {@link #configure} must follow. */
    public ConfluentAvroDeserializer() {
        this(null, null, null);
    }

    /** Reads into {@code type}, resolving every writer schema to {@code type}'s own schema. */
    public ConfluentAvroDeserializer(final SchemaRegistryClient client, final Class<T> type) {
        this(client, Objects.requireNonNull(type, "type"), SpecificData.get().getSchema(type));
        this.specificReader = true;
    }

    private ConfluentAvroDeserializer(final SchemaRegistryClient client, final Class<T> specificType,
                                      final Schema fixedReaderSchema) {
        this.client = client;
        this.specificType = specificType;
        this.fixedReaderSchema = fixedReaderSchema;
    }

    /** Reads GenericRecords with each record's writer schema as the reader schema. */
    public static ConfluentAvroDeserializer<GenericRecord> generic(final SchemaRegistryClient client) {
        return new ConfluentAvroDeserializer<>(client, null, null);
    }

    /** Reads GenericRecords of {@code readerSchema}, resolving each writer schema to it. */
    public static ConfluentAvroDeserializer<GenericRecord> generic(final SchemaRegistryClient client,
                                                                   final Schema readerSchema) {
        return new ConfluentAvroDeserializer<>(client, null, readerSchema);
    }

    @Override
    public void configure(final Map<String, ?> configs, final boolean isKey) {
        if (client == null) {
            client = new HttpSchemaRegistryClient(RegistryConfig.fromMap(configs));
        }
        if (specificType == null && configs.containsKey(SPECIFIC_AVRO_READER)) {
            specificReader = Boolean.parseBoolean(String.valueOf(configs.get(SPECIFIC_AVRO_READER)));
        }
        final Object max = configs.get(MAX_RECORD_BYTES);
        if (max != null) {
            try {
                maxRecordBytes = Integer.parseInt(String.valueOf(max).trim());
            } catch (final NumberFormatException e) {
                throw new IllegalArgumentException(MAX_RECORD_BYTES + " must be a number of bytes, was '" + max + "'",
                    e);
            }
        }
        readersById.clear();
        lastReader = null;
    }

    @Override
    public T deserialize(final String topic, final byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length > maxRecordBytes) {
            throw new SerializationException("Refusing a record of " + data.length + " bytes on topic '" + topic
                + "': larger than " + MAX_RECORD_BYTES + "=" + maxRecordBytes);
        }
        final int schemaId = ConfluentWireFormat.schemaId(topic, data);
        final DatumReader<T> reader = readerFor(topic, schemaId);
        final BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, ConfluentWireFormat.HEADER_SIZE,
            data.length - ConfluentWireFormat.HEADER_SIZE, decoders.get());
        decoders.set(decoder);
        try {
            return reader.read(null, decoder);
        } catch (final IOException | AvroRuntimeException | IndexOutOfBoundsException e) {
            throw new SerializationException("Could not read a record of schema id " + schemaId + " on topic '"
                + topic + "' (" + data.length + " bytes): the Avro payload does not match its writer schema"
                + " or cannot be resolved to the reader schema: " + e, e);
        } catch (final SecurityException e) {
            throw new SerializationException("Avro refused to load a class while reading schema id " + schemaId
                + " on topic '" + topic + "': " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        readersById.clear();
    }

    private DatumReader<T> readerFor(final String topic, final int schemaId) {
        final IdReader<T> last = lastReader;
        if (last != null && last.schemaId() == schemaId) {
            return last.reader();
        }
        DatumReader<T> reader = readersById.get(schemaId);
        if (reader == null) {
            reader = newReader(topic, schemaId);
            readersById.put(schemaId, reader);
        }
        lastReader = new IdReader<>(schemaId, reader);
        return reader;
    }

    private DatumReader<T> newReader(final String topic, final int schemaId) {
        if (client == null) {
            throw new IllegalStateException("ConfluentAvroDeserializer has no registry client: pass one to the "
                + "constructor or call configure() with " + RegistryConfig.URL);
        }
        final Schema writer;
        try {
            writer = client.getById(schemaId);
        } catch (final SchemaRegistryException e) {
            final String why = e.isNotFound()
                ? "the registry has no schema with that id (was the record written against another registry?)"
                : "the registry could not be asked";
            throw new SerializationException("Unknown writer schema id " + schemaId + " in a record on topic '" + topic
                + "': " + why + ". " + e.getMessage(), e);
        }
        if (specificType != null) {
            return new SpecificDatumReader<>(writer, fixedReaderSchema, SpecificData.getForClass(specificType));
        }
        if (specificReader) {
            return specificReaderByName(topic, schemaId, writer);
        }
        return new GenericDatumReader<>(writer, fixedReaderSchema == null ? writer : fixedReaderSchema,
            GenericData.get());
    }

    private DatumReader<T> specificReaderByName(final String topic, final int schemaId, final Schema writer) {
        final Class<?> type = generatedClass(writer.getFullName());
        if (type == null) {
            throw new SerializationException("No generated class " + writer.getFullName() + " on the classpath for "
                + "schema id " + schemaId + " on topic '" + topic + "'; set " + SPECIFIC_AVRO_READER
                + "=false to read GenericRecords");
        }
        return new SpecificDatumReader<>(writer, SpecificData.get().getSchema(type), SpecificData.getForClass(type));
    }

    /**
     * The generated record class named by a writer schema, loaded without initializing it and accepted only if it
     * is a SpecificRecord: a schema from the registry must not make us run arbitrary classes. (Avro's own lookup,
     * {@code SpecificData.getClass}, refuses our classes unless they are listed in its global trust settings.)
     */
    private static Class<?> generatedClass(final String name) {
        final ClassLoader context = Thread.currentThread().getContextClassLoader();
        final ClassLoader loader = context != null ? context : ConfluentAvroDeserializer.class.getClassLoader();
        try {
            final Class<?> type = Class.forName(name, false, loader);
            return SpecificRecord.class.isAssignableFrom(type) ? type : null;
        } catch (final ClassNotFoundException e) {
            return null;
        }
    }

    /** The reader for the id seen last: most topics carry one writer schema at a time. */
    private record IdReader<T>(int schemaId, DatumReader<T> reader) {
    }
}
