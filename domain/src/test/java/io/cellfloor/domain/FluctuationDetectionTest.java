package io.cellfloor.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FluctuationDetectionTest {
    private final Detected detected = new Detected();
    private final LiCell cell = new LiCell(detected.assembler(LiCell.SPEC));

    @Test
    void shouldFlagRepeatedIrregularExcursionsUnderConstantCurrent() {
        cell.healthy(3).cycle(s -> s.platingFluctuation(0.6, 150, 230, 400, 520, 610)).healthy(1);

        assertThat(detected.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(BreakdownType.VOLTAGE_FLUCTUATION);
            assertThat(e.cycleNumber()).isEqualTo(4);
            assertThat(e.halfCycle()).isEqualTo(Direction.DISCHARGE);
            assertThat(e.evidence().get("excursions")).isEqualTo(5.0);
        });
    }

    @Test
    void shouldCallASingleExcursionADropNotAFluctuation() {
        cell.healthy(3).cycle(s -> s.platingFluctuation(0.6, 300)).healthy(1);

        assertThat(detected.events()).singleElement()
                .satisfies(e -> assertThat(e.type()).isEqualTo(BreakdownType.VOLTAGE_DROP));
    }

    @Test
    void shouldNotTakeAVeryNoisyChannelsOwnNoiseForExcursions() {
        cell.noise(0.006).healthy(10);

        assertThat(detected.events()).isEmpty();
    }

    @Test
    void shouldLeaveFluctuationToTheFluctuationDetectorAndDropsToTheDropDetector() {
        final HalfSummary repeated = Summaries.withExcursions(3, 0.5, true);

        assertThat(VoltageDropDetector.judge(4, repeated, VoltageRules.DEFAULTS)).isNull();
        assertThat(FluctuationDetector.judge(4, repeated, 1e-4, VoltageRules.DEFAULTS)).isNotNull();
        assertThat(FluctuationDetector.judge(4, Summaries.withExcursions(1, 0.5, true), 1e-4, VoltageRules.DEFAULTS))
                .isNull();
    }
}
