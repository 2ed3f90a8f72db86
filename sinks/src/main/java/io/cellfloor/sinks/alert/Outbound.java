package io.cellfloor.sinks.alert;

import java.net.URI;
import java.util.Map;

/** One HTTP POST of a JSON body, as a payload format renders an alert for its receiver. */
public record Outbound(URI uri, String json, Map<String, String> headers) {
    public Outbound {
        headers = Map.copyOf(headers);
    }
}
