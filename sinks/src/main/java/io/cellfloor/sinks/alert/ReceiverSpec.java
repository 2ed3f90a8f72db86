package io.cellfloor.sinks.alert;

import java.net.URI;
import java.util.Objects;

/**
 * One configured receiver: where alerts go and in which format.
 *
 * @param name       the name routes refer to ({@code receiver.<name>.*} in the config)
 * @param url        the endpoint; for Alertmanager the base URL, {@code /api/v2/alerts} is appended
 * @param routingKey PagerDuty's integration key; null for other types
 */
public record ReceiverSpec(String name, ReceiverType type, URI url, String routingKey) {
    public ReceiverSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(url, "url");
        if (type == ReceiverType.PAGERDUTY && (routingKey == null || routingKey.isBlank())) {
            throw new IllegalArgumentException("receiver." + name
                    + ".routing-key is required for PagerDuty (the Events API v2 integration key)");
        }
    }

    /** Without the secrets: the URL's path and query, and the routing key. */
    @Override
    public String toString() {
        return "ReceiverSpec[name=" + name + ", type=" + type + ", url=" + Redacted.endpoint(url)
                + ", routingKey=" + (routingKey == null ? "none" : "***") + "]";
    }
}
