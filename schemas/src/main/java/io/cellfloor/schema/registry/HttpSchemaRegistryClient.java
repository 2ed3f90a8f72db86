package io.cellfloor.schema.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * A {@link SchemaRegistryClient} for any Confluent-compatible Schema Registry REST API: Confluent's own, or
 * Apicurio's {@code /apis/ccompat/v7} (what cellfloor's tests and demo run).
 *
 * <p>Why caches: serdes ask for an id per record. A schema's id under a subject and an id's schema never change once
 * known, so each is fetched once per client; after warm-up the hot path makes no HTTP calls. Only
 * {@link #latest(String)}, {@link #testCompatibility} and {@link #subjects()} always go to the registry.
 *
 * <p>Configure with {@link RegistryConfig} (Confluent's keys); TLS from a given {@link SSLContext} or the configured
 * truststore. Thread-safe; share one per application.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient {
    /** Attempts at registering a version while the registry answers 409 (see {@link #postVersion}). */
    private static final int CONFLICT_ATTEMPTS = 5;

    private final RegistryHttp http;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    /** A client for {@code config.urls()}, trusting the configured truststore or else the JVM's default. */
    public HttpSchemaRegistryClient(final RegistryConfig config) {
        this.http = new RegistryHttp(config, Optional.empty(), json);
    }

    /** A client for {@code config.urls()} over TLS set up by the caller (e.g. mutual TLS). */
    public HttpSchemaRegistryClient(final RegistryConfig config, final SSLContext sslContext) {
        this.http = new RegistryHttp(config, Optional.of(sslContext), json);
    }

    @Override
    public int register(final String subject, final Schema schema) {
        final Integer cached = cachedId(subject, schema);
        if (cached != null) {
            return cached;
        }
        final String action = "register schema " + schema.getFullName() + " under subject '" + subject + "'";
        final JsonNode response;
        try {
            response = postVersion(subject, schema, action);
        } catch (final SchemaRegistryException e) {
            if (e.isIncompatible()) {
                throw new SchemaRegistryException("Schema " + schema.getFullName() + " is incompatible with subject '"
                    + subject + "': the subject's compatibility rule rejected it as its next version. Evolve the "
                    + "schema compatibly (for cellfloor: BACKWARD, new fields need defaults). " + e.getMessage(),
                    e.statusCode(), e.errorCode());
            }
            throw e;
        }
        return remember(subject, schema, requiredInt(response, "id", action));
    }

    /**
     * Registers, asking again after a conflict: when several clients register the first version of a subject at the
     * same moment, the registry (Apicurio) answers 409 to all but one of them until that one's version is stored,
     * and asking again then finds the subject and returns the id. A schema that really is incompatible gets its
     * 409 after {@link #CONFLICT_ATTEMPTS} attempts, about 1.5 s.
     */
    private JsonNode postVersion(final String subject, final Schema schema, final String action) {
        final String path = "/subjects/" + encode(subject) + "/versions";
        for (int attempt = 1; ; attempt++) {
            try {
                return http.post(path, schemaBody(schema), action);
            } catch (final SchemaRegistryException e) {
                if (!e.isIncompatible() || attempt == CONFLICT_ATTEMPTS) {
                    throw e;
                }
                try {
                    Thread.sleep(50L << attempt);
                } catch (final InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    @Override
    public int idOf(final String subject, final Schema schema) {
        final Integer cached = cachedId(subject, schema);
        if (cached != null) {
            return cached;
        }
        final String action = "look up the id of schema " + schema.getFullName() + " under subject '" + subject + "'";
        final JsonNode response;
        try {
            response = http.post("/subjects/" + encode(subject), schemaBody(schema), action);
        } catch (final SchemaRegistryException e) {
            if (e.isNotFound()) {
                throw new SchemaRegistryException("Schema " + schema.getFullName() + " is not registered under subject '"
                    + subject + "': register it first (or enable " + RegistryConfig.AUTO_REGISTER + "). "
                    + e.getMessage(), e.statusCode(), e.errorCode());
            }
            throw e;
        }
        return remember(subject, schema, requiredInt(response, "id", action));
    }

    @Override
    public Schema getById(final int id) {
        final Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        final String action = "fetch schema id " + id;
        final JsonNode response = http.get("/schemas/ids/" + id, action);
        final Schema schema = parse(response, action);
        final Schema raced = schemasById.putIfAbsent(id, schema);
        return raced == null ? schema : raced;
    }

    @Override
    public RegisteredSchema latest(final String subject) {
        final String action = "fetch the latest version of subject '" + subject + "'";
        final JsonNode response = http.get("/subjects/" + encode(subject) + "/versions/latest", action);
        final int id = requiredInt(response, "id", action);
        final Schema schema = parse(response, action);
        schemasById.putIfAbsent(id, schema);
        return new RegisteredSchema(subject, requiredInt(response, "version", action), id, schema);
    }

    @Override
    public boolean testCompatibility(final String subject, final Schema schema) {
        final String action = "test schema " + schema.getFullName() + " for compatibility with subject '" + subject + "'";
        try {
            final JsonNode response = http.post("/compatibility/subjects/" + encode(subject) + "/versions/latest",
                schemaBody(schema), action);
            return response.path("is_compatible").asBoolean(false);
        } catch (final SchemaRegistryException e) {
            // 40401 subject not found (Confluent), 40402 no version (Apicurio): nothing to be incompatible with
            if (e.isNotFound() && (e.errorCode() == 40401 || e.errorCode() == 40402)) {
                return true;
            }
            throw e;
        }
    }

    @Override
    public List<String> subjects() {
        final List<String> subjects = new ArrayList<>();
        http.get("/subjects", "list subjects").forEach(subject -> subjects.add(subject.asText()));
        return List.copyOf(subjects);
    }

    @Override
    public String toString() {
        return "HttpSchemaRegistryClient[" + http.baseUrl() + "]";
    }

    private Integer cachedId(final String subject, final Schema schema) {
        final Map<Schema, Integer> ids = idsBySubject.get(subject);
        return ids == null ? null : ids.get(schema);
    }

    private int remember(final String subject, final Schema schema, final int id) {
        idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>()).putIfAbsent(schema, id);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    private ObjectNode schemaBody(final Schema schema) {
        return json.createObjectNode().put("schema", schema.toString());
    }

    private Schema parse(final JsonNode response, final String action) {
        final String type = response.path("schemaType").asText("AVRO");
        if (!type.equals("AVRO")) {
            throw new SchemaRegistryException("Could not " + action + " from " + http.baseUrl() + ": it is a " + type
                + " schema; cellfloor reads Avro only", 0, 0);
        }
        final String text = response.path("schema").asText("");
        try {
            return new Schema.Parser().parse(text);
        } catch (final SchemaParseException e) {
            throw new SchemaRegistryException("Could not " + action + " from " + http.baseUrl()
                + ": the registry returned a schema Avro cannot parse: " + e.getMessage(), e);
        }
    }

    private int requiredInt(final JsonNode response, final String field, final String action) {
        final JsonNode value = response.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw new SchemaRegistryException("Could not " + action + ": the response from " + http.baseUrl()
                + " has no integer '" + field + "': " + response, 0, 0);
        }
        return value.intValue();
    }

    private static String encode(final String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
