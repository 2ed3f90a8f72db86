package io.cellfloor.sinks.alert;

import io.cellfloor.avro.Alert;
import io.cellfloor.avro.AlertSeverity;
import io.cellfloor.avro.CellStage;

/** Alerts for tests, shaped like the streams app's. */
final class Alerts {
    static final long T0 = 1_767_225_600_000L;

    private Alerts() {
    }

    static Alert alert(final String station, final String channel, final CellStage from, final CellStage to,
                       final int cycle) {
        return Alert.newBuilder()
                .setDedupKey("cellfloor/" + channel + "/t-1/" + to.name().toLowerCase(java.util.Locale.ROOT))
                .setStationId(station).setChannelId(channel).setTestId("t-1")
                .setSeverity(to == CellStage.RECOVERABLE ? AlertSeverity.WARNING : AlertSeverity.CRITICAL)
                .setStage(to).setPreviousStage(from).setCycleNumber(cycle).setCePercent(97.25)
                .setCreatedMs(T0 + cycle * 3_600_000L)
                .setSummary(station + "/" + channel + " (LPSC on Cu, 0.5 mA/cm2): first soft breakdown at cycle " + cycle)
                .setReason("voltage drop of 12 mV in charge half, plateau noise 3x baseline")
                .setElectrolyte("LPSC").setCollector("Cu").setCurrentDensityMAcm2(0.5).setArealCapacityMAhCm2(1.0)
                .setCutoffHighV(4.3).setStackPressureMPa(5.0)
                .build();
    }
}
