package io.cellfloor.sinks.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cellfloor.avro.AlertSeverity;
import io.cellfloor.avro.CellStage;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertSinkSettingsTest {
    static Map<String, String> base() {
        final Map<String, String> m = new HashMap<>();
        m.put("bootstrap.servers", "localhost:9092");
        m.put("schema.registry.url", "http://localhost:8081");
        m.put("receiver.pd.type", "pagerduty");
        m.put("receiver.pd.url", "https://events.pagerduty.com/v2/enqueue");
        m.put("receiver.pd.routing-key", "R0UT1NGKEY");
        m.put("receiver.slack.type", "slack");
        m.put("receiver.slack.url", "https://hooks.slack.com/services/T/B/X");
        m.put("route.critical.receivers", "pd");
        m.put("route.critical.min-severity", "critical");
        m.put("route.lpsc.receivers", "slack");
        m.put("route.lpsc.electrolytes", "LPSC");
        m.put("route.lpsc.stations", "st-1, st-2");
        return m;
    }

    @Test
    void shouldRouteBySeverityAndCohortAndStation() {
        final Router router = new Router(AlertSinkSettings.parse(base()).routes());
        assertThat(router.receiversFor(Alerts.alert("st-1", "c1", CellStage.STABLE, CellStage.RECOVERABLE, 3)))
                .containsExactly("slack");
        assertThat(router.receiversFor(Alerts.alert("st-1", "c1", CellStage.RECOVERABLE, CellStage.HARD_SHORT, 9)))
                .containsExactly("pd", "slack");
        assertThat(router.receiversFor(Alerts.alert("st-9", "c1", CellStage.STABLE, CellStage.RECOVERABLE, 3)))
                .isEmpty();
    }

    @Test
    void shouldRouteByStage() {
        final Map<String, String> m = base();
        m.put("route.shorts.receivers", "slack");
        m.put("route.shorts.stages", "hard-short");
        m.put("route.shorts.stations", "st-9");
        final Router router = new Router(AlertSinkSettings.parse(m).routes());
        assertThat(router.receiversFor(Alerts.alert("st-9", "c1", CellStage.IRRECOVERABLE, CellStage.HARD_SHORT, 9)))
                .containsExactly("pd", "slack");
    }

    @Test
    void shouldTreatAnUnknownSeverityAsMostSevere() {
        final var a = Alerts.alert("st-9", "c1", CellStage.STABLE, CellStage.RECOVERABLE, 3);
        a.setSeverity(AlertSeverity.UNKNOWN);
        assertThat(new Router(AlertSinkSettings.parse(base()).routes()).receiversFor(a)).containsExactly("pd");
    }

    @Test
    void shouldNameTheMissingReceiverOfARoute() {
        final Map<String, String> m = base();
        m.put("route.x.receivers", "opsgenie");
        assertThatThrownBy(() -> AlertSinkSettings.parse(m)).hasMessageContaining("'opsgenie'")
                .hasMessageContaining("receiver.opsgenie.type");
    }

    @Test
    void shouldRequireThePagerDutyRoutingKey() {
        final Map<String, String> m = base();
        m.remove("receiver.pd.routing-key");
        assertThatThrownBy(() -> AlertSinkSettings.parse(m)).hasMessageContaining("receiver.pd.routing-key");
    }

    @Test
    void shouldKeepRetryKnobsAndPassUnknownKeysToKafka() {
        final Map<String, String> m = base();
        m.put("cellfloor.alerts-max-attempts", "3");
        m.put("security.protocol", "SASL_SSL");
        final AlertSinkSettings s = AlertSinkSettings.parse(m);
        assertThat(s.maxAttempts()).isEqualTo(3);
        assertThat(s.kafka()).containsEntry("security.protocol", "SASL_SSL").doesNotContainKey("receiver.pd.url");
        assertThat(AlertSinkClients.consumer(s)).containsEntry("isolation.level", "read_committed")
                .containsEntry("enable.auto.commit", "false");
    }
}
