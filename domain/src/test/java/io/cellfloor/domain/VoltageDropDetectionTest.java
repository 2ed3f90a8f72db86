package io.cellfloor.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Voltage drops on synthetic Li/LPSC/SS traces, and the normal behaviour that must not look like one. */
class VoltageDropDetectionTest {
    private final Detected detected = new Detected();
    private final LiCell cell = new LiCell(detected.assembler(LiCell.SPEC));

    @Test
    void shouldFlagAbruptPlatingDropWithItsStartDurationDepthAndRecovery() {
        cell.healthy(3).cycle(s -> s.platingDrop(360, 60, 0.8)).healthy(1);

        assertThat(detected.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(BreakdownType.VOLTAGE_DROP);
            assertThat(e.cycleNumber()).isEqualTo(4);
            assertThat(e.halfCycle()).isEqualTo(Direction.DISCHARGE);
            assertThat(e.recovered()).isTrue();
            assertThat(e.evidence().get("depthFraction")).isCloseTo(0.8, within(0.03));
            assertThat(e.evidence().get("durationS")).isCloseTo(60.0, within(2.5));
            assertThat(e.startMs() - detected.cycle(4).discharge().startMs()).isBetween(360_000L, 362_000L);
        });
    }

    @Test
    void shouldReportADropThatLastsToTheEndOfTheHalfAsUnrecovered() {
        cell.healthy(3).cycle(s -> s.platingDrop(500, 1_000, 0.7)).healthy(1);

        assertThat(detected.events(BreakdownType.VOLTAGE_DROP)).singleElement()
                .satisfies(e -> assertThat(e.recovered()).isFalse());
    }

    @Test
    void shouldFlagAStrippingDropThatComesBackBeforeTheCutoffRise() {
        cell.healthy(3).cycle(s -> s.strippingDrop(200, 40, 0.9)).healthy(1);

        assertThat(detected.events()).singleElement().satisfies(e -> {
            assertThat(e.halfCycle()).isEqualTo(Direction.CHARGE);
            assertThat(e.recovered()).isTrue();
        });
    }

    @Test
    void shouldNotFlagNucleationDipAsVoltageDrop() {
        cell.cycle(s -> s.nucleationV = 0.150).cycle(s -> s.nucleationV = 0.120).healthy(3);

        assertThat(detected.events()).isEmpty();
    }

    @Test
    void shouldNotFlagNucleationDipSampledOnlyTwiceInTheFirstCycle() {
        cell.interval(30).cycle(s -> s.nucleationV = 0.150).healthy(2);

        assertThat(detected.events()).isEmpty();
    }

    @Test
    void shouldNotFlagTheSharpEndOfStrippingRiseOrTheZeroCrossingAtPlatingOnset() {
        cell.healthy(6);

        assertThat(detected.events()).isEmpty();
        assertThat(detected.cycle(6).charge().endReason()).isEqualTo(EndReason.CUTOFF);
    }

    @Test
    void shouldNotFlagSlowDriftOfOverpotentialOverManyCycles() {
        for (int c = 0; c < 20; c++) {
            final double plateau = 0.050 * Math.pow(0.97, c);
            cell.cycle(s -> s.plateauV = plateau);
        }

        assertThat(detected.events()).isEmpty();
    }

    @Test
    void shouldNotFlagADeliberateChangeOfCurrentDensityMidTest() {
        cell.healthy(4).cycle(s -> s.currentFactor = 0.5).cycle(s -> s.currentFactor = 0.5).healthy(2);

        assertThat(detected.events()).isEmpty();
    }

    @Test
    void shouldNotFlagInstrumentNoise() {
        cell.noise(0.002).healthy(8);

        assertThat(detected.events()).isEmpty();
    }

    @Test
    void shouldNotFlagAVoltageChangeThatAStepOfCurrentWithinTheHalfExplains() {
        cell.healthy(3);
        final double i = LiCell.I;
        cell.step(-i, 300, s -> -0.050).step(-0.4 * i, 400, s -> -0.030).rest(120, -0.02, 0, 10)
                .step(i, 400, s -> 0.05 + 1.45 * Math.exp(-(400 - s) / 10)).rest(120, 1.48, 1.26, 120);

        assertThat(detected.events()).isEmpty();
    }
}
