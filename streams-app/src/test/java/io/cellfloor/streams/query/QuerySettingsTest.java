package io.cellfloor.streams.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cellfloor.streams.config.StreamsAppConfig;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuerySettingsTest {
    @Test
    void shouldReadPortHostAndTokenFromTheEnvironmentNames() {
        final Map<String, String> s = new HashMap<>(StreamsAppConfig.fromEnvironment(Map.of(
                "CELLFLOOR_HTTP_PORT", "9090", "CELLFLOOR_API_TOKEN", " s3cret ",
                "CELLFLOOR_ADVERTISED_HOST", "streams-2.floor")));

        final QuerySettings q = QuerySettings.parse(s, "fallback-host");

        assertThat(q.port()).isEqualTo(9090);
        assertThat(q.token()).isEqualTo("s3cret");
        assertThat(q.advertisedHost()).isEqualTo("streams-2.floor");
        assertThat(q.bindHost()).isEqualTo("0.0.0.0");
        assertThat(q.toString()).doesNotContain("s3cret").contains("token=(set)");
    }

    @Test
    void shouldDefaultTo8080WithoutAuthAndKeepApiKeysFromKafka() {
        final Map<String, String> s = Map.of("api.token", "  ", "bootstrap.servers", "b:9092", "http.port", "0");

        final QuerySettings q = QuerySettings.parse(s, "host-1");

        assertThat(q.port()).isZero();
        assertThat(q.authRequired()).isFalse();
        assertThat(q.advertisedHost()).isEqualTo("host-1");
        assertThat(QuerySettings.parse(Map.of(), "h").port()).isEqualTo(8080);
        assertThat(QuerySettings.withoutApiKeys(Map.of("api.token", "x", "http.port", "1", "linger.ms", "5")))
                .containsOnlyKeys("linger.ms");
    }

    @Test
    void shouldNameTheSettingWhenThePortIsWrong() {
        assertThatThrownBy(() -> QuerySettings.parse(Map.of("cellfloor.http-port", "eighty"), "h"))
                .hasMessageContaining("cellfloor.http-port").hasMessageContaining("'eighty'");
        assertThatThrownBy(() -> QuerySettings.parse(Map.of("cellfloor.http-port", "70000"), "h"))
                .hasMessageContaining("0 (any free port) to 65535, got 70000");
    }

    @Test
    void shouldReadHttpsAndTheLiveFeedLimitFromTheEnvironmentNames() {
        final QuerySettings q = QuerySettings.parse(StreamsAppConfig.fromEnvironment(Map.of(
                "CELLFLOOR_HTTP_KEYSTORE_LOCATION", "/etc/cellfloor-tls/keystore.p12",
                "CELLFLOOR_HTTP_KEYSTORE_PASSWORD", "kspw-77",
                "CELLFLOOR_HTTP_TRUSTSTORE_LOCATION", "/etc/cellfloor-tls/truststore.p12",
                "CELLFLOOR_HTTP_MAX_STREAM_CLIENTS", "12")), "h");

        assertThat(q.scheme()).isEqualTo("https");
        assertThat(q.https().keystore()).hasToString("/etc/cellfloor-tls/keystore.p12");
        assertThat(q.https().keystoreType()).isEqualTo("PKCS12");
        assertThat(q.https().truststore()).hasToString("/etc/cellfloor-tls/truststore.p12");
        assertThat(q.maxStreamClients()).isEqualTo(12);
        assertThat(q.toString()).doesNotContain("kspw-77");
        assertThat(QuerySettings.parse(Map.of(), "h").scheme()).isEqualTo("http");
        assertThat(QuerySettings.parse(Map.of(), "h").maxStreamClients()).isEqualTo(100);
        assertThatThrownBy(() -> QuerySettings.parse(Map.of("cellfloor.http-max-stream-clients", "0"), "h"))
                .hasMessageContaining("at least 1");
    }
}
