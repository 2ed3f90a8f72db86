package io.cellfloor.streams.topology;

import io.cellfloor.avro.Alert;
import io.cellfloor.avro.AlertSeverity;
import io.cellfloor.domain.CellSpec;
import io.cellfloor.domain.CellStage;
import io.cellfloor.domain.Cycle;
import io.cellfloor.domain.StageChange;
import io.cellfloor.schema.AvroMapping;
import java.util.Locale;

/**
 * Turns a stage change into the alert an operator acts on. There is one alert per channel per stage change, and
 * stages only move forward, so a cell that flaps between normal and broken cycles raises at most three alerts
 * per test; the dedup key is stable across retries and replays, so receivers that honour it never page twice.
 */
final class AlertFactory {
    private AlertFactory() {
    }

    static String dedupKey(final String channel, final String testId, final CellStage stage) {
        return "cellfloor/" + channel + "/" + testId + "/" + stage.name().toLowerCase(Locale.ROOT);
    }

    static Alert alert(final String station, final String channel, final String testId, final CellSpec cell,
                       final Cycle c, final StageChange change) {
        final String cellText = cell == null ? "unknown cell"
                : String.format(Locale.ROOT, "%s on %s, %s mA/cm2", cell.electrolyte(), cell.collector(),
                        cell.currentDensityMAcm2());
        final String ce = Double.isNaN(c.cePercent()) ? "" : String.format(Locale.ROOT, ", CE %.1f %%", c.cePercent());
        return Alert.newBuilder()
                .setDedupKey(dedupKey(channel, testId, change.to()))
                .setStationId(station).setChannelId(channel).setTestId(testId)
                .setSeverity(severity(change.to()))
                .setStage(AvroMapping.stage(change.to())).setPreviousStage(AvroMapping.stage(change.from()))
                .setCycleNumber(change.cycleNumber())
                .setCePercent(Double.isNaN(c.cePercent()) ? null : c.cePercent())
                .setCreatedMs(c.endMs())
                .setSummary(String.format(Locale.ROOT, "%s/%s (%s): %s at cycle %d%s", station, channel, cellText,
                        describe(change.to()), change.cycleNumber(), ce))
                .setReason(change.reason())
                .setElectrolyte(cell == null ? null : cell.electrolyte())
                .setCollector(cell == null ? null : cell.collector())
                .setCurrentDensityMAcm2(cell == null ? null : cell.currentDensityMAcm2())
                .setArealCapacityMAhCm2(cell == null ? null : cell.arealCapacityMAhCm2())
                .setCutoffHighV(cell == null ? null : cell.cutoffHighV())
                .setStackPressureMPa(cell == null ? null : cell.stackPressureMPa())
                .build();
    }

    private static AlertSeverity severity(final CellStage to) {
        return to == CellStage.RECOVERABLE ? AlertSeverity.WARNING : AlertSeverity.CRITICAL;
    }

    private static String describe(final CellStage to) {
        return switch (to) {
            case STABLE -> "stable";
            case RECOVERABLE -> "first soft breakdown (recoverable)";
            case IRRECOVERABLE -> "soft breakdowns in most recent cycles (irrecoverable)";
            case HARD_SHORT -> "hard short";
        };
    }
}
