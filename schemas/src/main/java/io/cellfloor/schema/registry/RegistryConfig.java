package io.cellfloor.schema.registry;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the registry client and the Confluent-wire serdes are configured with, parsed from the same keys
 * Confluent's client uses, so an existing producer/consumer/Streams config works unchanged.
 *
 * <p>Build it with {@link #fromMap(Map)} from a Kafka-style config map; unknown keys are ignored (a serde receives the
 * whole client config). Keys, with defaults:
 * <ul>
 *   <li>{@value #URL}: comma-separated base URLs, e.g. {@code http://registry:8081}; required for HTTP</li>
 *   <li>{@value #BASIC_AUTH_SOURCE} ({@code USER_INFO} or {@code URL}) and {@value #BASIC_AUTH_USER_INFO}
 *       ({@code user:password}); or {@value #BEARER_AUTH_SOURCE} ({@code STATIC_TOKEN}) and
 *       {@value #BEARER_AUTH_TOKEN}</li>
 *   <li>{@value #TRUSTSTORE_LOCATION}, {@value #TRUSTSTORE_PASSWORD}, {@value #TRUSTSTORE_TYPE} (JKS)</li>
 *   <li>{@value #CONNECT_TIMEOUT_MS} and {@value #READ_TIMEOUT_MS} (60000 each)</li>
 *   <li>{@value #MAX_RETRIES} (3), {@value #RETRIES_WAIT_MS} (1000, doubling per retry),
 *       {@value #RETRIES_MAX_WAIT_MS} (20000): for connection errors and HTTP 5xx/429, never other 4xx</li>
 *   <li>{@value #AUTO_REGISTER} (true): serializers register their schema, else only look up its id</li>
 *   <li>{@value #KEY_SUBJECT_STRATEGY}, {@value #VALUE_SUBJECT_STRATEGY}: {@code TopicNameStrategy} (default),
 *       {@code RecordNameStrategy} or {@code TopicRecordNameStrategy}, by simple or Confluent class name</li>
 * </ul>
 * {@link #toString()} masks the credentials.
 */
public record RegistryConfig(
        List<URI> urls,
        Optional<String> basicAuthUserInfo,
        Optional<String> bearerToken,
        Optional<Path> truststoreLocation,
        Optional<String> truststorePassword,
        String truststoreType,
        Duration connectTimeout,
        Duration requestTimeout,
        int maxRetries,
        Duration retryWait,
        Duration retryMaxWait,
        boolean autoRegisterSchemas,
        SubjectNameStrategy keySubjectNameStrategy,
        SubjectNameStrategy valueSubjectNameStrategy) {

    public static final String URL = "schema.registry.url";
    public static final String BASIC_AUTH_SOURCE = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    public static final String BEARER_AUTH_SOURCE = "bearer.auth.credentials.source";
    public static final String BEARER_AUTH_TOKEN = "bearer.auth.token";
    public static final String TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
    public static final String TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
    public static final String TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";
    public static final String CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
    public static final String READ_TIMEOUT_MS = "http.read.timeout.ms";
    public static final String MAX_RETRIES = "max.retries";
    public static final String RETRIES_WAIT_MS = "retries.wait.ms";
    public static final String RETRIES_MAX_WAIT_MS = "retries.max.wait.ms";
    public static final String AUTO_REGISTER = "auto.register.schemas";
    public static final String KEY_SUBJECT_STRATEGY = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_STRATEGY = "value.subject.name.strategy";

    public RegistryConfig {
        urls = List.copyOf(urls);
        Objects.requireNonNull(basicAuthUserInfo, "basicAuthUserInfo");
        Objects.requireNonNull(bearerToken, "bearerToken");
        Objects.requireNonNull(truststoreLocation, "truststoreLocation");
        Objects.requireNonNull(truststorePassword, "truststorePassword");
        Objects.requireNonNull(truststoreType, "truststoreType");
        Objects.requireNonNull(keySubjectNameStrategy, "keySubjectNameStrategy");
        Objects.requireNonNull(valueSubjectNameStrategy, "valueSubjectNameStrategy");
        if (basicAuthUserInfo.isPresent() && bearerToken.isPresent()) {
            throw new IllegalArgumentException(
                "Both basic and bearer authentication are configured: set " + BASIC_AUTH_USER_INFO + " or "
                    + BEARER_AUTH_TOKEN + ", not both");
        }
        basicAuthUserInfo.filter(info -> !info.contains(":")).ifPresent(info -> {
            throw new IllegalArgumentException(BASIC_AUTH_USER_INFO + " must be 'user:password' (no ':' found)");
        });
    }

    /** Defaults for a registry at {@code url}: no authentication, TopicNameStrategy, auto-registration. */
    public static RegistryConfig forUrl(final String url) {
        return fromMap(Map.of(URL, url));
    }

    /**
     * The registry settings a command parsed from its file (the {@code schema.registry.*}, {@code basic.auth.*}
     * and {@code bearer.auth.*} keys) with its registry URL: the one map both {@link #fromMap(Map)} and the
     * serdes take, so the client and the serdes cannot disagree about TLS or credentials.
     */
    public static Map<String, String> settings(final Map<String, String> registry, final String url) {
        final Map<String, String> settings = new HashMap<>(registry);
        settings.put(URL, url);
        return Map.copyOf(settings);
    }

    /** Parses the Confluent keys listed on this class; throws IllegalArgumentException naming a bad key. */
    public static RegistryConfig fromMap(final Map<String, ?> config) {
        final ConfigReader reader = new ConfigReader(config);
        final List<URI> rawUrls = reader.string(URL).map(RegistryConfig::parseUrls).orElse(List.of());
        final Optional<String> urlUserInfo = rawUrls.stream().map(URI::getUserInfo).filter(Objects::nonNull).findFirst();
        return new RegistryConfig(
            rawUrls.stream().map(RegistryConfig::withoutUserInfo).toList(),
            basicAuth(reader, urlUserInfo),
            bearerAuth(reader),
            reader.string(TRUSTSTORE_LOCATION).map(Path::of),
            reader.string(TRUSTSTORE_PASSWORD),
            reader.string(TRUSTSTORE_TYPE).orElse("JKS"),
            reader.millis(CONNECT_TIMEOUT_MS, Duration.ofSeconds(60)),
            reader.millis(READ_TIMEOUT_MS, Duration.ofSeconds(60)),
            reader.nonNegativeInt(MAX_RETRIES, 3),
            reader.millis(RETRIES_WAIT_MS, Duration.ofSeconds(1)),
            reader.millis(RETRIES_MAX_WAIT_MS, Duration.ofSeconds(20)),
            reader.bool(AUTO_REGISTER, true),
            reader.string(KEY_SUBJECT_STRATEGY).map(SubjectNameStrategy::parse).orElse(SubjectNameStrategy.TOPIC_NAME),
            reader.string(VALUE_SUBJECT_STRATEGY).map(SubjectNameStrategy::parse)
                .orElse(SubjectNameStrategy.TOPIC_NAME));
    }

    /** The subject naming for keys or for values. */
    public SubjectNameStrategy subjectNameStrategy(final boolean isKey) {
        return isKey ? keySubjectNameStrategy : valueSubjectNameStrategy;
    }

    @Override
    public String toString() {
        return "RegistryConfig[urls=" + urls
            + ", auth=" + (basicAuthUserInfo.isPresent() ? "basic(" + basicAuthUserInfo.get().split(":", 2)[0] + ":***)"
                : bearerToken.isPresent() ? "bearer(***)" : "none")
            + ", truststore=" + truststoreLocation.map(Path::toString).orElse("default")
            + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
            + ", maxRetries=" + maxRetries + ", retryWait=" + retryWait + ", retryMaxWait=" + retryMaxWait
            + ", autoRegisterSchemas=" + autoRegisterSchemas
            + ", keySubjectNameStrategy=" + keySubjectNameStrategy
            + ", valueSubjectNameStrategy=" + valueSubjectNameStrategy + "]";
    }

    private static List<URI> parseUrls(final String value) {
        return Arrays.stream(value.split(","))
            .map(String::trim)
            .filter(url -> !url.isEmpty())
            .map(RegistryConfig::parseUrl)
            .toList();
    }

    private static URI parseUrl(final String url) {
        final URI uri;
        try {
            uri = URI.create(url);
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException(URL + " contains an invalid URL '" + url + "': " + e.getMessage(), e);
        }
        final String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException(
                URL + " must hold http(s)://host[:port][/path] URLs, e.g. http://localhost:8081, was '" + url + "'");
        }
        return uri;
    }

    private static URI withoutUserInfo(final URI uri) {
        final String text = uri.toString();
        return uri.getRawUserInfo() == null ? uri : URI.create(text.replace(uri.getRawUserInfo() + "@", ""));
    }

    private static Optional<String> basicAuth(final ConfigReader reader, final Optional<String> urlUserInfo) {
        final String source = reader.string(BASIC_AUTH_SOURCE).orElse("USER_INFO").toUpperCase(Locale.ROOT);
        return switch (source) {
            case "USER_INFO" -> reader.string(BASIC_AUTH_USER_INFO);
            case "URL" -> urlUserInfo.or(() -> {
                throw new IllegalArgumentException(BASIC_AUTH_SOURCE + "=URL but " + URL + " has no user:password@");
            });
            default -> throw new IllegalArgumentException(
                BASIC_AUTH_SOURCE + " '" + source + "' is not supported: use USER_INFO or URL");
        };
    }

    private static Optional<String> bearerAuth(final ConfigReader reader) {
        final String source = reader.string(BEARER_AUTH_SOURCE).orElse("STATIC_TOKEN").toUpperCase(Locale.ROOT);
        if (!source.equals("STATIC_TOKEN")) {
            throw new IllegalArgumentException(
                BEARER_AUTH_SOURCE + " '" + source + "' is not supported: use STATIC_TOKEN with " + BEARER_AUTH_TOKEN);
        }
        return reader.string(BEARER_AUTH_TOKEN);
    }
}
