package io.cellfloor.streams.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the topology counts, so every sample that comes in is accounted for:
 * {@code samples.in = samples.accepted + samples.rejected}, and records that cannot be read at all are
 * {@code records.unreadable}. Each rejected sample or unreadable record is on the dead-letter topic.
 */
public final class TopologyMetrics {
    final Counter batchesIn;
    final Counter samplesIn;
    final Counter samplesAccepted;
    final Counter samplesRejected;
    final Counter recordsUnreadable;
    final Counter deadLetters;
    final Counter cyclesClosed;
    final Counter cellTests;
    final Counter breakdownEvents;
    final Counter stageChanges;
    final Counter registryRetries;
    final AtomicInteger registryDown;

    public TopologyMetrics(final MeterRegistry registry) {
        batchesIn = registry.counter("cellfloor.streams.batches.in");
        samplesIn = registry.counter("cellfloor.streams.samples.in");
        samplesAccepted = registry.counter("cellfloor.streams.samples.accepted");
        samplesRejected = registry.counter("cellfloor.streams.samples.rejected");
        recordsUnreadable = registry.counter("cellfloor.streams.records.unreadable");
        deadLetters = registry.counter("cellfloor.streams.dead.letters");
        cyclesClosed = registry.counter("cellfloor.streams.cycles.closed");
        cellTests = registry.counter("cellfloor.streams.cell.tests");
        breakdownEvents = registry.counter("cellfloor.streams.breakdown.events");
        stageChanges = registry.counter("cellfloor.streams.stage.changes");
        registryRetries = registry.counter("cellfloor.streams.registry.retries");
        registryDown = registry.gauge("cellfloor.streams.registry.down", new AtomicInteger());
    }

    public double cyclesClosed() {
        return cyclesClosed.count();
    }

    public double samplesIn() {
        return samplesIn.count();
    }

    /** How often processing waited for the schema registry to answer again. */
    public double registryRetries() {
        return registryRetries.count();
    }

    public double deadLetters() {
        return deadLetters.count();
    }
}
