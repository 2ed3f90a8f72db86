package io.cellfloor.schema.serde;

import io.cellfloor.schema.registry.SchemaRegistryClient;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Ready-configured Confluent wire-format Avro serdes for cellfloor's records, sharing one registry client.
 *
 * <pre>{@code
 * SchemaRegistryClient registry = new HttpSchemaRegistryClient(RegistryConfig.fromMap(config));
 * Serde<SampleBatch> samples = CellfloorSerdes.value(SampleBatch.class, registry, config);
 * }</pre>
 *
 * <p>{@code config} is read for the {@link io.cellfloor.schema.registry.RegistryConfig} keys that shape the serdes
 * ({@code auto.register.schemas}, {@code key.subject.name.strategy}, {@code value.subject.name.strategy}); the
 * connection itself is the client's. For unit tests pass an
 * {@link io.cellfloor.schema.registry.InMemorySchemaRegistryClient}.
 */
public final class CellfloorSerdes {

    private CellfloorSerdes() {
    }

    /** A serde for record values of {@code type}. */
    public static <T extends SpecificRecord> Serde<T> value(final Class<T> type, final SchemaRegistryClient client,
                                                            final Map<String, ?> config) {
        return specific(type, client, config, false);
    }

    /** A serde for record keys of {@code type}. */
    public static <T extends SpecificRecord> Serde<T> key(final Class<T> type, final SchemaRegistryClient client,
                                                          final Map<String, ?> config) {
        return specific(type, client, config, true);
    }

    /** A serde for generated records of {@code type}, as key or value. */
    public static <T extends SpecificRecord> Serde<T> specific(final Class<T> type, final SchemaRegistryClient client,
                                                               final Map<String, ?> config, final boolean isKey) {
        final Serde<T> serde = Serdes.serdeFrom(new ConfluentAvroSerializer<>(client),
            new ConfluentAvroDeserializer<>(client, type));
        serde.configure(config, isKey);
        return serde;
    }

    /** A serde for GenericRecords, read with each record's writer schema. */
    public static Serde<GenericRecord> generic(final SchemaRegistryClient client, final Map<String, ?> config,
                                               final boolean isKey) {
        final Serde<GenericRecord> serde = Serdes.serdeFrom(new ConfluentAvroSerializer<>(client),
            ConfluentAvroDeserializer.generic(client));
        serde.configure(config, isKey);
        return serde;
    }
}
