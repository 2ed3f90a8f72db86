package io.cellfloor.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The per-cycle features measured on synthetic Li/LPSC/SS cycles whose true values are known. */
class CycleFeaturesTest {
    private final Detected detected = new Detected();
    private final LiCell cell = new LiCell(detected.assembler(LiCell.SPEC));

    @Test
    void shouldMeasureTheNucleationOverpotentialAtPlatingOnset() {
        cell.cycle(s -> s.nucleationV = 0.0837).healthy(1).cycle(s -> s.nucleationV = 0.0598);

        assertThat(detected.cycle(1).features().nucleationOverpotentialV()).isCloseTo(0.0837, within(0.002));
        assertThat(detected.cycle(3).features().nucleationOverpotentialV()).isCloseTo(0.0598, within(0.002));
    }

    @Test
    void shouldMeasureTheMedianPlatingAndStrippingOverpotentials() {
        cell.healthy(2).cycle(s -> s.plateauV = 0.040);

        final CycleFeatures f = detected.cycle(3).features();
        assertThat(f.platingOverpotentialV()).isCloseTo(0.040, within(0.0005));
        assertThat(f.strippingOverpotentialV()).isCloseTo(0.040, within(0.0005));
    }

    @Test
    void shouldMeasureTheDcResistanceAcrossEachCurrentStep() {
        cell.healthy(2);

        final CycleFeatures f = detected.cycle(2).features();
        assertThat(f.openingDcResistanceOhm()).isCloseTo(LiCell.OHMIC_V / LiCell.I, within(0.5));
        assertThat(f.dcResistanceOhm()).isCloseTo(LiCell.OHMIC_V / LiCell.I, within(0.5));
    }

    @Test
    void shouldReportTheLoggingIntervalAndTheLargestPlateauStep() {
        cell.interval(10).healthy(2);

        final CycleFeatures f = detected.cycle(2).features();
        assertThat(f.loggingIntervalS()).isCloseTo(10.0, within(0.1));
        assertThat(f.maxLoggingIntervalS()).isEqualTo(10.0);
        assertThat(f.maxVoltageStepV()).isLessThan(0.008); // the tail of the nucleation dip, nothing more
    }

    @Test
    void shouldReportTheLargestStepOfADropThatWasLoggedOnlyOnce() {
        cell.interval(60).healthy(3).cycle(s -> s.platingDrop(350, 15, 0.8));

        assertThat(detected.cycle(4).features().maxVoltageStepV()).isGreaterThan(0.035);
    }

    @Test
    void shouldReportNoiseRelativeToTheChannelsOwnBaseline() {
        cell.noise(0.0005).healthy(5);

        assertThat(detected.cycle(5).features().platingNoiseRatio()).isCloseTo(1.0, within(0.35));
        assertThat(detected.cycle(5).features().strippingNoiseRatio()).isCloseTo(1.0, within(0.35));
    }

    @Test
    void shouldReportTheSmallestVoltageUnderCurrentAfterTheOnset() {
        cell.healthy(3).cycle(s -> s.platingDrop(360, 60, 0.8));

        assertThat(detected.cycle(3).features().minAbsVoltageUnderCurrentV()).isGreaterThan(0.045);
        assertThat(detected.cycle(4).features().minAbsVoltageUnderCurrentV()).isCloseTo(0.010, within(0.001));
    }

    @Test
    void shouldTakeTheSameInstantLoggedSeveralTimesInItsStride() {
        cell.healthy(2);
        final CycleAssembler a = new CycleAssembler(CycleRules.DEFAULTS, LiCell.SPEC, detected.state,
                detected.cycles::add);
        long t = cell.now();
        for (int k = 0; k < 200; k++, t += 5_000) {
            a.accept(t, -LiCell.I, -0.05 - 1e-5 * (k % 3), Sample.NO_INDEX, null);
            a.accept(t, -LiCell.I, -0.05 - 1e-5 * (k % 2), Sample.NO_INDEX, null);
            a.accept(t, -LiCell.I, -0.05, Sample.NO_INDEX, null);
        }
        a.accept(t, 0, -0.03, Sample.NO_INDEX, null);
        a.accept(t + 10_000, LiCell.I, 0.05, Sample.NO_INDEX, null);
        a.accept(t + 20_000, LiCell.I, 1.5, Sample.NO_INDEX, null);
        a.accept(t + 20_000, 0, 1.45, Sample.NO_INDEX, null);

        assertThat(detected.cycle(3).features().platingNoiseRatio()).isFinite();
        assertThat(detected.cycle(3).features().loggingIntervalS()).isFinite();
        assertThat(detected.events()).isEmpty();
    }

    @Test
    void shouldLeaveFeaturesOfAMissingHalfAsNaN() {
        cell.healthy(1);
        cell.step(-LiCell.I, 720, s -> -0.05);
        new CycleAssembler(CycleRules.DEFAULTS, LiCell.SPEC, detected.state, detected.cycles::add).finish();

        final CycleFeatures f = detected.cycle(2).features();
        assertThat(f.strippingOverpotentialV()).isNaN();
        assertThat(f.platingOverpotentialV()).isCloseTo(0.05, within(1e-9));
    }
}
