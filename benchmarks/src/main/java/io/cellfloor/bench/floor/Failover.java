package io.cellfloor.bench.floor;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which channels an instance serves, as its peer's query API says ({@code servedBy} in {@code /api/channels/{id}}),
 * and when the survivor serves, by itself, the channels of an instance that was killed.
 */
final class Failover {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String first;
    private final String second;
    private final List<String> channels;

    Failover(final String first, final String second, final List<String> channels) {
        this.first = first;
        this.second = second;
        this.channels = channels;
    }

    /** Of {@code sample} channels spread over the floor, those the second instance serves. */
    List<String> ownedBySecond(final int sample) throws InterruptedException {
        final List<String> owned = new ArrayList<>();
        final int step = Math.max(1, channels.size() / sample);
        for (int k = 0; k < channels.size(); k += step) {
            if (second.equals(servedBy(channels.get(k)))) {
                owned.add(channels.get(k));
            }
        }
        if (owned.isEmpty()) {
            throw new IllegalStateException("none of the sampled channels is served by the second instance");
        }
        return owned;
    }

    /** The wall-clock ms at which the first instance served every one of {@code owned} by itself. */
    long awaitServedByFirst(final List<String> owned, final Duration timeout) throws InterruptedException {
        final Set<String> waiting = new LinkedHashSet<>(owned);
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            waiting.removeIf(c -> first.equals(servedBy(c)));
            if (waiting.isEmpty()) {
                return System.currentTimeMillis();
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(waiting.size() + " channels still not served by the survivor after "
                + timeout);
    }

    /** Who answered for the channel through the first instance's API, or null when it did not answer. */
    private String servedBy(final String channel) {
        try {
            final HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://" + first
                    + "/api/channels/" + channel)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return null;
            }
            final String key = "\"servedBy\":\"";
            final int at = r.body().indexOf(key);
            return at < 0 ? null : r.body().substring(at + key.length(), r.body().indexOf('"', at + key.length()));
        } catch (final java.io.IOException e) {
            return null;
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
