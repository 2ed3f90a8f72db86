package io.cellfloor.sinks.alert;

import io.cellfloor.avro.Alert;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Delivers one alert to every receiver its routes name, each with retries, exponential backoff and its own circuit
 * breaker, and reports who did not get it. A receiver that succeeded is not called again for the same alert. While a
 * breaker is open, attempts use up the retry budget without touching the network; when the budget is spent the
 * receiver is reported failed and the caller dead-letters the alert.
 */
public final class AlertDispatcher {
    /** One receiver with its format and breaker. */
    public record Target(ReceiverSpec spec, PayloadFormat format, CircuitBreaker breaker) {
    }

    private final Router router;
    private final Map<String, Target> targets;
    private final HttpSender sender;
    private final Backoff backoff;
    private final int maxAttempts;
    private final String linkTemplate;
    private final Clock clock;
    private final Sleeper sleeper;
    private final AlertSinkMetrics metrics;

    public AlertDispatcher(final AlertSinkSettings settings, final HttpSender sender, final Clock clock,
                           final Sleeper sleeper, final AlertSinkMetrics metrics) {
        this.router = new Router(settings.routes());
        final Map<String, Target> t = new LinkedHashMap<>();
        settings.receivers().forEach(r -> t.put(r.name(), new Target(r, PayloadFormat.of(r),
                new CircuitBreaker(settings.breakerThreshold(), settings.breakerOpen(), clock))));
        this.targets = Map.copyOf(t);
        this.sender = sender;
        this.backoff = settings.backoff();
        this.maxAttempts = settings.maxAttempts();
        this.linkTemplate = settings.dashboardUrl();
        this.clock = clock;
        this.sleeper = sleeper;
        this.metrics = metrics;
    }

    public DispatchResult deliver(final Alert alert) throws InterruptedException {
        final AlertText text = AlertText.of(alert, linkTemplate);
        final Map<String, String> failures = new LinkedHashMap<>();
        final var receivers = router.receiversFor(alert);
        for (final String name : receivers) {
            final String error = deliverTo(targets.get(name), alert, text);
            if (error != null) {
                failures.put(name, error);
                metrics.onDeadLetter(name);
            }
        }
        return new DispatchResult(failures, receivers.size());
    }

    /** Null when delivered, else the last error. */
    private String deliverTo(final Target target, final Alert alert, final AlertText text)
            throws InterruptedException {
        final String name = target.spec().name();
        String last = "not attempted";
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            Attempt outcome = null;
            if (target.breaker().allows()) {
                outcome = sender.send(target.format().render(alert, text));
                if (outcome.kind() == Attempt.Kind.DELIVERED) {
                    target.breaker().onSuccess();
                    metrics.onDelivered(name, Duration.ofMillis(clock.millis() - alert.getCreatedMs()));
                    return null;
                }
                if (outcome.kind() == Attempt.Kind.PERMANENT) {
                    // the receiver answered, so it is healthy: our request is what is wrong
                    return outcome.detail() + " (not retried: fix receiver." + name + " in the config)";
                }
                target.breaker().onFailure();
                last = outcome.detail();
            } else {
                last = "circuit open after repeated failures; last: " + last;
            }
            if (attempt < maxAttempts) {
                metrics.onRetry(name);
                sleeper.sleep(backoff.delay(attempt, outcome == null ? null : outcome.retryAfter()));
            }
        }
        return "gave up after " + maxAttempts + " attempts: " + last;
    }

    /** The breaker of a receiver, for metrics and tests. */
    public CircuitBreaker breaker(final String receiver) {
        return targets.get(receiver).breaker();
    }
}
