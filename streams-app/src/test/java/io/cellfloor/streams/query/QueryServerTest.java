package io.cellfloor.streams.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server before any streams client is attached: what is open, what needs the token, how errors look. */
class QueryServerTest {
    private static final String TOKEN = "tok-8d1e";
    private final HttpClient http = HttpClient.newHttpClient();
    private QueryServer server;

    @BeforeEach
    void start() {
        server = QueryServer.start(new QuerySettings("127.0.0.1", 0, "127.0.0.1", TOKEN));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldServeOpenPathsWithoutTokenAndRefuseTheRest() throws Exception {
        assertThat(get("/openapi.json", null).body()).contains("\"openapi\"");
        final HttpResponse<String> uplot = get("/vendor/uplot/uPlot.iife.min.js", null);
        assertThat(uplot.statusCode()).isEqualTo(200);
        assertThat(uplot.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/javascript"));
        assertThat(uplot.body()).contains("uPlot");
        assertThat(get("/vendor/uplot/uPlot.min.css", null).statusCode()).isEqualTo(200);
        assertThat(get("/vendor/uplot/nothing.js", null).statusCode()).isEqualTo(404);

        final HttpResponse<String> floor = get("/api/floor", null);
        assertThat(floor.statusCode()).isEqualTo(401);
        assertThat(floor.body()).startsWith("{").contains("\"error\":\"unauthorized\"").contains("Authorization: Bearer");
        assertThat(get("/api/floor", "Bearer wrong").statusCode()).isEqualTo(401);
        final HttpResponse<String> page = get("/index.html", null);
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValue("/login.html?next=%2Findex.html");
        assertThat(get("/channel.html?id=st1-ch01", null).headers().firstValue("Location"))
                .hasValue("/login.html?next=%2Fchannel.html%3Fid%3Dst1-ch01");
    }

    @Test
    void shouldAnswerUnavailableAsJsonUntilTheStreamsClientIsAttached() throws Exception {
        final HttpResponse<String> health = get("/api/health", null);
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("\"error\":\"unavailable\"").contains("starting");
        assertThat(get("/api/channels/ch-1", "Bearer " + TOKEN).statusCode()).isEqualTo(503);
    }

    @Test
    void shouldAnswerUnknownApiPathsWithJsonNotFound() throws Exception {
        final HttpResponse<String> r = get("/api/nothing", "Bearer " + TOKEN);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("\"error\":\"not_found\"").contains("/openapi.json");
    }

    private HttpResponse<String> get(final String path, final String authorization) throws Exception {
        final HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
