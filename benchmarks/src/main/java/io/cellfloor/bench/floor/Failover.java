package io.cellfloor.bench.floor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
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
            final String[] answer = servedBy(channels.get(k));
            if (answer != null && second.equals(answer[0])) {
                owned.add(channels.get(k));
            }
        }
        if (owned.isEmpty()) {
            throw new IllegalStateException("none of the sampled channels is served by the second instance");
        }
        return owned;
    }

    /** When the survivor answered for every one of {@code owned} by itself: at all, and from an active task. */
    record Served(long anyMs, long freshMs) {
    }

    /**
     * Polls the first instance for {@code owned} until it answers every one by itself and not stale. The first
     * such answers come from its standby copy (marked stale while the group still lists the killed instance as
     * owner); fresh ones once the group has moved the tasks to it.
     */
    Served awaitServedByFirst(final List<String> owned, final Duration timeout) throws InterruptedException {
        final Set<String> anyWaiting = new LinkedHashSet<>(owned);
        final Set<String> freshWaiting = new LinkedHashSet<>(owned);
        long any = -1;
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (final Iterator<String> it = freshWaiting.iterator(); it.hasNext(); ) {
                final String c = it.next();
                final String[] answer = servedBy(c);
                if (answer != null && first.equals(answer[0])) {
                    anyWaiting.remove(c);
                    if ("false".equals(answer[1])) {
                        it.remove();
                    }
                }
            }
            final long now = System.currentTimeMillis();
            if (any < 0 && anyWaiting.isEmpty()) {
                any = now;
            }
            if (freshWaiting.isEmpty()) {
                return new Served(any, now);
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(freshWaiting.size() + " channels still not served fresh by the survivor after "
                + timeout + " (" + anyWaiting.size() + " not at all)");
    }

    /** Who answered for the channel through the first instance's API and whether stale, or null if none did. */
    private String[] servedBy(final String channel) {
        try {
            final HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://" + first
                    + "/api/channels/" + channel)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return null;
            }
            final String body = r.body();
            final String key = "\"servedBy\":\"";
            final int at = body.indexOf(key);
            if (at < 0) {
                return null;
            }
            final String by = body.substring(at + key.length(), body.indexOf('"', at + key.length()));
            return new String[] {by, body.contains("\"stale\":true") ? "true" : "false"};
        } catch (final IOException e) {
            return null;
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
