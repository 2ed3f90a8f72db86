package io.cellfloor.schema.serde;

import io.cellfloor.schema.registry.HttpSchemaRegistryClient;
import io.cellfloor.schema.registry.RegistryConfig;
import io.cellfloor.schema.registry.SchemaRegistryClient;
import io.cellfloor.schema.registry.SchemaRegistryException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records (generated {@link SpecificRecord}s or {@link org.apache.avro.generic.GenericRecord}s) in
 * Confluent's wire format, so Confluent's deserializers, ksqlDB, Connect and cellfloor's own
 * {@link ConfluentAvroDeserializer} can read them.
 *
 * <p>The record's schema is registered under the subject its {@link io.cellfloor.schema.registry.SubjectNameStrategy}
 * names (or, with {@code auto.register.schemas=false}, only looked up). Why the caching: samples arrive at up to a
 * million a second, so per topic the last schema's id and writer are kept, and a record whose schema is the same
 * instance (every generated record's is) costs no lookup, no HTTP and one allocation, the result array; the encoder
 * and buffer are reused per thread. Thread-safe: a Streams app shares one instance across its threads.
 *
 * <p>Construct with a client (tests, {@link CellfloorSerdes}), or without one when Kafka instantiates it from
 * {@code value.serializer}: {@link #configure} then builds an {@link HttpSchemaRegistryClient} from
 * {@code schema.registry.url} and the other keys of {@link RegistryConfig}.
 */
public final class ConfluentAvroSerializer<T extends IndexedRecord> implements Serializer<T> {

    private final Map<String, TopicWriter<T>> writersByTopic = new ConcurrentHashMap<>();
    private final ThreadLocal<Encoding> encodings = ThreadLocal.withInitial(Encoding::new);
    // written by configure(), read by the threads that serialize
    private volatile SchemaRegistryClient client;
    private volatile RegistryConfig config = RegistryConfig.fromMap(Map.of());
    private volatile boolean isKey;

    /** For Kafka's instantiation by class name; {@link #configure} must follow. */
    public ConfluentAvroSerializer() {
    }

    /** Uses {@code client}; {@link #configure} is optional (defaults: value, TopicNameStrategy, auto-register). */
    public ConfluentAvroSerializer(final SchemaRegistryClient client) {
        this.client = client;
    }

    @Override
    public void configure(final Map<String, ?> configs, final boolean isKey) {
        this.config = RegistryConfig.fromMap(configs);
        this.isKey = isKey;
        if (client == null) {
            client = new HttpSchemaRegistryClient(config);
        }
        writersByTopic.clear();
    }

    @Override
    public byte[] serialize(final String topic, final T data) {
        if (data == null) {
            return null;
        }
        final Schema schema = data.getSchema();
        TopicWriter<T> writer = writersByTopic.get(topic);
        if (writer == null || writer.schema() != schema) {
            writer = newWriter(topic, data);
            writersByTopic.put(topic, writer);
        }
        final Encoding encoding = encodings.get();
        encoding.buffer.resetWithHeader(ConfluentWireFormat.HEADER_SIZE);
        encoding.encoder = EncoderFactory.get().binaryEncoder(encoding.buffer, encoding.encoder);
        try {
            writer.datumWriter().write(data, encoding.encoder);
            encoding.encoder.flush();
        } catch (final IOException | AvroRuntimeException | NullPointerException | ClassCastException e) {
            throw new SerializationException("Could not serialize a " + schema.getFullName() + " for topic '" + topic
                + "' (schema id " + writer.schemaId() + "): " + e.getMessage(), e);
        }
        ConfluentWireFormat.writeHeader(encoding.buffer.array(), 0, writer.schemaId());
        return encoding.buffer.toByteArray();
    }

    @Override
    public void close() {
        writersByTopic.clear();
    }

    private TopicWriter<T> newWriter(final String topic, final T data) {
        if (client == null) {
            throw new IllegalStateException("ConfluentAvroSerializer has no registry client: pass one to the "
                + "constructor or call configure() with " + RegistryConfig.URL);
        }
        final Schema schema = data.getSchema();
        final String subject = config.subjectNameStrategy(isKey).subject(topic, isKey, schema);
        final int id;
        try {
            id = config.autoRegisterSchemas() ? client.register(subject, schema) : client.idOf(subject, schema);
        } catch (final SchemaRegistryException e) {
            throw new SerializationException("Could not get a schema id for a " + schema.getFullName() + " on topic '"
                + topic + "' (subject '" + subject + "', " + RegistryConfig.AUTO_REGISTER + "="
                + config.autoRegisterSchemas() + "): " + e.getMessage(), e);
        }
        final DatumWriter<T> datumWriter = data instanceof SpecificRecord
            ? new SpecificDatumWriter<>(schema, SpecificData.getForClass(data.getClass()))
            : new GenericDatumWriter<>(schema, GenericData.get());
        return new TopicWriter<>(schema, id, datumWriter);
    }

    /** What a topic's records were last written with; replaced when a record of another schema comes. */
    private record TopicWriter<T>(Schema schema, int schemaId, DatumWriter<T> datumWriter) {
    }

    /** One thread's reusable buffer and encoder. */
    private static final class Encoding {
        private final GrowableBuffer buffer = new GrowableBuffer();
        private BinaryEncoder encoder;
    }
}
