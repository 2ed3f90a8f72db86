package io.cellfloor.sinks.alert;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cellfloor.avro.Alert;
import io.cellfloor.avro.CellStage;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * PagerDuty Events API v2. The alert's dedup key is PagerDuty's {@code dedup_key}, so a retried trigger joins the
 * open incident instead of paging again. Stages only move forward, so when a cell moves on (recoverable to
 * irrecoverable, say) the incident of the stage it left is resolved after the new one is triggered: one open
 * incident per cell, the most severe. The end of a test is not on the alerts topic, so the last stage's incident is
 * resolved by a person (who will pull the cell anyway).
 */
record PagerDutyFormat(URI url, String routingKey) implements PayloadFormat {
    @Override
    public List<Outbound> render(final Alert a, final AlertText text) {
        final List<Outbound> out = new ArrayList<>();
        out.add(new Outbound(url, Json.write(trigger(a, text)), Map.of()));
        final String superseded = supersededKey(a);
        if (superseded != null) {
            final ObjectNode resolve = Json.object().put("routing_key", routingKey).put("event_action", "resolve")
                    .put("dedup_key", superseded);
            out.add(new Outbound(url, Json.write(resolve), Map.of()));
        }
        return out;
    }

    private ObjectNode trigger(final Alert a, final AlertText text) {
        final ObjectNode body = Json.object().put("routing_key", routingKey).put("event_action", "trigger")
                .put("dedup_key", a.getDedupKey());
        final ObjectNode payload = body.putObject("payload");
        payload.put("summary", truncate(text.title(), 1024));
        payload.put("source", a.getStationId() + "/" + a.getChannelId());
        payload.put("severity", switch (a.getSeverity()) {
            case INFO -> "info";
            case WARNING -> "warning";
            case CRITICAL, UNKNOWN -> "critical";
        });
        payload.put("timestamp", Instant.ofEpochMilli(a.getCreatedMs()).toString());
        payload.put("component", a.getChannelId());
        payload.put("group", a.getStationId());
        payload.put("class", a.getStage().name().toLowerCase(Locale.ROOT));
        final ObjectNode details = payload.putObject("custom_details");
        text.facts().forEach(f -> {
            final int colon = f.indexOf(": ");
            details.put(f.substring(0, colon), f.substring(colon + 2));
        });
        details.put("Evidence", text.evidence());
        details.put("Test", a.getTestId());
        if (text.link() != null) {
            body.putArray("links").addObject().put("href", text.link()).put("text", "Channel " + a.getChannelId());
        }
        return body;
    }

    /** The dedup key of the stage the cell left, when that stage had an incident of its own. */
    static String supersededKey(final Alert a) {
        final CellStage from = a.getPreviousStage();
        if (from == CellStage.STABLE || from == CellStage.UNKNOWN || from == a.getStage()) {
            return null;
        }
        final String key = a.getDedupKey();
        final int slash = key.lastIndexOf('/');
        return slash < 0 ? null : key.substring(0, slash + 1) + from.name().toLowerCase(Locale.ROOT);
    }

    private static String truncate(final String s, final int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
