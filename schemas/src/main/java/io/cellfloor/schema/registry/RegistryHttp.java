package io.cellfloor.schema.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of {@link HttpSchemaRegistryClient}: Confluent content types, authentication, retries with backoff
 * on connection errors and 5xx/429 (never on other 4xx or TLS failures, which retrying cannot fix), and errors that
 * carry the URL, the status and the registry's message.
 */
final class RegistryHttp {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryHttp.class);
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT =
        "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
    private static final int MAX_BODY_IN_MESSAGE = 500;

    private final List<URI> baseUrls;
    private final Optional<String> authorization;
    private final RegistryConfig config;
    private final HttpClient http;
    private final ObjectMapper json;
    /** Set while calls fail for want of an answer: the first retry of an outage is a WARN, the rest DEBUG. */
    private final AtomicBoolean failing = new AtomicBoolean();

    RegistryHttp(final RegistryConfig config, final Optional<SSLContext> sslContext, final ObjectMapper json) {
        if (config.urls().isEmpty()) {
            throw new IllegalArgumentException(RegistryConfig.URL
                + " is not set: give the Confluent-compatible registry's base URL, e.g. http://localhost:8081");
        }
        this.baseUrls = config.urls();
        this.config = config;
        this.json = json;
        this.authorization = config.basicAuthUserInfo()
            .map(info -> "Basic " + Base64.getEncoder().encodeToString(info.getBytes(StandardCharsets.UTF_8)))
            .or(() -> config.bearerToken().map(token -> "Bearer " + token));
        final HttpClient.Builder builder = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(config.connectTimeout());
        sslContext.or(() -> RegistryTls.fromTruststore(config)).ifPresent(builder::sslContext);
        this.http = builder.build();
    }

    /** The first base URL, for messages. */
    String baseUrl() {
        return baseUrls.get(0).toString();
    }

    JsonNode get(final String path, final String action) {
        return send("GET", path, null, action);
    }

    JsonNode post(final String path, final JsonNode body, final String action) {
        return send("POST", path, body, action);
    }

    private JsonNode send(final String method, final String path, final JsonNode body, final String action) {
        final int attempts = config.maxRetries() + 1;
        for (int attempt = 1; ; attempt++) {
            // with several URLs, each retry moves on to the next one
            final URI uri = URI.create(stripSlash(baseUrls.get((attempt - 1) % baseUrls.size()).toString()) + path);
            final Attempt outcome = exchange(method, uri, body, action, attempt == attempts, attempts);
            if (outcome.response() != null) {
                if (failing.compareAndSet(true, false)) {
                    LOG.info("Schema registry answers again ({} {})", method, uri);
                }
                return outcome.response();
            }
            final Duration wait = backoff(attempt);
            if (failing.compareAndSet(false, true)) {
                LOG.warn("Schema registry: could not {} ({} {}, attempt {} of {}): {}; retrying in {} ms (further "
                        + "retries until it answers again are logged at DEBUG)",
                    action, method, uri, attempt, attempts, outcome.retryReason(), wait.toMillis());
            } else {
                LOG.debug("Schema registry: could not {} ({} {}, attempt {} of {}): {}; retrying in {} ms",
                    action, method, uri, attempt, attempts, outcome.retryReason(), wait.toMillis());
            }
            sleep(wait, action);
        }
    }

    /** One request: the parsed response, or why it is worth retrying; throws when it is not (or no tries are left). */
    private Attempt exchange(final String method, final URI uri, final JsonNode body, final String action,
                             final boolean lastAttempt, final int attempts) {
        try {
            final HttpResponse<byte[]> response = http.send(request(method, uri, body),
                HttpResponse.BodyHandlers.ofByteArray());
            final int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Attempt(json.readTree(response.body()), null);
            }
            final SchemaRegistryException error = failure(action, method, uri, status, response.body());
            if ((status < 500 && status != 429) || lastAttempt) {
                throw error;
            }
            return new Attempt(null, "HTTP " + status);
        } catch (final SSLException e) {
            // a certificate the truststore does not trust stays untrusted: retrying only delays the message
            throw new SchemaRegistryException("TLS with the schema registry failed: could not " + action + " with "
                + method + " " + uri + ": " + e + ". Check " + RegistryConfig.TRUSTSTORE_LOCATION + " and "
                + RegistryConfig.TRUSTSTORE_TYPE + ", or the certificate's host names", e);
        } catch (final IOException e) {
            if (lastAttempt) {
                throw new SchemaRegistryException("Schema registry unreachable: could not " + action + " with "
                    + method + " " + uri + " after " + attempts + " attempt(s): " + e
                    + ". Is the registry running, and is " + RegistryConfig.URL + " right?", e);
            }
            return new Attempt(null, e.toString());
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("Interrupted while trying to " + action + " (" + uri + ")", e);
        }
    }

    private HttpRequest request(final String method, final URI uri, final JsonNode body) throws IOException {
        final HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
            .timeout(config.requestTimeout())
            .header("Accept", ACCEPT)
            .header("User-Agent", "cellfloor-schema-registry-client");
        authorization.ifPresent(value -> builder.header("Authorization", value));
        if (body == null) {
            return builder.GET().build();
        }
        return builder.header("Content-Type", CONTENT_TYPE)
            .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
            .build();
    }

    private SchemaRegistryException failure(final String action, final String method, final URI uri,
                                            final int status, final byte[] body) {
        String message = new String(body, StandardCharsets.UTF_8).strip();
        int errorCode = 0;
        try {
            final JsonNode error = json.readTree(body);
            if (error != null && error.hasNonNull("message")) {
                message = error.get("message").asText();
                errorCode = error.path("error_code").asInt(0);
            }
        } catch (final IOException notJson) {
            // keep the raw body: a proxy's HTML error page still says something
        }
        if (message.length() > MAX_BODY_IN_MESSAGE) {
            message = message.substring(0, MAX_BODY_IN_MESSAGE) + "...";
        }
        final String hint = status == 401 || status == 403
            ? " Check " + RegistryConfig.BASIC_AUTH_USER_INFO + " / " + RegistryConfig.BEARER_AUTH_TOKEN + "." : "";
        return new SchemaRegistryException("Schema registry could not " + action + ": HTTP " + status + " from "
            + method + " " + uri + ": " + (message.isEmpty() ? "(no message)" : message)
            + (errorCode != 0 ? " (error_code " + errorCode + ")" : "") + "." + hint, status, errorCode);
    }

    private Duration backoff(final int attempt) {
        final long wait = config.retryWait().toMillis() << Math.min(attempt - 1, 20);
        return Duration.ofMillis(Math.min(wait, config.retryMaxWait().toMillis()));
    }

    private static void sleep(final Duration wait, final String action) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("Interrupted while waiting to retry: " + action, e);
        }
    }

    private static String stripSlash(final String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** A response, or else the reason to try again. */
    private record Attempt(JsonNode response, String retryReason) {
    }
}
