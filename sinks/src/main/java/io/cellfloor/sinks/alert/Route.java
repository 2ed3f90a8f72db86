package io.cellfloor.sinks.alert;

import io.cellfloor.avro.Alert;
import io.cellfloor.avro.AlertSeverity;
import java.util.List;
import java.util.Set;

/**
 * A routing rule: an alert that matches every non-empty criterion goes to the rule's receivers. Empty sets
 * match everything, so {@code route.all.receivers=ops} alone sends every alert to {@code ops}. Electrolyte and
 * collector together are the cohort of a cell.
 */
public record Route(String name, Set<String> stations, Set<String> electrolytes, Set<String> collectors,
                    Set<String> stages, AlertSeverity minSeverity, List<String> receivers) {

    public Route {
        stations = Set.copyOf(stations);
        electrolytes = Set.copyOf(electrolytes);
        collectors = Set.copyOf(collectors);
        stages = Set.copyOf(stages);
        receivers = List.copyOf(receivers);
    }

    /** Whether the alert passes every criterion of this rule; the first failing criterion decides. */
    public boolean matches(final Alert alert) {
        if (!stations.isEmpty() && !stations.contains(alert.getStationId())) {
            return false;
        }
        if (!electrolytes.isEmpty() && !electrolytes.contains(alert.getElectrolyte())) {
            return false;
        }
        if (!collectors.isEmpty() && !collectors.contains(alert.getCollector())) {
            return false;
        }
        if (!stages.isEmpty() && !stages.contains(alert.getStage().name())) {
            return false;
        }
        // UNKNOWN (a severity from a newer writer) is treated as the most severe: better a page than silence
        return rank(alert.getSeverity()) >= rank(minSeverity);
    }

    private static int rank(final AlertSeverity severity) {
        return severity == AlertSeverity.UNKNOWN ? Integer.MAX_VALUE : severity.ordinal();
    }
}
