package io.cellfloor.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The voltage probe of one half-cycle on its own: a plating at 1 mA logged every 2 s whose |V| follows a function of
 * the time into the half, with the default {@link VoltageRules} (30 s onset guard, 20 s decimation, arming after 90 s,
 * excursions 25 % below the plateau).
 */
class HalfCycleProbeTest {
    private static final VoltageRules RULES = VoltageRules.DEFAULTS;
    private static final double I = -0.001;
    private static final long T0 = 1_000_000;

    private final HalfCycleProbe probe = new HalfCycleProbe();
    private long lastT;
    private double lastV;

    private void open(final double v, final double healthyPlateauV) {
        probe.open(RULES, Direction.DISCHARGE, T0, I, -v, T0 - 1_000, 0, 0, healthyPlateauV,
                Double.isNaN(healthyPlateauV) ? Double.NaN : Math.abs(I), Double.NaN, false, 5e-6);
        lastT = T0;
        lastV = -v;
    }

    /** Samples every 2 s up to {@code untilS} into the half, |V| as given, current {@code currentA}. */
    private void run(final long untilS, final double currentA, final LongToDoubleFunction absV) {
        for (long t = lastT + 2_000; t <= T0 + untilS * 1000; t += 2_000) {
            final double v = -absV.applyAsDouble((t - T0) / 1000);
            probe.update(RULES, t, currentA, v, lastT, lastV, false);
            lastT = t;
            lastV = v;
        }
    }

    @Test
    void shouldLearnThePlateauOfASteadyHalf() {
        open(0.06, Double.NaN);
        run(600, I, s -> 0.05);

        final HalfSummary h = probe.close(RULES);

        assertThat(h.plateauV()).isCloseTo(0.05, within(1e-12));
        assertThat(h.referenceV()).isCloseTo(0.05, within(1e-12));
        assertThat(h.excursions()).isZero();
        assertThat(h.loggingIntervalS()).isCloseTo(2.0, within(1e-12));
        assertThat(h.endMs() - h.startMs()).isEqualTo(600_000);
    }

    @Test
    void shouldNotArmOnASampleStillFalling() {
        open(0.2, Double.NaN);
        run(600, I, s -> 0.05 + 0.15 * Math.exp(-s / 60.0));

        final HalfSummary h = probe.close(RULES);

        // armed only once three decimated points agree within 10 %: by then the decay is nearly over
        assertThat(h.plateauV()).isBetween(0.05, 0.051);
    }

    @Test
    void shouldCountExcursionsAndRememberTheDeepest() {
        open(0.05, Double.NaN);
        run(600, I, s -> s >= 200 && s < 220 ? 0.03 : s >= 400 && s < 410 ? 0.02 : 0.05);

        final HalfSummary h = probe.close(RULES);

        assertThat(h.excursions()).isEqualTo(2);
        assertThat(h.excDepth()).isCloseTo(0.6, within(1e-9));
        assertThat(h.excStartMs()).isEqualTo(T0 + 400_000);
        assertThat(h.excEndMs()).isEqualTo(T0 + 410_000);
        assertThat(h.excRecovered()).isTrue();
        assertThat(h.firstExcursionMs()).isEqualTo(T0 + 200_000);
        assertThat(h.minAbsV()).isCloseTo(0.02, within(1e-12));
    }

    @Test
    void shouldMeasureDropsFromTheLowerOfItsOwnAndTheHealthyPlateau() {
        open(0.05, 0.04);
        run(600, I, s -> 0.05);

        assertThat(probe.close(RULES).referenceV()).isCloseTo(0.04, within(1e-12));
    }

    @Test
    void shouldRelearnThePlateauAfterAStepOfCurrentWithoutAnExcursion() {
        open(0.05, Double.NaN);
        run(300, I, s -> 0.05);
        run(900, 2 * I, s -> 0.025); // half the voltage at twice the current: a protocol step, not a drop

        final HalfSummary h = probe.close(RULES);

        assertThat(h.excursions()).isZero();
        assertThat(h.currentA()).isCloseTo(0.002, within(1e-12));
        assertThat(h.plateauV()).isCloseTo(0.025, within(1e-12));
    }

    @Test
    void shouldReportTheLowTailOfAHardShortAgainstTheHealthyPlateau() {
        open(0.05, 0.05);
        run(300, I, s -> 0.05);
        run(400, I, s -> 0.005);

        final HalfSummary h = probe.close(RULES);

        assertThat(h.lowSinceMs()).isEqualTo(T0 + 302_000);
        assertThat(h.lowFraction()).isCloseTo(98.0 / 400, within(1e-12));
        assertThat(h.lowResistanceOhm()).isCloseTo(5.0, within(1e-9));
        assertThat(h.lowSamples()).isEqualTo(50);
    }

    @Test
    void shouldTakeTheDcResistanceAcrossTheStepIntoTheHalf() {
        open(0.025, Double.NaN);
        run(100, I, s -> 0.05);

        assertThat(probe.close(RULES).dcResistanceOhm()).isCloseTo(25.0, within(1e-9));
    }

    @Test
    void shouldEstimateWhiteNoiseOnTheSlopingPlateau() {
        final java.util.Random random = new java.util.Random(3);
        open(0.05, Double.NaN);
        run(3600, I, s -> 0.05 + 1e-6 * s + 0.0005 * random.nextGaussian());

        assertThat(probe.close(RULES).noiseV()).isCloseTo(0.0005, within(0.0001));
    }

    @Test
    void shouldContinueIdenticallyAfterARoundTripThroughTheCodec() {
        open(0.06, 0.05);
        final LongToDoubleFunction trace = s -> s >= 200 && s < 260 ? 0.02 : 0.05 + 0.001 * Math.sin(s);
        run(230, I, trace); // an excursion in progress
        final ByteBuffer b = ByteBuffer.allocate(1024);
        probe.fields(StateFields.writer(b, StateCodec.CYCLE_STATE_VERSION));
        b.flip();
        final HalfCycleProbe restored = new HalfCycleProbe();
        restored.fields(StateFields.reader(b, StateCodec.CYCLE_STATE_VERSION));

        final long t = lastT;
        final double v = lastV;
        run(600, I, trace);
        final HalfSummary original = probe.close(RULES);
        double previousV = v;
        for (long at = t + 2_000; at <= T0 + 600_000; at += 2_000) {
            final double now = -trace.applyAsDouble((at - T0) / 1000);
            restored.update(RULES, at, I, now, at - 2_000, previousV, false);
            previousV = now;
        }
        final HalfSummary continued = restored.close(RULES);

        assertThat(b.hasRemaining()).isFalse();
        assertThat(continued).isEqualTo(original);
        assertThat(original.excursions()).isEqualTo(1);
    }
}
