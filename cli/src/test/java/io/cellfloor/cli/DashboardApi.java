package io.cellfloor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The query API read directly, so the browser tests can compare what the pages show with what the API says. */
final class DashboardApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    DashboardApi(final URI base) {
        this.base = base;
    }

    JsonNode get(final String path) throws IOException, InterruptedException {
        final JsonNode body = getUnlessUnavailable(path);
        if (body == null) {
            throw new AssertionError("GET " + path + " answered 503");
        }
        return body;
    }

    /** The answer, or null for a 503 (the app is starting or partitions move: ask again). */
    JsonNode getUnlessUnavailable(final String path) throws IOException, InterruptedException {
        final HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(20)).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 503) {
            return null;
        }
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    JsonNode channel(final String channelId) throws IOException, InterruptedException {
        return get("/api/channels/" + URLEncoder.encode(channelId, StandardCharsets.UTF_8));
    }

    JsonNode channelPart(final String channelId, final String part) throws IOException, InterruptedException {
        return get("/api/channels/" + URLEncoder.encode(channelId, StandardCharsets.UTF_8) + "/" + part);
    }
}
