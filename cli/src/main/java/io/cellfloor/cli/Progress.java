package io.cellfloor.cli;

import io.cellfloor.streams.topology.TopologyMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.PrintStream;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** The demo's progress line: channels, samples/s published and processed, cycles closed, dead letters. */
final class Progress {
    private final int channels;
    private final MeterRegistry meters;
    private final TopologyMetrics topology;
    private final PrintStream out;

    Progress(final int channels, final MeterRegistry meters, final TopologyMetrics topology, final PrintStream out) {
        this.channels = channels;
        this.meters = meters;
        this.topology = topology;
        this.out = out;
    }

    /** Prints a line every {@code every} until {@code done} says so. */
    void runUntil(final BooleanSupplier done, final Duration every) throws InterruptedException {
        final long start = System.nanoTime();
        long last = start;
        double lastPublished = 0;
        double lastProcessed = 0;
        while (!done.getAsBoolean()) {
            Thread.sleep(100);
            final long now = System.nanoTime();
            if (now - last < every.toNanos()) {
                continue;
            }
            final double seconds = (now - last) / 1e9;
            final double published = meters.counter("cellfloor.agent.samples.published").count();
            final double processed = topology.samplesIn();
            out.printf("[%5.0f s] %d channels | %,.0f samples/s published | %,.0f samples/s processed | "
                            + "%,.0f cycles closed | %,.0f dead letters%n",
                    (now - start) / 1e9, channels, (published - lastPublished) / seconds,
                    (processed - lastProcessed) / seconds, topology.cyclesClosed(), topology.deadLetters());
            last = now;
            lastPublished = published;
            lastProcessed = processed;
        }
    }
}
