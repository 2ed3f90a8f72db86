package io.cellfloor.sim;

import static io.cellfloor.sim.SimFixtures.config;
import static io.cellfloor.sim.SimFixtures.median;
import static io.cellfloor.sim.SimFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cellfloor.domain.Direction;
import io.cellfloor.domain.EndReason;
import io.cellfloor.domain.Sample;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellSimulatorFaultTest {

    @Test
    void shouldNeverReachTheCutoffOnceHardShorted() {
        final SimFixtures.Run run = run(config(SimFixtures.lpscOnSs()).cycles(6)
                .inject(new Injection.HardShort(3, 0.5, 20.0)).build());

        for (int n = 3; n <= 6; n++) {
            final TruthCycle cycle = run.cycle(n);
            assertThat(cycle.charge().endReason()).isEqualTo(EndReason.TIME);
            assertThat(SimFixtures.max(run.of(cycle.charge()))).isLessThan(0.05);
        }
        assertThat(run.cycle(2).charge().endReason()).isEqualTo(EndReason.CUTOFF);
    }

    @Test
    void shouldFollowOhmsLawWithTheShortResistanceAfterAHardShort() {
        final SimFixtures.Run run = run(config(SimFixtures.lpscOnSs()).cycles(4)
                .inject(new Injection.HardShort(2, 0.0, 20.0)).build());
        final TruthHalfCycle strip = run.cycle(3).charge();
        final TruthHalfCycle plating = run.cycle(3).discharge();

        assertThat(median(run.of(strip))).isCloseTo(strip.currentA() * 20.0, within(0.002));
        assertThat(median(run.of(plating))).isCloseTo(plating.currentA() * 20.0, within(0.002));
    }

    @Test
    void shouldRecordAHardShortAsOneUnrecoveredEventLastingToTheEndOfTheTest() {
        final SimFixtures.Run run = run(config(SimFixtures.lpscOnSs()).cycles(5)
                .inject(new Injection.HardShort(3, 0.5, 20.0)).build());
        final TruthHalfCycle onsetHalf = run.cycle(3).discharge();

        assertThat(run.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.HARD_SHORT);
            assertThat(e.cycle()).isEqualTo(3);
            assertThat(e.recovered()).isFalse();
            assertThat(e.startMs()).isEqualTo(onsetHalf.startMs() + onsetHalf.durationMs() / 2);
            assertThat(e.endMs()).isEqualTo(SimFixtures.last(run.samples()).timeMs());
        });
    }

    @Test
    void shouldDropVoltageTowardsZeroDuringASoftShortAndRecover() {
        final SimFixtures.Run run = run(config(SimFixtures.lpscOnSs()).cycles(3)
                .inject(new Injection.SoftShort(2, Direction.DISCHARGE, 0.5, 60_000, 0.9, true)).build());
        final TruthHalfCycle plating = run.cycle(2).discharge();
        final long onset = plating.startMs() + 360_000;
        final double plateau = median(run.within(plating.startMs() + 240_000, onset - 1));

        final List<Sample> during = run.within(onset + 10_000, onset + 55_000);
        final List<Sample> after = run.within(onset + 120_000, plating.endMs());
        assertThat(during).isNotEmpty().allSatisfy(s -> assertThat(Math.abs(s.voltageV()))
                .isLessThan(0.2 * Math.abs(plateau)));
        assertThat(median(after)).isCloseTo(plateau, within(0.01));
        assertThat(run.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.SOFT_SHORT);
            assertThat(e.startMs()).isEqualTo(onset);
            assertThat(e.recovered()).isTrue();
            assertThat(e.breakdown()).isTrue();
        });
    }

    @Test
    void shouldLogTheSoftShortEdgeWithinSecondsWhenTheDvTriggerIsOn() {
        final SamplingConfig minutely = SamplingConfig.typical().withIntervalMs(60_000);
        final SimFixtures.Run run = run(config(SimFixtures.lpscOnSs()).cycles(2).sampling(minutely)
                .inject(new Injection.SoftShort(2, Direction.DISCHARGE, 0.5, 20_000, 0.9, true)).build());
        final long onset = run.cycle(2).discharge().startMs() + 360_000;

        assertThat(run.within(onset, onset + 5_000)).isNotEmpty();
    }

    @Test
    void shouldMissABriefSoftShortWhenLoggingOnceAMinuteOnTimeOnly() {
        final SamplingConfig minutely = SamplingConfig.typical().withIntervalMs(60_000).timeOnly();
        final SimFixtures.Run run = run(config(SimFixtures.lpscOnSs()).cycles(2).sampling(minutely)
                .inject(new Injection.SoftShort(2, Direction.DISCHARGE, 0.5, 3_000, 0.9, true)).build());
        final long onset = run.cycle(2).discharge().startMs() + 360_000;

        assertThat(run.within(onset, onset + 3_000).size()).isLessThanOrEqualTo(1);
    }

    @Test
    void shouldStripLongerThanPlatedWhenALeakJumpsTheCeAbove100() {
        final SimFixtures.Run run = run(config(SimFixtures.lpscOnSs()).cycles(4)
                .inject(new Injection.Leakage(3, 142.9)).build());
        final TruthCycle leaky = run.cycle(3);

        assertThat(leaky.cePct()).isCloseTo(142.9, within(0.001));
        assertThat(leaky.chargeAh()).isGreaterThan(leaky.dischargeAh());
        assertThat(leaky.charge().endReason()).isEqualTo(EndReason.CUTOFF);
        assertThat(run.cycle(4).cePct()).isLessThan(70.0);
        assertThat(run.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.LEAKAGE);
            assertThat(e.halfCycle()).isEqualTo(Direction.CHARGE);
            assertThat(e.magnitude()).isCloseTo(142.9, within(0.001));
        });
    }

    @Test
    void shouldEndTheStripOnItsTimeLimitWhenTheLeakNeverLetsItReachTheCutoff() {
        final SimFixtures.Run run = run(config(SimFixtures.lpscOnSs()).cycles(3)
                .inject(new Injection.Leakage(2, Double.POSITIVE_INFINITY)).build());
        final TruthCycle leaky = run.cycle(2);

        assertThat(leaky.charge().endReason()).isEqualTo(EndReason.TIME);
        assertThat(leaky.charge().durationMs()).isEqualTo(Math.round(2.5 * leaky.discharge().durationMs()));
        assertThat(SimFixtures.max(run.of(leaky.charge()))).isLessThan(0.2);
    }

    @Test
    void shouldPullTheRestVoltageTowardsZeroAfterALeakyStrip() {
        final SimFixtures.Run run = run(config(SimFixtures.lpscOnSs()).cycles(3)
                .inject(new Injection.Leakage(2, 130.0)).build());
        final List<Sample> healthyRest = run.within(run.cycle(1).charge().endMs() + 1,
                run.cycle(2).first().startMs() - 1);
        final List<Sample> leakyRest = run.within(run.cycle(2).charge().endMs() + 1,
                run.cycle(3).first().startMs() - 1);

        assertThat(SimFixtures.last(leakyRest).voltageV())
                .isLessThan(SimFixtures.last(healthyRest).voltageV() - 0.3);
    }

    @Test
    void shouldMakeRepeatedIrregularExcursionsDuringAFluctuation() {
        final SimFixtures.Run run = run(config(SimFixtures.lpscOnSs()).cycles(2)
                .sampling(SamplingConfig.typical().withIntervalMs(1_000))
                .inject(new Injection.Fluctuation(2, Direction.DISCHARGE, 6, 0.8)).build());
        final TruthHalfCycle plating = run.cycle(2).discharge();
        final List<Sample> samples = run.within(plating.startMs() + 120_000, plating.endMs());
        final double plateau = median(samples);

        int excursions = 0;
        boolean inside = false;
        for (final Sample s : samples) {
            final boolean away = Math.abs(s.voltageV() - plateau) > 0.2 * Math.abs(plateau);
            if (away && !inside) {
                excursions++;
            }
            inside = away;
        }
        assertThat(excursions).isBetween(3, 6);
        assertThat(run.events()).singleElement().satisfies(e -> assertThat(e.magnitude()).isEqualTo(6.0));
    }

    @Test
    void shouldLogNothingDuringALoggingGap() {
        final SimFixtures.Run run = run(config(SimFixtures.lpscOnSs()).cycles(3)
                .inject(new Injection.LoggingGap(2, Direction.DISCHARGE, 0.25, 240_000)).build());
        final InjectedEvent gap = run.events().get(0);

        assertThat(gap.type()).isEqualTo(EventType.LOGGING_GAP);
        assertThat(gap.breakdown()).isFalse();
        assertThat(gap.endMs() - gap.startMs()).isEqualTo(240_000L);
        assertThat(run.within(gap.startMs(), gap.endMs())).isEmpty();
        assertThat(run.within(gap.endMs(), gap.endMs() + 15_000)).isNotEmpty();
    }

    @Test
    void shouldShortenHalfCyclesWhenTheCurrentDensityIsDoubled() {
        final SimFixtures.Run run = run(config(SimFixtures.lpscOnSs()).cycles(4)
                .inject(new Injection.CurrentChange(3, 2.0)).build());

        assertThat(run.cycle(2).discharge().durationMs()).isEqualTo(720_000L);
        assertThat(run.cycle(3).discharge().durationMs()).isEqualTo(360_000L);
        assertThat(run.cycle(4).discharge().currentA()).isEqualTo(-2 * SimFixtures.lpscOnSs().nominalCurrentA());
        assertThat(run.cycle(4).dischargeAh()).isCloseTo(run.cycle(2).dischargeAh(), within(1e-12));
        assertThat(run.events()).singleElement().satisfies(e -> assertThat(e.type())
                .isEqualTo(EventType.CURRENT_CHANGE));
    }

    @Test
    void shouldSetTheFirstCycleCeAsALabelledConfounder() {
        final SimFixtures.Run lgps = run(config(SimFixtures.asymmetric("LGPS", "SS", 1.0, 0.2, 1.5)).cycles(2)
                .inject(new Injection.FirstCycleCe(1.39)).build());
        final SimFixtures.Run gold = run(config(SimFixtures.asymmetric("LPSC", "Au@Cu", 1.0, 0.2, 1.5)).cycles(2)
                .inject(new Injection.FirstCycleCe(100.76)).build());

        assertThat(lgps.cycle(1).cePct()).isCloseTo(1.39, within(0.001));
        assertThat(gold.cycle(1).cePct()).isCloseTo(100.76, within(0.001));
        assertThat(gold.cycle(2).cePct()).isCloseTo(88.0, within(3.0));
        assertThat(lgps.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.FIRST_CYCLE_CE);
            assertThat(e.breakdown()).isFalse();
        });
    }

    @Test
    void shouldLeaveOtherCyclesUnchangedWhenAFaultIsInjected() {
        final SimulatorConfig healthy = config(SimFixtures.lpscOnSs()).cycles(4).build();
        final SimulatorConfig faulty = config(SimFixtures.lpscOnSs()).cycles(4)
                .inject(new Injection.Fluctuation(2, Direction.DISCHARGE, 5, 0.8)).build();

        assertThat(run(faulty).cycle(3).cePct()).isEqualTo(run(healthy).cycle(3).cePct());
        assertThat(run(faulty).cycle(2).cePct()).isEqualTo(run(healthy).cycle(2).cePct());
    }

    @Test
    void shouldRefuseALeakageInASymmetricCell() {
        final SimulatorConfig.Builder builder = config(SimFixtures.symmetric()).inject(new Injection.Leakage(2, 120));

        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("symmetric");
    }

    @Test
    void shouldLowerFullCellCeAndCollapseItsRestVoltageWhenLeaking() {
        final SimFixtures.Run run = run(config(SimFixtures.full()).cycles(3)
                .inject(new Injection.Leakage(2, 90.0)).build());

        assertThat(run.cycle(2).cePct()).isCloseTo(90.0, within(0.01));
        final List<Sample> healthyRest = run.within(run.cycle(1).charge().endMs() + 1,
                run.cycle(1).discharge().startMs() - 1);
        final List<Sample> leakyRest = run.within(run.cycle(2).charge().endMs() + 1,
                run.cycle(2).discharge().startMs() - 1);
        final double healthyDrop = healthyRest.get(0).voltageV() - SimFixtures.last(healthyRest).voltageV();
        final double leakyDrop = leakyRest.get(0).voltageV() - SimFixtures.last(leakyRest).voltageV();
        assertThat(leakyDrop).isGreaterThan(3 * healthyDrop);
    }
}
