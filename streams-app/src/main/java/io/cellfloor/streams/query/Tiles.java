package io.cellfloor.streams.query;

import io.cellfloor.avro.CellTest;
import io.cellfloor.avro.ChannelStatus;
import io.cellfloor.schema.AvroMapping;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A floor tile: the few fields the floor view colours, groups and filters by, from a channel's status and cell
 * test (either may be missing: a channel with a cell test but no closed cycle yet is {@code UNKNOWN}, cycle 0,
 * with its cohort taken from the cell test).
 */
final class Tiles {
    private Tiles() {
    }

    static Map<String, Object> tile(final String channel, final ChannelStatus s, final CellTest t) {
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("channelId", channel);
        out.put("stationId", s != null ? s.getStationId() : t == null ? null : t.getStationId());
        out.put("stage", s == null ? "UNKNOWN" : s.getStage().toString());
        out.put("lastCycle", s == null ? 0 : s.getLastCycle());
        out.put("lastCePercent", s == null ? null : finite(s.getLastCePercent()));
        out.put("updatedMs", s == null ? null : s.getUpdatedMs());
        out.put("cohort", s != null && s.getCohort() != null ? s.getCohort()
                : t == null ? null : AvroMapping.cell(t).cohort());
        out.put("sse", t == null ? null : t.getElectrolyte());
        out.put("currentCollector", t == null ? null : t.getCollector());
        out.put("currentDensityMAcm2", t == null ? null : finite(t.getCurrentDensityMAcm2()));
        out.put("cellKind", t == null ? null : t.getCellKind().toString());
        return out;
    }

    /** Whether a tile passes the floor filters; a null filter passes everything, matching ignores case. */
    static boolean matches(final Map<String, Object> tile, final String station, final String stage,
                           final String sse, final String collector) {
        return same(station, tile.get("stationId")) && same(stage, tile.get("stage"))
                && same(sse, tile.get("sse")) && same(collector, tile.get("currentCollector"));
    }

    private static boolean same(final String filter, final Object value) {
        return filter == null || filter.isEmpty() || (value != null && filter.equalsIgnoreCase(value.toString()));
    }

    private static Double finite(final Double v) {
        return v == null || !Double.isFinite(v) ? null : v;
    }
}
