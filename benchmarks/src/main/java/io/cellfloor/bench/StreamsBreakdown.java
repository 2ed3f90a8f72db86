package io.cellfloor.bench;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Where a streams client's time went, from its own metrics: per stream thread the time blocked on Kafka (poll,
 * commit), the commits and their latency, records processed, and per producer the transaction times. Printed by
 * the throughput benchmark so a slow run says whether the threads computed or waited.
 */
final class StreamsBreakdown {
    private static final Set<String> THREAD = Set.of("blocked-time-ns-total", "commit-total",
            "commit-latency-avg", "commit-latency-max", "poll-total", "poll-latency-avg", "poll-records-avg",
            "process-total", "process-latency-avg", "punctuate-total", "punctuate-latency-avg");

    private StreamsBreakdown() {
    }

    /** The interesting metrics now, summed over threads and clients (maxima: the largest). */
    static Map<String, Double> snapshot(final KafkaStreams streams) {
        final Map<String, Double> sums = new TreeMap<>();
        for (final Map.Entry<MetricName, ? extends Metric> e : streams.metrics().entrySet()) {
            final MetricName n = e.getKey();
            final String key = keyOf(n);
            if (key == null || !(e.getValue().metricValue() instanceof Double v) || v.isNaN() || v.isInfinite()) {
                continue;
            }
            sums.merge(key, v, n.name().endsWith("-max") ? Math::max : Double::sum);
        }
        sums.put("active-tasks", (double) streams.metadataForLocalThreads().stream()
                .mapToInt(t -> t.activeTasks().size()).sum());
        return sums;
    }

    /** Totals as the difference between two snapshots, averages and maxima as of {@code after}. */
    static String between(final Map<String, Double> before, final Map<String, Double> after) {
        final StringBuilder out = new StringBuilder("streams metrics over the run:");
        after.forEach((k, v) -> out.append(String.format(" %s=%,.1f", k,
                k.endsWith("-total") ? v - before.getOrDefault(k, 0.0) : v)));
        return out.toString();
    }

    /** The metrics worth printing, summed over threads/clients, or null. */
    private static String keyOf(final MetricName n) {
        final String g = n.group();
        final String name = n.name();
        if (g.equals("stream-thread-metrics") && THREAD.contains(name)) {
            return "thread." + name;
        }
        if (g.equals("producer-metrics") && (name.startsWith("txn-") && name.endsWith("time-ns-total")
                || name.equals("flush-time-ns-total") || name.equals("record-send-total")
                || name.equals("outgoing-byte-total") || name.equals("request-total"))) {
            return "producer." + name;
        }
        if (g.equals("consumer-fetch-manager-metrics") && n.tags().size() == 1
                && (name.equals("records-consumed-total") || name.equals("bytes-consumed-total")
                || name.equals("fetch-total"))) {
            return "consumer." + name;
        }
        return null;
    }
}
