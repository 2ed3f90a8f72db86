package io.cellfloor.bench.floor;

import java.util.Arrays;

/** Latencies in ms, recorded from one thread and summarised as p50 / p99 / max. */
final class Latencies {
    private long[] ms = new long[1024];
    private int n;

    synchronized void add(final long latencyMs) {
        if (n == ms.length) {
            ms = Arrays.copyOf(ms, n * 2);
        }
        ms[n++] = latencyMs;
    }

    synchronized int count() {
        return n;
    }

    synchronized String summary() {
        return summary(0);
    }

    /** The summary of the latencies recorded since the {@code from}-th. */
    synchronized String summary(final int from) {
        if (n <= from) {
            return "none";
        }
        final long[] sorted = Arrays.copyOfRange(ms, from, n);
        Arrays.sort(sorted);
        return String.format("n=%,d p50 %,d ms, p99 %,d ms, max %,d ms", sorted.length, at(sorted, 0.5),
                at(sorted, 0.99), sorted[sorted.length - 1]);
    }

    private static long at(final long[] sorted, final double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
