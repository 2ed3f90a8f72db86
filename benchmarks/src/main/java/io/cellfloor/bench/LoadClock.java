package io.cellfloor.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load at a fixed rate: request k is due at {@code start + k / rate}, sent then whether or not earlier
 * ones have answered, and its latency runs from when it was due (so a stalled server shows up in the numbers
 * instead of slowing the load down).
 */
final class LoadClock {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicInteger errors = new AtomicInteger();

    /** Latencies in nanoseconds, sorted, of {@code rate * seconds} GETs of the given URLs in turn. */
    long[] run(final List<URI> urls, final int rate, final int seconds) {
        final int n = rate * seconds;
        final long period = 1_000_000_000L / rate;
        final long[] latencies = new long[n];
        final List<CompletableFuture<?>> pending = new ArrayList<>(n);
        final long start = System.nanoTime();
        for (int k = 0; k < n; k++) {
            final long due = start + k * period;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            final int at = k;
            pending.add(http.sendAsync(HttpRequest.newBuilder(urls.get(k % urls.size())).build(),
                            HttpResponse.BodyHandlers.ofByteArray())
                    .handle((r, e) -> {
                        latencies[at] = System.nanoTime() - due;
                        if (e != null || r.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                        return null;
                    }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        Arrays.sort(latencies);
        return latencies;
    }

    int errors() {
        return errors.get();
    }

    static double percentileMs(final long[] sorted, final double p) {
        final int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
