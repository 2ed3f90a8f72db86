package io.cellfloor.sinks.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A real HTTP receiver on 127.0.0.1 that answers by script (request number to status; {@link #HANG} holds the
 * request until the test ends) and records what it got. Like PagerDuty and Alertmanager it honours dedup keys:
 * {@link #pages()} counts a key once however often it arrives.
 */
final class FakeReceiver implements AutoCloseable {
    static final int HANG = -1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger requests = new AtomicInteger();
    private final IntFunction<Integer> script;
    private final List<String> bodies = new ArrayList<>();
    private final List<String> keys = new ArrayList<>();
    private final Map<String, Integer> pages = new LinkedHashMap<>();

    FakeReceiver(final IntFunction<Integer> script) {
        this.script = script;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    private void handle(final HttpExchange ex) throws IOException {
        final int n = requests.incrementAndGet();
        final String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        final int status = script.apply(n);
        if (status == HANG) {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
            return;
        }
        if (status >= 200 && status < 300) {
            record(body, ex.getRequestHeaders().getFirst("Idempotency-Key"));
        }
        if (status == 429) {
            ex.getResponseHeaders().add("Retry-After", "2");
        }
        final byte[] answer = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, answer.length);
        ex.getResponseBody().write(answer);
        ex.close();
    }

    private synchronized void record(final String body, final String header) throws IOException {
        bodies.add(body);
        final JsonNode json = JSON.readTree(body);
        final String key;
        if (json.isArray()) {
            key = json.get(0).get("labels").get("dedup_key").asText();
        } else if (json.has("event_action")) {
            if (!json.get("event_action").asText().equals("trigger")) {
                return;
            }
            key = json.get("dedup_key").asText();
        } else {
            key = header != null ? header : json.path("dedupKey").asText(body);
        }
        keys.add(key);
        pages.merge(key, 1, Integer::sum);
    }

    int requests() {
        return requests.get();
    }

    synchronized List<String> bodies() {
        return List.copyOf(bodies);
    }

    /** Every successful delivery's dedup key, duplicates included. */
    synchronized List<String> deliveries() {
        return List.copyOf(keys);
    }

    /** What a person was paged for: each dedup key once. */
    synchronized java.util.Set<String> pages() {
        return java.util.Set.copyOf(pages.keySet());
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        pool.shutdownNow();
    }
}
