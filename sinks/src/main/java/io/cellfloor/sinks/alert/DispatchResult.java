package io.cellfloor.sinks.alert;

import java.util.Map;

/**
 * How delivering one alert went, per receiver: the error of each receiver that did not get it (empty when all did).
 */
public record DispatchResult(Map<String, String> failures, int receivers) {
    public DispatchResult {
        failures = Map.copyOf(failures);
    }

    public boolean complete() {
        return failures.isEmpty();
    }
}
