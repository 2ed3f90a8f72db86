package io.cellfloor.sinks.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellfloor.avro.Alert;
import io.cellfloor.avro.CellStage;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayloadFormatTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LINK = "https://cellfloor.example/channels/{channel}";
    private final Alert alert = Alerts.alert("st-1", "st-1-ch-04", CellStage.RECOVERABLE, CellStage.IRRECOVERABLE, 17);
    private final AlertText text = AlertText.of(alert, LINK);

    @Test
    void shouldSayWhichCellWhereWhatAndWhereToLook() {
        assertThat(text.plain())
                .contains("Station: st-1", "Channel: st-1-ch-04 (test t-1)",
                        "Cell: LPSC on Cu, 0.50 mA/cm2, 1.00 mAh/cm2, cut-off 4.30 V, 5.0 MPa",
                        "Stage: RECOVERABLE -> IRRECOVERABLE (CRITICAL)", "Cycle: 17, CE 97.25 %",
                        "Evidence: voltage drop", "https://cellfloor.example/channels/st-1-ch-04");
    }

    @Test
    void shouldTriggerPagerDutyWithTheDedupKeyThenResolveTheStageTheCellLeft() throws Exception {
        final List<Outbound> out = new PagerDutyFormat(URI.create("http://pd/v2/enqueue"), "KEY").render(alert, text);
        assertThat(out).hasSize(2);
        final JsonNode trigger = JSON.readTree(out.get(0).json());
        assertThat(trigger.get("event_action").asText()).isEqualTo("trigger");
        assertThat(trigger.get("routing_key").asText()).isEqualTo("KEY");
        assertThat(trigger.get("dedup_key").asText()).isEqualTo("cellfloor/st-1-ch-04/t-1/irrecoverable");
        assertThat(trigger.at("/payload/severity").asText()).isEqualTo("critical");
        assertThat(trigger.at("/payload/source").asText()).isEqualTo("st-1/st-1-ch-04");
        assertThat(trigger.at("/payload/custom_details/Cell").asText()).startsWith("LPSC on Cu");
        assertThat(trigger.at("/links/0/href").asText()).isEqualTo("https://cellfloor.example/channels/st-1-ch-04");
        final JsonNode resolve = JSON.readTree(out.get(1).json());
        assertThat(resolve.get("event_action").asText()).isEqualTo("resolve");
        assertThat(resolve.get("dedup_key").asText()).isEqualTo("cellfloor/st-1-ch-04/t-1/recoverable");
    }

    @Test
    void shouldNotResolveAnythingWhenTheCellLeavesStable() {
        final Alert first = Alerts.alert("st-1", "c", CellStage.STABLE, CellStage.RECOVERABLE, 3);
        assertThat(new PagerDutyFormat(URI.create("http://pd"), "KEY").render(first, AlertText.of(first, null)))
                .hasSize(1);
    }

    @Test
    void shouldPostAlertmanagerAlertsWithADedupLabelToTheV2Api() throws Exception {
        final List<Outbound> out = new AlertmanagerFormat(URI.create("http://am:9093/")).render(alert, text);
        assertThat(out.get(0).uri()).isEqualTo(URI.create("http://am:9093/api/v2/alerts"));
        final JsonNode a = JSON.readTree(out.get(0).json()).get(0);
        assertThat(a.at("/labels/dedup_key").asText()).isEqualTo(alert.getDedupKey());
        assertThat(a.at("/labels/alertname").asText()).isEqualTo("CellfloorStageChange");
        assertThat(a.at("/labels/stage").asText()).isEqualTo("irrecoverable");
        assertThat(a.at("/labels/electrolyte").asText()).isEqualTo("LPSC");
        assertThat(a.get("generatorURL").asText()).endsWith("/channels/st-1-ch-04");
        assertThat(a.get("startsAt").asText()).isEqualTo("2026-01-01T17:00:00Z");
    }

    @Test
    void shouldSendSlackBlocksWithAButtonToTheChannel() throws Exception {
        final JsonNode s = JSON.readTree(new SlackFormat(URI.create("http://slack")).render(alert, text).get(0).json());
        assertThat(s.get("text").asText()).contains("st-1/st-1-ch-04");
        assertThat(s.toString()).contains("\"type\":\"button\"", "channels/st-1-ch-04", alert.getDedupKey());
    }

    @Test
    void shouldCarryTheDedupKeyAsIdempotencyKeyOnWebhooks() throws Exception {
        final Outbound o = new WebhookFormat(URI.create("http://hook")).render(alert, text).get(0);
        assertThat(o.headers()).containsEntry("Idempotency-Key", alert.getDedupKey());
        assertThat(JSON.readTree(o.json()).get("link").asText()).endsWith("/channels/st-1-ch-04");
    }
}
