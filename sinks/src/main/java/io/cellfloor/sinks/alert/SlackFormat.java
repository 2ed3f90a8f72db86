package io.cellfloor.sinks.alert;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cellfloor.avro.Alert;
import io.cellfloor.avro.AlertSeverity;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * A Slack incoming-webhook message: a header line, the facts, the evidence and a button to the channel. Slack has
 * no dedup key: a retry after a lost response can show a message twice, which is why pages go to PagerDuty or
 * Alertmanager and Slack is for awareness. The dedup key is in the context line so duplicates are recognisable.
 */
record SlackFormat(URI url) implements PayloadFormat {
    @Override
    public List<Outbound> render(final Alert a, final AlertText text) {
        final ObjectNode body = Json.object();
        final String icon = a.getSeverity() == AlertSeverity.CRITICAL ? ":red_circle:" : ":large_yellow_circle:";
        body.put("text", icon + " " + text.title());
        final ArrayNode blocks = body.putArray("blocks");
        section(blocks, "*" + icon + " " + escape(text.title()) + "*");
        section(blocks, escape(String.join("\n", text.facts())));
        section(blocks, "*Evidence:* " + escape(text.evidence()));
        if (text.link() != null) {
            final ObjectNode actions = blocks.addObject().put("type", "actions");
            final ObjectNode button = actions.putArray("elements").addObject().put("type", "button")
                    .put("url", text.link());
            button.putObject("text").put("type", "plain_text").put("text", "Open channel " + a.getChannelId());
        }
        blocks.addObject().put("type", "context").putArray("elements").addObject()
                .put("type", "mrkdwn").put("text", "dedup key `" + a.getDedupKey() + "`");
        return List.of(new Outbound(url, Json.write(body), Map.of()));
    }

    private static void section(final ArrayNode blocks, final String markdown) {
        blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn").put("text", markdown);
    }

    /** Slack's mrkdwn needs only these three escaped. */
    static String escape(final String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
