package io.cellfloor.streams.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.cellfloor.embedded.TlsMaterial;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The query API's defences: HTTPS, the server-set HttpOnly cookie, opaque 500s, the live-feed limit, no token over HTTP. */
class QueryServerSecurityTest {
    private static final String TOKEN = "tok-51c0";
    @TempDir
    Path dir;

    @Test
    void shouldServeHttpsWithTheConfiguredKeystoreAndNoPlainHttp() throws Exception {
        final TlsMaterial tls = TlsMaterial.generate(dir, "query");
        final HttpsSettings https = new HttpsSettings(tls.keystore(), tls.password(), TlsMaterial.STORE_TYPE,
                tls.truststore(), tls.password());
        try (QueryServer server = QueryServer.start(new QuerySettings("127.0.0.1", 0, "127.0.0.1", TOKEN, 10,
                https))) {
            final HttpClient client = HttpClient.newBuilder().sslContext(https.clientContext()).build();
            final HttpResponse<String> refused = client.send(HttpRequest.newBuilder(
                    URI.create("https://127.0.0.1:" + server.port() + "/api/floor")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(401);
            final HttpResponse<String> session = client.send(HttpRequest.newBuilder(
                    URI.create("https://127.0.0.1:" + server.port() + "/api/session"))
                    .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(session.headers().firstValue("Set-Cookie")).hasValue(
                    "cellfloor_token=" + TOKEN + "; Path=/; HttpOnly; SameSite=Strict; Secure");
            assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/api/health")).build(),
                    HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
        }
    }

    @Test
    void shouldSetTheCookieHttpOnlyOnlyForTheRightToken() throws Exception {
        try (QueryServer server = QueryServer.start(new QuerySettings("127.0.0.1", 0, "127.0.0.1", TOKEN))) {
            final HttpResponse<String> right = post(server, "Bearer " + TOKEN);
            assertThat(right.statusCode()).isEqualTo(204);
            assertThat(right.headers().firstValue("Set-Cookie")).hasValue(
                    "cellfloor_token=" + TOKEN + "; Path=/; HttpOnly; SameSite=Strict");
            final HttpResponse<String> wrong = post(server, "Bearer not-" + TOKEN);
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();
        }
    }

    @Test
    void shouldAnswerAFailureWithAnIdAndLeaveTheExceptionTextInTheLog() throws Exception {
        try (QueryServer server = QueryServer.start(new QuerySettings("127.0.0.1", 0, "127.0.0.1", null))) {
            server.attach(failingApps(), new QueryCodecs(null, null, null), Map.of("bootstrap.servers", "127.0.0.1:1"));
            final HttpResponse<String> r = get(server, "/api/health");
            assertThat(r.statusCode()).isEqualTo(500);
            assertThat(r.body()).contains("\"error\":\"internal\"").containsPattern("\"id\":\"[0-9a-f-]{36}\"")
                    .doesNotContain("/var/lib/secret").doesNotContain("IllegalStateException");
        }
    }

    @Test
    void shouldRefuseLiveFeedClientsBeyondTheLimit() throws Exception {
        try (QueryServer server = QueryServer.start(new QuerySettings("127.0.0.1", 0, "127.0.0.1", null, 1, null))) {
            server.attach(failingApps(), new QueryCodecs(null, null, null), Map.of("bootstrap.servers", "127.0.0.1:1"));
            final HttpClient client = HttpClient.newHttpClient();
            final var first = client.sendAsync(stream(server), HttpResponse.BodyHandlers.ofLines());
            assertThat(first.get().statusCode()).isEqualTo(200);
            // headers only: an admitted client's body never ends
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                final HttpResponse<Stream<String>> r = client.send(stream(server), HttpResponse.BodyHandlers.ofLines());
                r.body().close();
                return r.statusCode() == 503;
            });
            assertThat(client.send(stream(server), HttpResponse.BodyHandlers.ofString()).body())
                    .contains("cellfloor.http-max-stream-clients");
            first.get().body().close();
        }
    }

    @Test
    void shouldForwardTheTokenToPeersOnlyOverHttps() throws Exception {
        final List<String> authorization = new CopyOnWriteArrayList<>();
        final HttpServer peer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        peer.createContext("/", exchange -> {
            authorization.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        peer.start();
        try {
            final HostInfo host = new HostInfo("127.0.0.1", peer.getAddress().getPort());
            assertThat(new Peers("me:1", TOKEN, null).get(host, "/api/floor", true)).isPresent();
            assertThat(authorization).containsExactly("null");
        } finally {
            peer.stop(0);
        }
    }

    private static HttpRequest stream(final QueryServer server) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/stream"))
                .header("Accept", "text/event-stream").build();
    }

    private static HttpResponse<String> post(final QueryServer server, final String authorization) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/api/session")).header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(final QueryServer server, final String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static QueryableApps failingApps() {
        return new QueryableApps() {
            @Override
            public KafkaStreams detection() {
                throw new IllegalStateException("state in /var/lib/secret is corrupt");
            }

            @Override
            public KafkaStreams views() {
                return detection();
            }

            @Override
            public KafkaStreams owner(final String store) {
                return detection();
            }
        };
    }
}
