package io.cellfloor.sinks.archive;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Meters of the archive, tagged by topic directory: {@code cellfloor.sinks.archive.files}, {@code .bytes},
 * {@code .records}, {@code .unreadable}, and the gauge {@code cellfloor.sinks.archive.lag} (records on the topics
 * not yet archived, summed over this instance's partitions).
 */
public final class ArchiveMetrics {
    private final MeterRegistry registry;
    private final AtomicLong lag = new AtomicLong();

    public ArchiveMetrics(final MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("cellfloor.sinks.archive.lag", lag, AtomicLong::get)
                .description("records not yet archived").register(registry);
    }

    void published(final ArchiveTopic topic, final Segment.Published p) {
        counter("cellfloor.sinks.archive.files", topic).increment(p.files());
        counter("cellfloor.sinks.archive.bytes", topic).increment(p.bytes());
        counter("cellfloor.sinks.archive.records", topic).increment(p.records());
    }

    void unreadable(final ArchiveTopic topic) {
        counter("cellfloor.sinks.archive.unreadable", topic).increment();
    }

    void lag(final long records) {
        lag.set(records);
    }

    public double files(final ArchiveTopic topic) {
        return counter("cellfloor.sinks.archive.files", topic).count();
    }

    public double bytes(final ArchiveTopic topic) {
        return counter("cellfloor.sinks.archive.bytes", topic).count();
    }

    public long lag() {
        return lag.get();
    }

    private Counter counter(final String name, final ArchiveTopic topic) {
        return registry.counter(name, "topic", topic.dir());
    }
}
