package io.cellfloor.sinks.alert;

import io.cellfloor.avro.Alert;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Which receivers an alert goes to: the union of the receivers of every matching route, in config order. */
public record Router(List<Route> routes) {
    public Router {
        routes = List.copyOf(routes);
    }

    public Set<String> receiversFor(final Alert alert) {
        final Set<String> out = new LinkedHashSet<>();
        for (final Route r : routes) {
            if (r.matches(alert)) {
                out.addAll(r.receivers());
            }
        }
        return out;
    }
}
