package io.cellfloor.schema.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny HTTP server on the JDK's own {@code com.sun.net.httpserver}, answering with scripted responses and recording
 * what it was sent: for what a real registry cannot be made to do on cue (fail with 503, demand credentials).
 */
final class FakeRegistryServer implements AutoCloseable {

    /** A request as received. */
    record Request(String method, String path, Map<String, List<String>> headers, String body) {
        String header(final String name) {
            return headers.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .map(entry -> entry.getValue().get(0))
                .findFirst().orElse(null);
        }
    }

    private record Response(int status, String body) {
    }

    private final HttpServer server;
    private final Deque<Response> script = new ArrayDeque<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private Response fallback = new Response(404, "{\"error_code\":40401,\"message\":\"nothing scripted\"}");

    FakeRegistryServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Answers the next request with {@code status} and {@code body}. */
    synchronized FakeRegistryServer thenRespond(final int status, final String body) {
        script.add(new Response(status, body));
        return this;
    }

    /** Answers every request beyond the script with {@code status} and {@code body}. */
    synchronized FakeRegistryServer otherwiseRespond(final int status, final String body) {
        fallback = new Response(status, body);
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(final HttpExchange exchange) throws IOException {
        final String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
            Map.copyOf(exchange.getRequestHeaders()), body));
        final Response response;
        synchronized (this) {
            response = script.isEmpty() ? fallback : script.poll();
        }
        final byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
