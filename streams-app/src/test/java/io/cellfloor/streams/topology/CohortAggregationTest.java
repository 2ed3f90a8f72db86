package io.cellfloor.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cellfloor.avro.CellStage;
import io.cellfloor.avro.ChannelStatus;
import io.cellfloor.avro.CohortStats;
import org.junit.jupiter.api.Test;

class CohortAggregationTest {
    private static final String COHORT = "LPSC | Cu | 0.5 mA/cm2 | 0.1 mAh/cm2 | 1.5 V | 120 MPa";

    @Test
    void shouldAverageTheChannelsAverageCeAndTakeAChannelOutAgain() {
        CohortStats row = CohortAggregation.empty();
        row = CohortAggregation.add(COHORT, status("ch-1", 98.0), row);
        row = CohortAggregation.add(COHORT, status("ch-2", 95.0), row);
        row = CohortAggregation.add(COHORT, status("ch-3", null), row);

        assertThat(row.getChannels()).isEqualTo(3);
        assertThat(row.getAverageCeCount()).isEqualTo(2);
        assertThat(row.getMeanAverageCePercent()).isCloseTo(96.5, within(1e-9));

        row = CohortAggregation.subtract(COHORT, status("ch-1", 98.0), row);
        assertThat(row.getMeanAverageCePercent()).isCloseTo(95.0, within(1e-9));
        row = CohortAggregation.subtract(COHORT, status("ch-2", 95.0), row);
        assertThat(row.getAverageCeCount()).isZero();
        assertThat(row.getMeanAverageCePercent()).isNull();
    }

    private static ChannelStatus status(final String channel, final Double averageCe) {
        return ChannelStatus.newBuilder().setStationId("st-1").setChannelId(channel).setTestId("t-1")
                .setStage(CellStage.STABLE).setLastCycle(12).setTestStartMs(0).setUpdatedMs(1000).setCohort(COHORT)
                .setAverageCePercent(averageCe).build();
    }
}
