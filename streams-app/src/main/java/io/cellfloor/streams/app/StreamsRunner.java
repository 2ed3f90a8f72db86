package io.cellfloor.streams.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TransactionAbortableException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that owns a {@link KafkaStreams} lifecycle: logs the topology, binds Streams metrics, replaces a
 * thread that failed on unreachable brokers and shuts the client down on any other uncaught error (the error is
 * logged and {@link #failure()} says what it was), and closes with a deadline.
 */
public final class StreamsRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamsRunner.class);

    private final KafkaStreams streams;
    private final KafkaStreamsMetrics metrics;
    private final CountDownLatch running = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Throwable failure;

    public StreamsRunner(final Topology topology, final Properties props, final MeterRegistry registry) {
        LOG.info("topology:\n{}", topology.describe());
        this.streams = new KafkaStreams(topology, props);
        this.metrics = new KafkaStreamsMetrics(streams);
        metrics.bindTo(registry);
        streams.setUncaughtExceptionHandler(e -> {
            final StreamThreadExceptionResponse response = responseTo(e);
            if (response == StreamThreadExceptionResponse.REPLACE_THREAD) {
                LOG.warn("stream thread failed on a broker it could not reach; a new thread takes over its tasks "
                        + "from the last commit ({})", e.toString());
            } else {
                failure = e;
                LOG.error("stream thread failed; shutting the streams client down", e);
            }
            return response;
        });
        streams.setStateListener((now, before) -> {
            LOG.info("streams state {} -> {}", before, now);
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
            if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
                stopped.countDown();
            }
        });
    }

    /**
     * A thread that failed because the brokers did not answer in time (a broker outage longer than the clients'
     * timeouts, e.g. a changelog's metadata not found within {@code max.block.ms}) is replaced: under exactly-once
     * its open transaction is aborted and the new thread resumes from the last commit, so nothing is lost or
     * written twice, and the app rides out the outage. Anything else stops the client, loudly.
     */
    static StreamThreadExceptionResponse responseTo(final Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RetriableException || t instanceof TransactionAbortableException) {
                return StreamThreadExceptionResponse.REPLACE_THREAD;
            }
        }
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }

    public StreamsRunner start() {
        streams.start();
        return this;
    }

    /** Waits until the app first reaches RUNNING; false on timeout. */
    public boolean awaitRunning(final Duration timeout) throws InterruptedException {
        return running.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits until the app has stopped for good (closed, or failed). */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    /** Waits up to {@code timeout} for the app to stop for good; whether it has. */
    public boolean awaitStopped(final Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** The error that stopped a stream thread, or null. */
    public Throwable failure() {
        return failure;
    }

    public KafkaStreams streams() {
        return streams;
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }

    public void close(final Duration timeout) {
        if (!streams.close(timeout)) {
            LOG.warn("streams did not close within {}", timeout);
        }
        metrics.close();
    }
}
