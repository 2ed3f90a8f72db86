package io.cellfloor.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C or SIGTERM for a command: {@link #requested()} turns true, and the JVM waits (up to a deadline) until
 * the command calls {@link #finished()} after closing what it runs. Without the wait the JVM would exit while
 * Kafka Streams is still closing, and an exactly-once app would have to rebuild its state from the changelogs
 * on the next start.
 */
final class ShutdownSignal implements AutoCloseable {
    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);

    ShutdownSignal(final String name, final Duration closeDeadline) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            requested.countDown();
            try {
                finished.await(closeDeadline.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name + "-shutdown"));
    }

    boolean requested() {
        return requested.getCount() == 0;
    }

    /** Asks the command to stop, as a signal would; for a command that stops itself. */
    void request() {
        requested.countDown();
    }

    /** Blocks until a stop is requested. */
    void await() throws InterruptedException {
        requested.await();
    }

    /** The command has closed everything: the JVM may exit. */
    void finished() {
        finished.countDown();
    }

    @Override
    public void close() {
        finished();
    }
}
