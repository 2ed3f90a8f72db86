package io.cellfloor.schema.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the HTTP client sends and how it reacts to failures, against a scripted server. */
class RegistryHttpBehaviourTest {

    private static final Schema SCHEMA = new Schema.Parser().parse(
        "{\"type\":\"record\",\"name\":\"Probe\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}");
    private static final String SCHEMA_BY_ID = "{\"schema\":" + quoted(SCHEMA.toString()) + "}";

    private FakeRegistryServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = new FakeRegistryServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void shouldSendBasicAuthHeader() {
        server.thenRespond(200, "[]");
        final HttpSchemaRegistryClient client = client(Map.of(RegistryConfig.BASIC_AUTH_SOURCE, "USER_INFO",
            RegistryConfig.BASIC_AUTH_USER_INFO, "cellfloor:s3cret"));

        client.subjects();

        assertThat(server.requests().get(0).header("Authorization")).isEqualTo(
            "Basic " + Base64.getEncoder().encodeToString("cellfloor:s3cret".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldTakeBasicAuthFromTheUrlWhenTheSourceIsUrl() {
        server.thenRespond(200, "[]");
        final String url = server.url().replace("http://", "http://reader:pw@");
        final HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(RegistryConfig.fromMap(Map.of(
            RegistryConfig.URL, url, RegistryConfig.BASIC_AUTH_SOURCE, "URL")));

        client.subjects();

        assertThat(server.requests().get(0).header("Authorization")).isEqualTo(
            "Basic " + Base64.getEncoder().encodeToString("reader:pw".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldSendBearerToken() {
        server.thenRespond(200, "[]");
        final HttpSchemaRegistryClient client = client(Map.of(RegistryConfig.BEARER_AUTH_SOURCE, "STATIC_TOKEN",
            RegistryConfig.BEARER_AUTH_TOKEN, "eyJ.token"));

        client.subjects();

        assertThat(server.requests().get(0).header("Authorization")).isEqualTo("Bearer eyJ.token");
    }

    @Test
    void shouldPostSchemasAsConfluentJson() {
        server.thenRespond(200, "{\"id\":7}");

        final int id = client(Map.of()).register("cellfloor.samples.v1-value", SCHEMA);

        final FakeRegistryServer.Request request = server.requests().get(0);
        assertThat(id).isEqualTo(7);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/subjects/cellfloor.samples.v1-value/versions");
        assertThat(request.header("Content-Type")).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(request.body()).isEqualTo("{\"schema\":" + quoted(SCHEMA.toString()) + "}");
    }

    @Test
    void shouldRetryOn503ThenSucceed() {
        server.thenRespond(503, "{\"error_code\":50003,\"message\":\"busy\"}")
            .thenRespond(503, "")
            .thenRespond(200, SCHEMA_BY_ID);

        final Schema schema = client(Map.of()).getById(5);

        assertThat(schema).isEqualTo(SCHEMA);
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void shouldGiveUpAfterMaxRetriesWithStatusUrlAndMessage() {
        server.otherwiseRespond(500, "{\"error_code\":50001,\"message\":\"store failed\"}");

        assertThatThrownBy(() -> client(Map.of(RegistryConfig.MAX_RETRIES, "2")).getById(5))
            .isInstanceOf(SchemaRegistryException.class)
            .hasMessageContaining("could not fetch schema id 5")
            .hasMessageContaining("HTTP 500 from GET " + server.url() + "/schemas/ids/5")
            .hasMessageContaining("store failed")
            .hasMessageContaining("error_code 50001");
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void shouldNotRetryOn4xx() {
        server.otherwiseRespond(404, "{\"error_code\":40403,\"message\":\"Schema 5 not found\"}");

        assertThatThrownBy(() -> client(Map.of()).getById(5))
            .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(404);
                assertThat(e.errorCode()).isEqualTo(40403);
                assertThat(e.isNotFound()).isTrue();
            })
            .hasMessageContaining("Schema 5 not found");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void shouldPointAtTheCredentialsOn401() {
        server.otherwiseRespond(401, "{\"error_code\":401,\"message\":\"Unauthorized\"}");

        assertThatThrownBy(() -> client(Map.of()).subjects())
            .isInstanceOf(SchemaRegistryException.class)
            .hasMessageContaining("HTTP 401")
            .hasMessageContaining("Check basic.auth.user.info / bearer.auth.token");
    }

    @Test
    void shouldRetryConnectionErrorsThenSayTheRegistryIsUnreachable() throws IOException {
        final String deadUrl = "http://127.0.0.1:" + closedPort();

        assertThatThrownBy(() -> new HttpSchemaRegistryClient(RegistryConfig.fromMap(Map.of(
                RegistryConfig.URL, deadUrl, RegistryConfig.RETRIES_WAIT_MS, "1"))).subjects())
            .isInstanceOf(SchemaRegistryException.class)
            .hasMessageContaining("Schema registry unreachable")
            .hasMessageContaining(deadUrl + "/subjects")
            .hasMessageContaining("after 4 attempt(s)");
    }

    @Test
    void shouldFailOverToTheNextUrlOnConnectionErrors() throws IOException {
        server.thenRespond(200, "[\"a-value\"]");
        final String urls = "http://127.0.0.1:" + closedPort() + "," + server.url();

        final HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(RegistryConfig.fromMap(Map.of(
            RegistryConfig.URL, urls, RegistryConfig.RETRIES_WAIT_MS, "1")));

        assertThat(client.subjects()).containsExactly("a-value");
    }

    @Test
    void shouldAnswerRepeatedLookupsFromItsCaches() {
        server.thenRespond(200, "{\"id\":11}").thenRespond(200, SCHEMA_BY_ID);
        final HttpSchemaRegistryClient client = client(Map.of());

        for (int i = 0; i < 1000; i++) {
            assertThat(client.register("s-value", SCHEMA)).isEqualTo(11);
            assertThat(client.idOf("s-value", SCHEMA)).isEqualTo(11);
            assertThat(client.getById(11)).isEqualTo(SCHEMA);
            assertThat(client.getById(12)).isEqualTo(SCHEMA);
        }

        assertThat(server.requests()).extracting(FakeRegistryServer.Request::path)
            .containsExactly("/subjects/s-value/versions", "/schemas/ids/12");
    }

    @Test
    void shouldTreatASubjectWithoutVersionsAsCompatible() {
        server.thenRespond(404, "{\"error_code\":40401,\"message\":\"Subject 'x' not found.\"}");

        assertThat(client(Map.of()).testCompatibility("x", SCHEMA)).isTrue();
    }

    private HttpSchemaRegistryClient client(final Map<String, String> extra) {
        final Map<String, String> config = new HashMap<>(extra);
        config.put(RegistryConfig.URL, server.url());
        config.putIfAbsent(RegistryConfig.RETRIES_WAIT_MS, "1");
        return new HttpSchemaRegistryClient(RegistryConfig.fromMap(config));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String quoted(final String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
