package io.cellfloor.sinks.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellfloor.avro.Alert;
import io.cellfloor.avro.CellStage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The dispatcher against real HTTP servers that fail, hang, rate-limit and recover; time is a fake clock. */
class AlertDispatcherTest {
    private final MutableClock clock = new MutableClock(Instant.ofEpochMilli(Alerts.T0).plus(Duration.ofDays(1)));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AlertSinkMetrics metrics = new AlertSinkMetrics(meters);
    private FakeReceiver receiver;

    @AfterEach
    void stop() {
        receiver.close();
    }

    private AlertDispatcher dispatcher(final String type, final int maxAttempts) {
        final Map<String, String> m = new HashMap<>();
        m.put("bootstrap.servers", "unused:9092");
        m.put("schema.registry.url", "http://unused");
        m.put("receiver.r.type", type);
        m.put("receiver.r.url", receiver.url().toString());
        m.put("receiver.r.routing-key", "KEY");
        m.put("route.all.receivers", "r");
        m.put("cellfloor.alerts-max-attempts", String.valueOf(maxAttempts));
        m.put("cellfloor.alerts-backoff-initial-ms", "1000");
        m.put("cellfloor.alerts-backoff-max-ms", "60000");
        m.put("cellfloor.alerts-breaker-threshold", "3");
        m.put("cellfloor.alerts-breaker-open-ms", "20000");
        m.put("cellfloor.alerts-dashboard-url", "https://cellfloor.example/channels/{channel}");
        final AlertSinkSettings s = AlertSinkSettings.parse(m);
        return new AlertDispatcher(s, new HttpSender(Duration.ofMillis(300)), clock, clock.sleeper(), metrics);
    }

    private final Alert alert = Alerts.alert("st-1", "c1", CellStage.STABLE, CellStage.RECOVERABLE, 5);

    @Test
    void shouldRetryThroughErrorsRateLimitsAndHangsUntilTheReceiverRecovers() throws Exception {
        receiver = new FakeReceiver(n -> switch (n) {
            case 1 -> 500;
            case 2 -> 429;
            case 3 -> FakeReceiver.HANG;
            default -> 202;
        });
        final AlertDispatcher d = dispatcher("webhook", 8);

        final DispatchResult result = d.deliver(alert);

        assertThat(result.complete()).isTrue();
        assertThat(receiver.requests()).isEqualTo(4);
        assertThat(receiver.deliveries()).containsExactly(alert.getDedupKey());
        // 1 + 2 + 4 s of backoff; the hang was the third failure in a row and opened the breaker for 20 s, so
        // attempts 4 and 5 (after 8 and 16 s more) did not touch the network; attempt 6 was the half-open trial
        assertThat(clock.slept()).isEqualTo(Duration.ofSeconds(31));
        assertThat(metrics.retried("r")).isEqualTo(5);
        assertThat(metrics.delivered("r")).isEqualTo(1);
        assertThat(meters.timer("cellfloor.sinks.alerts.latency", "receiver", "r").count()).isEqualTo(1);
    }

    @Test
    void shouldGiveUpAfterTheBudgetAndSpareTheReceiverWhileTheBreakerIsOpen() throws Exception {
        receiver = new FakeReceiver(n -> 503);
        final AlertDispatcher d = dispatcher("pagerduty", 6);

        final DispatchResult result = d.deliver(alert);

        assertThat(result.complete()).isFalse();
        assertThat(result.failures().get("r")).contains("gave up after 6 attempts", "HTTP 503");
        // three failures open the breaker; 1+2+4 s later it is still open (20 s), 8 s later still, then half-open
        assertThat(receiver.requests()).isLessThan(6);
        assertThat(metrics.deadLettered("r")).isEqualTo(1);
        assertThat(d.breaker("r").allows()).isFalse();
    }

    @Test
    void shouldNotRetryARequestTheReceiverRejects() throws Exception {
        receiver = new FakeReceiver(n -> 400);
        final DispatchResult result = dispatcher("pagerduty", 8).deliver(alert);
        assertThat(receiver.requests()).isEqualTo(1);
        assertThat(result.failures().get("r")).contains("HTTP 400", "not retried", "receiver.r");
    }

    @Test
    void shouldResendBothTriggerAndResolveWhenTheResolveFails() throws Exception {
        final Alert escalation = Alerts.alert("st-1", "c1", CellStage.RECOVERABLE, CellStage.HARD_SHORT, 9);
        receiver = new FakeReceiver(n -> n == 2 ? 502 : 202);
        assertThat(dispatcher("pagerduty", 8).deliver(escalation).complete()).isTrue();
        // trigger, failed resolve, trigger again (joins the open incident), resolve
        assertThat(receiver.requests()).isEqualTo(4);
        assertThat(receiver.deliveries()).containsExactly(escalation.getDedupKey(), escalation.getDedupKey());
        assertThat(receiver.pages()).containsExactly(escalation.getDedupKey());
    }
}
