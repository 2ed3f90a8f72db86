package io.cellfloor.sinks.alert;

import io.cellfloor.avro.Alert;
import java.util.List;

/**
 * Renders an alert into the requests one receiver type expects. Every request carries the alert's dedup key in a
 * form the receiver understands, so sending the same alert again (a retry, a restart before the offset commit, a
 * replay) never pages twice at a receiver that honours it.
 */
public interface PayloadFormat {
    List<Outbound> render(Alert alert, AlertText text);

    static PayloadFormat of(final ReceiverSpec spec) {
        return switch (spec.type()) {
            case WEBHOOK -> new WebhookFormat(spec.url());
            case SLACK -> new SlackFormat(spec.url());
            case PAGERDUTY -> new PagerDutyFormat(spec.url(), spec.routingKey());
            case ALERTMANAGER -> new AlertmanagerFormat(spec.url());
        };
    }
}
