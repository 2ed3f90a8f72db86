package io.cellfloor.schema.registry;

import java.util.List;
import org.apache.avro.Schema;

/**
 * The few Schema Registry operations cellfloor's serdes and tools need, in Confluent's terms (subjects, versions,
 * global schema ids).
 *
 * <p>Why our own: Confluent's client is not on Maven Central. Two implementations: {@link HttpSchemaRegistryClient}
 * talks to any Confluent-compatible registry; {@link InMemorySchemaRegistryClient} is for unit tests without one.
 * Implementations are thread-safe and cache what cannot change (an id's schema, a schema's id under a subject), so
 * serdes may call them per record.
 *
 * <p>Failures are {@link SchemaRegistryException}s that say what was attempted, where, and what the registry said.
 */
public interface SchemaRegistryClient {

    /**
     * Registers {@code schema} under {@code subject} (or finds it already there) and returns its global id.
     *
     * @throws SchemaRegistryException with status 409 when the subject's compatibility rule rejects the schema
     */
    int register(String subject, Schema schema);

    /**
     * The id of {@code schema} as already registered under {@code subject}, without registering it.
     *
     * @throws SchemaRegistryException with status 404 when the schema is not registered under the subject
     */
    int idOf(String subject, Schema schema);

    /**
     * The schema with this global id; cached forever, as ids never change meaning.
     *
     * @throws SchemaRegistryException with status 404 when no schema has this id
     */
    Schema getById(int id);

    /**
     * The newest version registered under {@code subject}; never cached, as it changes when someone registers.
     *
     * @throws SchemaRegistryException with status 404 when the subject has no versions
     */
    RegisteredSchema latest(String subject);

    /**
     * Whether the subject's compatibility rule would accept {@code schema} as its next version. A subject with no
     * versions yet accepts anything.
     */
    boolean testCompatibility(String subject, Schema schema);

    /** Every subject with at least one version. */
    List<String> subjects();
}
