package io.cellfloor.sinks.alert;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cellfloor.avro.Alert;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * A generic JSON webhook: every alert field, the rendered text and the link; the dedup key also travels in an
 * {@code Idempotency-Key} header, which is what most idempotent HTTP APIs look for.
 */
record WebhookFormat(URI url) implements PayloadFormat {
    @Override
    public List<Outbound> render(final Alert a, final AlertText text) {
        final ObjectNode body = Json.object();
        body.put("dedupKey", a.getDedupKey());
        body.put("severity", a.getSeverity().name());
        body.put("stationId", a.getStationId());
        body.put("channelId", a.getChannelId());
        body.put("testId", a.getTestId());
        body.put("stage", a.getStage().name());
        body.put("previousStage", a.getPreviousStage().name());
        body.put("cycleNumber", a.getCycleNumber());
        body.put("cePercent", a.getCePercent());
        body.put("createdMs", a.getCreatedMs());
        body.put("summary", a.getSummary());
        body.put("reason", a.getReason());
        body.put("cell", AlertText.cell(a));
        body.put("electrolyte", a.getElectrolyte());
        body.put("collector", a.getCollector());
        body.put("currentDensityMAcm2", a.getCurrentDensityMAcm2());
        body.put("arealCapacityMAhCm2", a.getArealCapacityMAhCm2());
        body.put("cutoffHighV", a.getCutoffHighV());
        body.put("stackPressureMPa", a.getStackPressureMPa());
        body.put("link", text.link());
        body.put("text", text.plain());
        return List.of(new Outbound(url, Json.write(body), Map.of("Idempotency-Key", a.getDedupKey())));
    }
}
