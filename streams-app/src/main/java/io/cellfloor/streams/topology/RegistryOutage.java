package io.cellfloor.streams.topology;

import io.cellfloor.schema.registry.SchemaRegistryException;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits out a schema registry that cannot answer, instead of dead-lettering what could not be decoded because of it:
 * a batch dead-lettered for an outage would be lost for good, since later batches move the channel's sequence on and
 * re-driving it is then refused as a duplicate. A registry that answers "no such schema" (404) is not an outage; that
 * error goes on to the caller, which dead-letters it.
 *
 * <p>Each attempt is bounded by the registry client's own timeouts and retries; between attempts this waits with a
 * doubling backoff up to {@code maxWait}. The stream thread blocks meanwhile, which is the point: nothing after the
 * record is processed out of order. A thread blocked longer than {@code max.poll.interval.ms} (5 min) would be
 * dropped from its group, so after {@code giveUpAfter} (4 min) this throws: the app stops with the cause and,
 * restarted, reads the record again from the last commit; still nothing is dead-lettered. One WARN when an
 * outage starts and one INFO when it ends; {@code cellfloor.streams.registry.retries} counts the waits and {@code cellfloor.streams.registry.down} is 1 meanwhile.
 */
final class RegistryOutage {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryOutage.class);

    /** How the wait is spent; tests pass one that does not sleep. */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final TopologyMetrics metrics;
    private final Duration firstWait;
    private final Duration maxWait;
    private final Duration giveUpAfter;
    private final Sleeper sleeper;
    private long outageStartNanos = -1;

    RegistryOutage(final TopologyMetrics metrics, final Duration firstWait, final Duration maxWait,
                   final Duration giveUpAfter, final Sleeper sleeper) {
        this.metrics = metrics;
        this.firstWait = firstWait;
        this.maxWait = maxWait;
        this.giveUpAfter = giveUpAfter;
        this.sleeper = sleeper;
    }

    static RegistryOutage standard(final TopologyMetrics metrics) {
        return new RegistryOutage(metrics, Duration.ofMillis(250), Duration.ofSeconds(10), Duration.ofMinutes(4),
                d -> Thread.sleep(d.toMillis()));
    }

    /** {@code call}'s result once the registry answers; its exception when that is anything but an outage. */
    <T> T await(final Supplier<T> call) {
        Duration wait = firstWait;
        Duration waited = Duration.ZERO;
        while (true) {
            try {
                final T result = call.get();
                if (outageStartNanos >= 0) {
                    LOG.info("Schema registry answers again after {} s; processing resumes",
                            (System.nanoTime() - outageStartNanos) / 1_000_000_000);
                    outageStartNanos = -1;
                    metrics.registryDown.set(0);
                }
                return result;
            } catch (RuntimeException e) {
                if (!SchemaRegistryException.isUnavailable(e)) {
                    throw e;
                }
                if (outageStartNanos < 0) {
                    outageStartNanos = System.nanoTime();
                    metrics.registryDown.set(1);
                    LOG.warn("Schema registry cannot answer ({}); processing pauses and retries until it does,"
                            + " nothing is dead-lettered for it", e.getMessage());
                }
                if (waited.compareTo(giveUpAfter) >= 0) {
                    throw new GaveUp("the schema registry has not answered for " + waited.toSeconds()
                            + " s; stopping the app before its thread leaves the group. Restarted, the app reads this "
                            + "record again; nothing was dead-lettered", e);
                }
                metrics.registryRetries.increment();
                pause(wait);
                waited = waited.plus(wait);
                wait = wait.multipliedBy(2).compareTo(maxWait) > 0 ? maxWait : wait.multipliedBy(2);
            }
        }
    }

    /** The outage lasted too long: callers let it stop the app, never dead-letter the record for it. */
    static final class GaveUp extends IllegalStateException {
        GaveUp(final String message, final Throwable cause) {
            super(message, cause);
        }
    }

    private void pause(final Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the schema registry to answer again", e);
        }
    }
}
