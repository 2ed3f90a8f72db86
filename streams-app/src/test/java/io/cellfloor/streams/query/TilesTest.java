package io.cellfloor.streams.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellfloor.avro.CellStage;
import io.cellfloor.avro.ChannelStatus;
import io.cellfloor.domain.CeDirection;
import io.cellfloor.domain.CellKind;
import io.cellfloor.domain.CellSpec;
import io.cellfloor.schema.AvroMapping;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TilesTest {
    private static final CellSpec LI_LPSC_SS = new CellSpec(CellKind.ASYMMETRIC, CellSpec.PELLET_AREA_CM2, "LPSC",
            "SS", 0.5, 0.1, -0.5, 1.5, 75.0, CeDirection.CHARGE_OVER_DISCHARGE, null);

    @Test
    void shouldTakeTheCohortFromTheCellTestBeforeTheFirstCycleCloses() {
        final Map<String, Object> tile = Tiles.tile("st1-ch01", null,
                AvroMapping.cellTest("station-1", "st1-ch01", "t-1", LI_LPSC_SS));

        assertThat(tile).containsEntry("stage", "UNKNOWN").containsEntry("stationId", "station-1")
                .containsEntry("sse", "LPSC").containsEntry("currentCollector", "SS")
                .containsEntry("cohort", "LPSC | SS | 0.5 mA/cm2 | 0.1 mAh/cm2 | 1.5 V | 75 MPa");
        assertThat(Tiles.matches(tile, "station-1", "unknown", "lpsc", null)).isTrue();
        assertThat(Tiles.matches(tile, null, null, "LGPS", null)).isFalse();
    }

    @Test
    void shouldPreferTheStatusCohortAndStageOnceACycleHasClosed() {
        final ChannelStatus status = ChannelStatus.newBuilder().setStationId("station-1").setChannelId("st1-ch01")
                .setTestId("t-1").setStage(CellStage.RECOVERABLE).setLastCycle(6).setLastCePercent(Double.NaN)
                .setTestStartMs(0).setUpdatedMs(10).setCohort("from the status").build();

        final Map<String, Object> tile = Tiles.tile("st1-ch01", status,
                AvroMapping.cellTest("station-1", "st1-ch01", "t-1", LI_LPSC_SS));

        assertThat(tile).containsEntry("stage", "RECOVERABLE").containsEntry("lastCycle", 6)
                .containsEntry("lastCePercent", null).containsEntry("cohort", "from the status");
    }
}
