package io.cellfloor.sinks.alert;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cellfloor.avro.Alert;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prometheus Alertmanager's v2 API ({@code POST /api/v2/alerts}). Alertmanager identifies an alert by its label
 * set, and the labels here are a function of the alert alone (with {@code dedup_key} among them), so a resend is
 * the same alert, not a new notification. No {@code endsAt} is sent: a stage change is an event, and Alertmanager
 * resolves it after its {@code resolve_timeout} once the notification went out.
 */
record AlertmanagerFormat(URI base) implements PayloadFormat {
    @Override
    public List<Outbound> render(final Alert a, final AlertText text) {
        final ArrayNode body = Json.MAPPER.createArrayNode();
        final ObjectNode alert = body.addObject();
        final ObjectNode labels = alert.putObject("labels");
        labels.put("alertname", "CellfloorStageChange");
        labels.put("dedup_key", a.getDedupKey());
        labels.put("severity", a.getSeverity().name().toLowerCase(Locale.ROOT));
        labels.put("station", a.getStationId());
        labels.put("channel", a.getChannelId());
        labels.put("test", a.getTestId());
        labels.put("stage", a.getStage().name().toLowerCase(Locale.ROOT));
        if (a.getElectrolyte() != null) {
            labels.put("electrolyte", a.getElectrolyte());
        }
        if (a.getCollector() != null) {
            labels.put("collector", a.getCollector());
        }
        final ObjectNode annotations = alert.putObject("annotations");
        annotations.put("summary", text.title());
        annotations.put("description", text.plain());
        annotations.put("evidence", text.evidence());
        if (text.link() != null) {
            annotations.put("dashboard", text.link());
            alert.put("generatorURL", text.link());
        }
        alert.put("startsAt", Instant.ofEpochMilli(a.getCreatedMs()).toString());
        return List.of(new Outbound(endpoint(), Json.write(body), Map.of()));
    }

    private URI endpoint() {
        final String s = base.toString();
        return URI.create(s.endsWith("/api/v2/alerts") ? s : s.replaceAll("/+$", "") + "/api/v2/alerts");
    }
}
