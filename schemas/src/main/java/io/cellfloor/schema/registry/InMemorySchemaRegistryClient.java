package io.cellfloor.schema.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * A {@link SchemaRegistryClient} that keeps everything in this object, for unit tests with
 * {@code TopologyTestDriver} and other tests that should not need a registry process.
 *
 * <p>Create one per test and hand the same instance to the serializers and deserializers that must agree on ids
 * (there is deliberately no shared static registry, unlike Confluent's {@code mock://} URLs). Ids are global and
 * per distinct schema, as in a real registry; registration applies a {@link CompatibilityLevel} (default BACKWARD,
 * cellfloor's policy) and fails with status 409 like a real registry. Not for production: nothing is persisted.
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {

    private final CompatibilityLevel compatibility;
    private final Map<String, List<RegisteredSchema>> versionsBySubject = new LinkedHashMap<>();
    private final Map<Schema, Integer> idsBySchema = new HashMap<>();
    private final Map<Integer, Schema> schemasById = new HashMap<>();

    /** Applies BACKWARD compatibility, as cellfloor's registries do. */
    public InMemorySchemaRegistryClient() {
        this(CompatibilityLevel.BACKWARD);
    }

    public InMemorySchemaRegistryClient(final CompatibilityLevel compatibility) {
        this.compatibility = compatibility;
    }

    @Override
    public synchronized int register(final String subject, final Schema schema) {
        final List<RegisteredSchema> versions = versionsBySubject.getOrDefault(subject, List.of());
        for (final RegisteredSchema version : versions) {
            if (version.schema().equals(schema)) {
                return version.id();
            }
        }
        if (!compatibility.accepts(schema, versions.stream().map(RegisteredSchema::schema).toList())) {
            throw new SchemaRegistryException("Schema " + schema.getFullName() + " is incompatible with subject '"
                + subject + "': the subject's compatibility rule (" + compatibility + ") rejected it as its next "
                + "version (in-memory registry)", 409, 409);
        }
        final int id = idsBySchema.computeIfAbsent(schema, s -> idsBySchema.size() + 1);
        schemasById.put(id, schema);
        versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>())
            .add(new RegisteredSchema(subject, versions.size() + 1, id, schema));
        return id;
    }

    @Override
    public synchronized int idOf(final String subject, final Schema schema) {
        return versionsBySubject.getOrDefault(subject, List.of()).stream()
            .filter(version -> version.schema().equals(schema))
            .mapToInt(RegisteredSchema::id)
            .findFirst()
            .orElseThrow(() -> new SchemaRegistryException("Schema " + schema.getFullName()
                + " is not registered under subject '" + subject + "' (in-memory registry)", 404, 40403));
    }

    @Override
    public synchronized Schema getById(final int id) {
        final Schema schema = schemasById.get(id);
        if (schema == null) {
            throw new SchemaRegistryException("No schema with id " + id + " (in-memory registry holds ids 1.."
                + schemasById.size() + ")", 404, 40403);
        }
        return schema;
    }

    @Override
    public synchronized RegisteredSchema latest(final String subject) {
        final List<RegisteredSchema> versions = versionsBySubject.get(subject);
        if (versions == null) {
            throw new SchemaRegistryException("Subject '" + subject + "' not found (in-memory registry)", 404, 40401);
        }
        return versions.get(versions.size() - 1);
    }

    @Override
    public synchronized boolean testCompatibility(final String subject, final Schema schema) {
        return compatibility.accepts(schema, versionsBySubject.getOrDefault(subject, List.of()).stream()
            .map(RegisteredSchema::schema).toList());
    }

    @Override
    public synchronized List<String> subjects() {
        return List.copyOf(versionsBySubject.keySet());
    }
}
