package io.cellfloor.schema.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryConfigTest {

    @Test
    void shouldJoinACommandsRegistryKeysAndUrlIntoTheMapClientAndSerdesShare() {
        final Map<String, String> settings = RegistryConfig.settings(Map.of(
            "schema.registry.ssl.truststore.location", "/etc/cellfloor/truststore.p12",
            "schema.registry.ssl.truststore.type", "PKCS12",
            "basic.auth.user.info", "agent:secret"), "https://registry:8081");

        final RegistryConfig config = RegistryConfig.fromMap(settings);

        assertThat(settings).containsEntry(RegistryConfig.URL, "https://registry:8081").hasSize(4);
        assertThat(config.urls()).extracting(Object::toString).containsExactly("https://registry:8081");
        assertThat(config.truststoreType()).isEqualTo("PKCS12");
        assertThat(config.basicAuthUserInfo()).contains("agent:secret");
    }

    @Test
    void shouldReadConfluentKeys() {
        final RegistryConfig config = RegistryConfig.fromMap(Map.of(
            "schema.registry.url", "https://a:8081, https://b:8081/",
            "basic.auth.credentials.source", "USER_INFO",
            "basic.auth.user.info", "svc:pw",
            "schema.registry.ssl.truststore.location", "/etc/cellfloor/truststore.p12",
            "schema.registry.ssl.truststore.type", "PKCS12",
            "max.retries", 5,
            "retries.wait.ms", "250",
            "auto.register.schemas", false,
            "value.subject.name.strategy", "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy"));

        assertThat(config.urls()).containsExactly(URI.create("https://a:8081"), URI.create("https://b:8081/"));
        assertThat(config.basicAuthUserInfo()).contains("svc:pw");
        assertThat(config.truststoreLocation()).contains(Path.of("/etc/cellfloor/truststore.p12"));
        assertThat(config.truststoreType()).isEqualTo("PKCS12");
        assertThat(config.maxRetries()).isEqualTo(5);
        assertThat(config.retryWait()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.autoRegisterSchemas()).isFalse();
        assertThat(config.subjectNameStrategy(false)).isEqualTo(SubjectNameStrategy.TOPIC_RECORD_NAME);
        assertThat(config.subjectNameStrategy(true)).isEqualTo(SubjectNameStrategy.TOPIC_NAME);
    }

    @Test
    void shouldUseConfluentDefaults() {
        final RegistryConfig config = RegistryConfig.forUrl("http://localhost:8081");

        assertThat(config.autoRegisterSchemas()).isTrue();
        assertThat(config.maxRetries()).isEqualTo(3);
        assertThat(config.basicAuthUserInfo()).isEmpty();
        assertThat(config.bearerToken()).isEmpty();
        assertThat(config.valueSubjectNameStrategy()).isEqualTo(SubjectNameStrategy.TOPIC_NAME);
    }

    @Test
    void shouldAcceptThePrefixedFormOfRegistryKeys() {
        final RegistryConfig config = RegistryConfig.fromMap(Map.of(
            "schema.registry.url", "http://localhost:8081",
            "schema.registry.bearer.auth.token", "tok"));

        assertThat(config.bearerToken()).contains("tok");
    }

    @Test
    void shouldStripCredentialsFromUrlsAndMaskThemInToString() {
        final RegistryConfig config = RegistryConfig.fromMap(Map.of(
            "schema.registry.url", "http://svc:s3cret@registry:8081",
            "basic.auth.credentials.source", "URL"));

        assertThat(config.urls()).containsExactly(URI.create("http://registry:8081"));
        assertThat(config.basicAuthUserInfo()).contains("svc:s3cret");
        assertThat(config.toString()).contains("basic(svc:***)").doesNotContain("s3cret");
    }

    @Test
    void shouldRefuseBasicAndBearerTogether() {
        assertThatThrownBy(() -> RegistryConfig.fromMap(Map.of("schema.registry.url", "http://r:8081",
                "basic.auth.user.info", "a:b", "bearer.auth.token", "t")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("not both");
    }

    @Test
    void shouldNameTheKeyOfABadValue() {
        assertThatThrownBy(() -> RegistryConfig.fromMap(Map.of("max.retries", "many")))
            .hasMessageContaining("max.retries must be a whole number >= 0, was 'many'");
        assertThatThrownBy(() -> RegistryConfig.fromMap(Map.of("schema.registry.url", "registry:8081")))
            .hasMessageContaining("must hold http(s)://host[:port][/path] URLs");
        assertThatThrownBy(() -> RegistryConfig.fromMap(Map.of("value.subject.name.strategy", "Mine")))
            .hasMessageContaining("Unknown subject name strategy 'Mine'");
    }

    @Test
    void shouldRequireAUrlForTheHttpClient() {
        assertThatThrownBy(() -> new HttpSchemaRegistryClient(RegistryConfig.fromMap(Map.of())))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("schema.registry.url is not set");
    }
}
