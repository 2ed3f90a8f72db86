package io.cellfloor.sinks.alert;

import io.cellfloor.avro.Alert;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words of an alert, the same for every receiver: what happened to which cell, what the cell is, the evidence,
 * and where to look. A person paged at night should not have to open three tools to know which cell to pull.
 *
 * @param link the channel in the dashboard, from the configured template
 */
public record AlertText(String title, List<String> facts, String evidence, String link) {

    /** {@code {channel}}, {@code {station}} and {@code {test}} in the template are replaced. */
    public static AlertText of(final Alert a, final String linkTemplate) {
        final List<String> facts = new ArrayList<>();
        facts.add("Station: " + a.getStationId());
        facts.add("Channel: " + a.getChannelId() + " (test " + a.getTestId() + ")");
        facts.add("Cell: " + cell(a));
        facts.add("Stage: " + a.getPreviousStage() + " -> " + a.getStage() + " (" + a.getSeverity() + ")");
        facts.add("Cycle: " + a.getCycleNumber()
                + (a.getCePercent() == null ? "" : String.format(Locale.ROOT, ", CE %.2f %%", a.getCePercent())));
        final String link = linkTemplate == null || linkTemplate.isBlank() ? null : linkTemplate
                .replace("{channel}", a.getChannelId())
                .replace("{station}", a.getStationId())
                .replace("{test}", a.getTestId());
        return new AlertText(a.getSummary(), List.copyOf(facts), a.getReason(), link);
    }

    /** SSE, current collector and test conditions, or what is missing: a missing cell test is worth knowing. */
    static String cell(final Alert a) {
        if (a.getElectrolyte() == null && a.getCollector() == null) {
            return "no cell test registered for this channel";
        }
        final StringBuilder b = new StringBuilder();
        b.append(a.getElectrolyte() == null ? "?" : a.getElectrolyte()).append(" on ")
                .append(a.getCollector() == null ? "?" : a.getCollector());
        appendIf(b, a.getCurrentDensityMAcm2(), "%.2f mA/cm2");
        appendIf(b, a.getArealCapacityMAhCm2(), "%.2f mAh/cm2");
        appendIf(b, a.getCutoffHighV(), "cut-off %.2f V");
        appendIf(b, a.getStackPressureMPa(), "%.1f MPa");
        return b.toString();
    }

    private static void appendIf(final StringBuilder b, final Double value, final String format) {
        if (value != null) {
            b.append(", ").append(String.format(Locale.ROOT, format, value));
        }
    }

    /** Title, facts, evidence and link as plain lines. */
    public String plain() {
        final StringBuilder b = new StringBuilder(title).append('\n');
        facts.forEach(f -> b.append(f).append('\n'));
        b.append("Evidence: ").append(evidence);
        if (link != null) {
            b.append('\n').append(link);
        }
        return b.toString();
    }
}
