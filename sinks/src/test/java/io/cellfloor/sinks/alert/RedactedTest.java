package io.cellfloor.sinks.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Receiver URLs are credentials: what a failed delivery reports (log, dead-letter header) must not contain them. */
class RedactedTest {
    private static final String SECRET_PATH = "/services/T0A1B2C3/B4D5E6F7/x9y8z7w6v5u4t3s2";

    @Test
    void shouldKeepOnlySchemeHostAndPortOfAnAddress() {
        assertThat(Redacted.endpoint(URI.create("https://hooks.slack.com" + SECRET_PATH)))
                .isEqualTo("https://hooks.slack.com/…");
        assertThat(Redacted.endpoint(URI.create("https://user:pw@lims.example:8443/hook?key=abc")))
                .isEqualTo("https://lims.example:8443/…");
        assertThat(Redacted.endpoint(URI.create("http://alertmanager:9093"))).isEqualTo("http://alertmanager:9093");
    }

    @Test
    void shouldReportAnUnreachableReceiverWithoutItsPath() throws Exception {
        final int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        final URI uri = URI.create("http://127.0.0.1:" + closedPort + SECRET_PATH);

        final Attempt attempt = new HttpSender(Duration.ofSeconds(2)).send(List.of(new Outbound(uri, "{}", Map.of())));

        assertThat(attempt.kind()).isEqualTo(Attempt.Kind.RETRY);
        assertThat(attempt.detail()).contains("http://127.0.0.1:" + closedPort + "/…").doesNotContain("x9y8z7w6")
                .doesNotContain("B4D5E6F7");
    }

    @Test
    void shouldScrubTheAddressAReceiverEchoesInItsErrorBody() throws Exception {
        final HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            final byte[] body = ("no such hook: " + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            final URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + SECRET_PATH);
            final Attempt attempt = new HttpSender(Duration.ofSeconds(2)).send(List.of(new Outbound(uri, "{}",
                    Map.of())));
            assertThat(attempt.kind()).isEqualTo(Attempt.Kind.PERMANENT);
            assertThat(attempt.detail()).startsWith("HTTP 404: no such hook").doesNotContain("x9y8z7w6");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void shouldPrintReceiverSettingsWithoutUrlPathOrRoutingKey() {
        final ReceiverSpec pd = new ReceiverSpec("pd", ReceiverType.PAGERDUTY,
                URI.create("https://events.pagerduty.com/v2/enqueue"), "R0UT1NGKEY");
        assertThat(pd.toString()).contains("https://events.pagerduty.com/…").doesNotContain("R0UT1NGKEY")
                .doesNotContain("enqueue");
    }
}
