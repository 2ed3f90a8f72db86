package io.cellfloor.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CycleAssemblerTest {
    /** Li / LPSC / SS, 1 mA/cm2 on the paper's pellet: 0.785 mA, 0.5 mAh/cm2 per plating. */
    static final CellSpec LI_LPSC_SS = new CellSpec(CellKind.ASYMMETRIC, CellSpec.PELLET_AREA_CM2, "LPSC", "SS",
            1.0, 0.5, -1.0, 1.5, 50, CeDirection.CHARGE_OVER_DISCHARGE, null);
    static final CellSpec NMC_GRAPHITE = new CellSpec(CellKind.FULL, 1.0, "liquid", "NMC", 2.0, 2.0,
            3.0, 4.2, 0, CeDirection.DISCHARGE_OVER_CHARGE, null);

    private final List<Cycle> cycles = new ArrayList<>();
    private final CycleState state = new CycleState();

    private CycleAssembler assembler(final CellSpec cell) {
        return new CycleAssembler(CycleRules.DEFAULTS, cell, state, cycles::add);
    }

    @Test
    void shouldCountCoulombsExactlyOnIrregularSamplingOfConstantCurrent() {
        final double i = LI_LPSC_SS.nominalCurrentA();
        new Trace(assembler(LI_LPSC_SS), 0)
                .step(-i, -0.03, 1800, 7_000)
                .rest(0.0, 60)
                .step(i, 0.03, 1170, 3_000)
                .rest(1.4, 60);

        assertThat(cycles).hasSize(1);
        final Cycle c = cycles.get(0);
        assertThat(c.discharge().capacityAh()).isCloseTo(i * 1800 / 3600, within(1e-12));
        assertThat(c.charge().capacityAh()).isCloseTo(i * 1170 / 3600, within(1e-12));
        assertThat(c.cePercent()).isCloseTo(65.0, within(1e-9));
        assertThat(c.complete()).isTrue();
        assertThat(c.discharge().endReason()).isEqualTo(EndReason.CAPACITY);
    }

    @Test
    void shouldIntegrateLinearCurrentByTrapezoidsWithinRoundOff() {
        final CycleAssembler a = assembler(null);
        final long[] times = {0, 1_000, 1_500, 4_000, 4_100, 10_000};
        for (final long t : times) {
            a.accept(t, 1e-3 + 1e-6 * t, 3.7, Sample.NO_INDEX, null);
        }
        a.finish();

        final double exactAs = 1e-3 * 10 + 1e-6 * 10_000 * 10 / 2;
        assertThat(cycles.get(0).charge().capacityAh()).isCloseTo(exactAs / 3600, within(1e-15));
    }

    @Test
    void shouldNotTreatRestAsHalfCycle() {
        final double i = LI_LPSC_SS.nominalCurrentA();
        new Trace(assembler(LI_LPSC_SS), 0)
                .rest(2.5, 600)
                .step(-i, -0.03, 1800, 10_000)
                .rest(-0.01, 600)
                .step(i, 0.03, 1200, 10_000)
                .rest(1.45, 600);

        assertThat(cycles).hasSize(1);
        assertThat(cycles.get(0).discharge().startMs()).isEqualTo(610_000);
        assertThat(cycles.get(0).discharge().durationS()).isEqualTo(1800.0);
        assertThat(cycles.get(0).charge().durationS()).isEqualTo(1200.0);
    }

    @Test
    void shouldTreatCurrentInsideDeadBandAsRest() {
        final double i = LI_LPSC_SS.nominalCurrentA();
        new Trace(assembler(LI_LPSC_SS), 0)
                .step(-i, -0.03, 1800, 10_000)
                .step(0.01 * i, 0.5, 300, 10_000)
                .step(i, 0.03, 900, 10_000)
                .step(-0.01 * i, 0.5, 300, 10_000);

        assertThat(cycles).hasSize(1);
        assertThat(cycles.get(0).charge().capacityAh()).isCloseTo(i * 900 / 3600, within(1e-12));
    }

    @Test
    void shouldCloseCycleAsSoonAsSecondHalfEnds() {
        final double i = LI_LPSC_SS.nominalCurrentA();
        final CycleAssembler a = assembler(LI_LPSC_SS);
        new Trace(a, 0).step(-i, -0.03, 1800, 10_000).step(i, 0.03, 1200, 10_000);
        assertThat(cycles).isEmpty();

        a.accept(4_000_000, 0.0, 1.4, Sample.NO_INDEX, null);

        assertThat(cycles).singleElement().satisfies(c -> assertThat(c.cePercent()).isCloseTo(66.667, within(1e-3)));
    }

    @Test
    void shouldFlagLoggingGapAndNotIntegrateAcrossIt() {
        final double i = LI_LPSC_SS.nominalCurrentA();
        final CycleAssembler a = assembler(LI_LPSC_SS);
        final Trace trace = new Trace(a, 0).step(-i, -0.03, 600, 10_000);
        final long resumed = trace.now() - 10_000 + 900_000;
        a.accept(resumed, -i, -0.03, Sample.NO_INDEX, null);
        a.accept(resumed + 300_000, -i, -0.03, Sample.NO_INDEX, null);
        a.accept(resumed + 310_000, i, 0.03, Sample.NO_INDEX, null);
        a.accept(resumed + 320_000, i, 0.03, Sample.NO_INDEX, null);
        a.accept(resumed + 330_000, 0, 1.45, Sample.NO_INDEX, null);

        final HalfCycle plating = cycles.get(0).discharge();
        assertThat(plating.gapCount()).isEqualTo(1);
        assertThat(plating.gapMs()).isEqualTo(900_000);
        assertThat(plating.capacityAh()).isCloseTo(i * 900 / 3600, within(1e-12));
        assertThat(cycles.get(0).hasGap()).isTrue();
    }

    @Test
    void shouldFlagGapThatHidesTheEndOfOneHalfAndTheStartOfTheNext() {
        final double i = LI_LPSC_SS.nominalCurrentA();
        final CycleAssembler a = assembler(LI_LPSC_SS);
        for (long t = 0; t <= 1_000_000; t += 100_000) {
            a.accept(t, -i, -0.03, Sample.NO_INDEX, null);
        }
        a.accept(1_600_000, i, 0.03, Sample.NO_INDEX, null);
        a.accept(1_700_000, i, 0.03, Sample.NO_INDEX, null);
        a.accept(1_710_000, 0, 1.4, Sample.NO_INDEX, null);

        final Cycle c = cycles.get(0);
        assertThat(c.discharge().gapCount()).isEqualTo(1);
        assertThat(c.charge().gapCount()).isEqualTo(1);
        assertThat(c.discharge().capacityAh()).isCloseTo(i * 1000 / 3600, within(1e-12));
        assertThat(c.charge().capacityAh()).isCloseTo(i * 100 / 3600, within(1e-12));
        assertThat(c.hasGap()).isTrue();
    }

    @Test
    void shouldReportCycleLeftOpenAtEndOfDataAsIncomplete() {
        final double i = LI_LPSC_SS.nominalCurrentA();
        final CycleAssembler a = assembler(LI_LPSC_SS);
        new Trace(a, 0).step(-i, -0.03, 1800, 10_000).rest(0, 60).step(i, 0.03, 500, 10_000);

        a.finish();

        final Cycle c = cycles.get(0);
        assertThat(c.complete()).isFalse();
        assertThat(c.charge().endReason()).isEqualTo(EndReason.INCOMPLETE);
        assertThat(c.discharge().endReason()).isEqualTo(EndReason.CAPACITY);
    }

    @Test
    void shouldReportLonePlatingAtEndOfDataAsIncompleteCycleWithoutCe() {
        final double i = LI_LPSC_SS.nominalCurrentA();
        final CycleAssembler a = assembler(LI_LPSC_SS);
        new Trace(a, 0).step(-i, -0.03, 1800, 10_000).rest(0, 60);

        a.finish();

        assertThat(cycles).singleElement().satisfies(c -> {
            assertThat(c.complete()).isFalse();
            assertThat(c.charge()).isNull();
            assertThat(c.cePercent()).isNaN();
        });
    }

    @Test
    void shouldRecogniseStrippingEndedAtCutoff() {
        final double i = LI_LPSC_SS.nominalCurrentA();
        final CycleAssembler a = assembler(LI_LPSC_SS);
        new Trace(a, 0).step(-i, -0.03, 1800, 10_000).step(i, 0.03, 1000, 10_000);
        a.accept(2_815_000, i, 1.5, Sample.NO_INDEX, null);
        a.accept(2_825_000, 0, 1.4, Sample.NO_INDEX, null);

        assertThat(cycles.get(0).charge().endReason()).isEqualTo(EndReason.CUTOFF);
    }

    @Test
    void shouldTakeCeAsDischargeOverChargeForFullCell() {
        final double i = NMC_GRAPHITE.nominalCurrentA();
        new Trace(assembler(NMC_GRAPHITE), 0)
                .step(i, 3.9, 3600, 30_000)
                .rest(4.1, 600)
                .step(-i, 3.7, 3564, 30_000)
                .rest(3.2, 600);

        final Cycle c = cycles.get(0);
        assertThat(c.ceDirection()).isEqualTo(CeDirection.DISCHARGE_OVER_CHARGE);
        assertThat(c.cePercent()).isCloseTo(99.0, within(1e-9));
    }

    @Test
    void shouldFollowCellTestDirectionEvenWhenDataStartsWithOtherHalf() {
        final double i = LI_LPSC_SS.nominalCurrentA();
        new Trace(assembler(LI_LPSC_SS), 0)
                .step(i, 0.03, 600, 10_000)
                .rest(1.4, 60)
                .step(-i, -0.03, 1800, 10_000)
                .rest(0, 60)
                .step(i, 0.03, 1620, 10_000)
                .rest(1.4, 60);

        assertThat(cycles).hasSize(2);
        assertThat(cycles.get(0).complete()).isFalse();
        assertThat(cycles.get(0).discharge()).isNull();
        assertThat(cycles.get(1).cePercent()).isCloseTo(90.0, within(1e-9));
        assertThat(cycles.get(1).cycleNumber()).isEqualTo(2);
    }

    @Test
    void shouldInferDirectionFromFirstHalfCycleWhenCellUnknown() {
        new Trace(assembler(null), 0)
                .step(0.002, 3.9, 3600, 30_000)
                .rest(4.1, 600)
                .step(-0.002, 3.7, 3420, 30_000)
                .rest(3.2, 600);

        final Cycle c = cycles.get(0);
        assertThat(c.cellKnown()).isFalse();
        assertThat(c.ceDirection()).isEqualTo(CeDirection.DISCHARGE_OVER_CHARGE);
        assertThat(c.cePercent()).isCloseTo(95.0, within(1e-9));
    }

    @Test
    void shouldContinueHalfCycleAcrossStepChangeInSameDirection() {
        final CycleAssembler a = assembler(NMC_GRAPHITE);
        a.accept(0, 0.002, 3.9, 1, Direction.CHARGE);
        a.accept(1_800_000, 0.002, 4.2, 1, Direction.CHARGE);
        a.accept(1_810_000, 0.001, 4.2, 1, Direction.CHARGE);
        a.accept(3_600_000, 0.0001, 4.2, 1, Direction.CHARGE);
        a.accept(3_660_000, 0, 4.1, 1, Direction.REST);

        a.finish();

        assertThat(cycles.get(0).charge().sampleCount()).isEqualTo(4);
        assertThat(cycles.get(0).cyclerCycleIndex()).isEqualTo(1);
    }

    @Test
    void shouldRejectNonFiniteOutOfOrderAndWrongUnitSamples() {
        final CycleAssembler a = assembler(LI_LPSC_SS);
        a.accept(1_000, 0, 0.5, Sample.NO_INDEX, null);

        assertThat(a.check(2_000, Double.NaN, 0.1)).contains("non-finite");
        assertThat(a.check(999, 0, 0.1)).contains("before the channel's last sample");
        assertThat(a.check(1_000, 0, 0.1)).isNull();
        assertThat(a.check(2_000, 0, 1500)).contains("mV sent as V");
        assertThat(a.check(2_000, 0.785, 0.1)).contains("mA sent as A");
        assertThat(a.check(2_000, 0.000785, 0.1)).isNull();
    }

    @Test
    void shouldResumeExactlyFromEncodedState() {
        final double i = LI_LPSC_SS.nominalCurrentA();
        final CycleAssembler a = assembler(LI_LPSC_SS);
        new Trace(a, 0).step(-i, -0.03, 1800, 10_000).rest(0, 60).step(i, 0.03, 400, 10_000);
        state.lastSequence(41);

        final CycleState restored = StateCodec.decodeCycleState(StateCodec.encode(state));
        assertThat(StateCodec.encode(restored)).isEqualTo(StateCodec.encode(state));
        assertThat(restored.lastSequence()).isEqualTo(41);

        final List<Cycle> fromRestored = new ArrayList<>();
        final CycleAssembler b = new CycleAssembler(CycleRules.DEFAULTS, LI_LPSC_SS, restored, fromRestored::add);
        for (final CycleAssembler x : List.of(a, b)) {
            x.accept(3_000_000, i, 0.03, Sample.NO_INDEX, null);
            x.accept(3_010_000, 0, 1.4, Sample.NO_INDEX, null);
        }
        assertThat(fromRestored).isEqualTo(cycles);
    }
}
