package io.cellfloor.streams.app;

import io.cellfloor.streams.config.StreamsAppConfig;
import io.cellfloor.streams.query.QueryableApps;
import io.cellfloor.streams.topology.CellfloorTopology;
import io.cellfloor.streams.topology.Codecs;
import io.cellfloor.streams.topology.TopologyMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;

/**
 * cellfloor's two Kafka Streams applications, run side by side in one process: detection (application id as
 * configured), which reads every sample, and views ({@code <application id>-views}), which reads one record per
 * cycle, event or status from detection's output topics. Kept apart so the per-sample path neither shares tasks
 * and transactions with the per-cycle views nor waits on them: each has its own commit interval (views 1 s by
 * default, {@code cellfloor.views.commit-interval-ms}), threads and state, and either can be reset or scaled alone.
 */
public final class CellfloorApps implements QueryableApps, AutoCloseable {
    private final StreamsRunner detection;
    private final StreamsRunner views;

    /** {@code props}: the detection app's Streams properties, from which the views app's are derived. */
    public CellfloorApps(final Codecs codecs, final StreamsAppConfig config, final Properties props,
                         final TopologyMetrics metrics, final MeterRegistry meters) {
        this.detection = new StreamsRunner(CellfloorTopology.detection(codecs, config.topology(), metrics), props,
                meters);
        this.views = new StreamsRunner(CellfloorTopology.views(codecs, config.topology()),
                config.viewsProperties(props), meters);
    }

    public CellfloorApps start() {
        views.start();
        detection.start();
        return this;
    }

    /** Waits until both apps first reach RUNNING; false on timeout. */
    public boolean awaitRunning(final Duration timeout) throws InterruptedException {
        final long deadline = System.nanoTime() + timeout.toNanos();
        return detection.awaitRunning(timeout)
                && views.awaitRunning(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }

    /** Waits until either app has stopped for good: one without the other is no cellfloor. */
    public void awaitStopped() throws InterruptedException {
        while (!detection.awaitStopped(Duration.ofMillis(200))) {
            if (views.awaitStopped(Duration.ZERO)) {
                return;
            }
        }
    }

    /** The error that stopped a stream thread of either app, or null. */
    public Throwable failure() {
        return detection.failure() != null ? detection.failure() : views.failure();
    }

    @Override
    public KafkaStreams detection() {
        return detection.streams();
    }

    @Override
    public KafkaStreams views() {
        return views.streams();
    }

    /** The app that keeps {@code store}. */
    @Override
    public KafkaStreams owner(final String store) {
        return CellfloorTopology.isViewStore(store) ? views() : detection();
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }

    public void close(final Duration timeout) {
        detection.close(timeout);
        views.close(timeout);
    }
}
