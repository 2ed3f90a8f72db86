package io.cellfloor.sinks.alert;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Meters of the alert sink, tagged by receiver: {@code cellfloor.sinks.alerts.delivered}, {@code .retried},
 * {@code .dead.lettered}, and {@code cellfloor.sinks.alerts.latency}, from the alert's creation (the end of the cycle
 * that caused it) to its delivery.
 */
public final class AlertSinkMetrics {
    private final MeterRegistry registry;

    public AlertSinkMetrics(final MeterRegistry registry) {
        this.registry = registry;
    }

    void onDelivered(final String receiver, final Duration sinceCreated) {
        counter("cellfloor.sinks.alerts.delivered", receiver).increment();
        Timer.builder("cellfloor.sinks.alerts.latency").description("alert creation to delivery")
                .tag("receiver", receiver).publishPercentileHistogram().register(registry)
                .record(sinceCreated.isNegative() ? Duration.ZERO : sinceCreated);
    }

    void onRetry(final String receiver) {
        counter("cellfloor.sinks.alerts.retried", receiver).increment();
    }

    void onDeadLetter(final String receiver) {
        counter("cellfloor.sinks.alerts.dead.lettered", receiver).increment();
    }

    public double delivered(final String receiver) {
        return counter("cellfloor.sinks.alerts.delivered", receiver).count();
    }

    public double retried(final String receiver) {
        return counter("cellfloor.sinks.alerts.retried", receiver).count();
    }

    public double deadLettered(final String receiver) {
        return counter("cellfloor.sinks.alerts.dead.lettered", receiver).count();
    }

    private Counter counter(final String name, final String receiver) {
        return registry.counter(name, "receiver", receiver);
    }
}
