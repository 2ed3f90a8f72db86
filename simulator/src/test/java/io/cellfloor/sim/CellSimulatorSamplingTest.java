package io.cellfloor.sim;

import static io.cellfloor.sim.SimFixtures.config;
import static io.cellfloor.sim.SimFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cellfloor.domain.Direction;
import io.cellfloor.domain.Sample;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CellSimulatorSamplingTest {

    @Test
    void shouldEmitStrictlyIncreasingTimes() {
        final List<Sample> samples = run(config(SimFixtures.lpscOnSs()).cycles(4)
                .inject(Scenarios.paperLpscStory(1)).build()).samples();

        for (int k = 1; k < samples.size(); k++) {
            assertThat(samples.get(k).timeMs()).isGreaterThan(samples.get(k - 1).timeMs());
        }
        assertThat(samples.get(0).timeMs()).isEqualTo(SimFixtures.START_MS);
    }

    @Test
    void shouldLogAtIrregularIntervalsAroundTheBaseInterval() {
        final List<Sample> samples = run(config(SimFixtures.lpscOnSs()).cycles(2)
                .sampling(SamplingConfig.typical().timeOnly()).build()).samples();
        final Set<Long> intervals = new HashSet<>();
        for (int k = 1; k < samples.size(); k++) {
            intervals.add(samples.get(k).timeMs() - samples.get(k - 1).timeMs());
        }

        assertThat(intervals).hasSizeGreaterThan(50);
        assertThat(intervals).allSatisfy(dt -> assertThat(dt).isBetween(1L, 12_500L));
    }

    @Test
    void shouldLogExtraPointsWhereTheVoltageMovesFast() {
        final SamplingConfig minutely = SamplingConfig.typical().withIntervalMs(60_000);
        final SimFixtures.Run triggered = run(config(SimFixtures.lpscOnSs()).cycles(1).sampling(minutely).build());
        final SimFixtures.Run timed = run(config(SimFixtures.lpscOnSs()).cycles(1).sampling(minutely.timeOnly())
                .build());
        final TruthHalfCycle strip = triggered.cycle(1).charge();

        // the end-of-strip rise to 1.5 V is seen point by point only with the dV trigger
        assertThat(triggered.within(strip.endMs() - 60_000, strip.endMs()).size()).isGreaterThan(20);
        assertThat(timed.within(strip.endMs() - 60_000, strip.endMs()).size()).isLessThanOrEqualTo(3);
    }

    @Test
    void shouldLogExactlyAtEveryStepStartAndEnd() {
        final SimFixtures.Run run = run(config(SimFixtures.lpscOnSs()).cycles(3).build());
        final Set<Long> times = new HashSet<>();
        run.samples().forEach(s -> times.add(s.timeMs()));

        for (final TruthCycle cycle : run.truth()) {
            assertThat(times).contains(cycle.first().startMs(), cycle.first().endMs(), cycle.second().startMs(),
                    cycle.second().endMs());
            // the rest that follows starts 1 ms after the half-cycle's last point, with zero current
            final Sample afterPlating = run.within(cycle.first().endMs() + 1, cycle.first().endMs() + 1).get(0);
            assertThat(afterPlating.currentA()).isZero();
        }
    }

    @Test
    void shouldProduceIdenticalSamplesAndTruthForTheSameSeed() {
        final SimulatorConfig config = config(SimFixtures.lpscOnSs()).seed(99).cycles(3)
                .inject(Scenarios.paperLpscStory(2)).build();

        final SimFixtures.Run first = run(config);
        final SimFixtures.Run second = run(config);

        assertThat(second.samples()).isEqualTo(first.samples());
        assertThat(second.truth()).isEqualTo(first.truth());
        assertThat(second.events()).isEqualTo(first.events());
    }

    @Test
    void shouldProduceDifferentSamplesForADifferentSeed() {
        final SimFixtures.Run first = run(config(SimFixtures.lpscOnSs()).seed(1).cycles(2).build());
        final SimFixtures.Run second = run(config(SimFixtures.lpscOnSs()).seed(2).cycles(2).build());

        assertThat(second.samples()).isNotEqualTo(first.samples());
        assertThat(second.cycle(2).cePct()).isNotEqualTo(first.cycle(2).cePct());
    }

    @Test
    void shouldEmitOnlyTimeCurrentAndVoltageByDefault() {
        final Sample sample = run(config(SimFixtures.lpscOnSs()).cycles(1).build()).samples().get(100);

        assertThat(sample.stepIndex()).isEqualTo(Sample.NO_INDEX);
        assertThat(sample.cycleIndex()).isEqualTo(Sample.NO_INDEX);
        assertThat(sample.stepType()).isNull();
        assertThat(sample.chargeAh()).isNaN();
    }

    @Test
    void shouldEmitCyclerIndicesAndCountersWhenConfigured() {
        final SimFixtures.Run run = run(config(SimFixtures.lpscOnSs()).cycles(2)
                .sampling(SamplingConfig.typical().withCyclerFields(true)).build());
        final TruthCycle second = run.cycle(2);
        final List<Sample> strip = run.of(second.charge());
        final Sample end = SimFixtures.last(strip);

        assertThat(strip).allSatisfy(s -> {
            assertThat(s.cycleIndex()).isEqualTo(2);
            assertThat(s.stepType()).isEqualTo(Direction.CHARGE);
        });
        // steps: initial rest, then plate, rest, strip, rest per cycle -> cycle 2's strip is step 8
        assertThat(end.stepIndex()).isEqualTo(8);
        assertThat(end.chargeAh()).isEqualTo(second.chargeAh());
        assertThat(end.dischargeAh()).isEqualTo(second.dischargeAh());
    }

    @Test
    void shouldSignalTheEndAndRefuseMoreSamples() {
        final CellSimulator simulator = new CellSimulator(config(SimFixtures.lpscOnSs()).cycles(1).build(), 0L);
        while (simulator.hasNext()) {
            simulator.next();
        }

        assertThat(simulator.peekTimeMs()).isEqualTo(Long.MAX_VALUE);
        assertThat(simulator.truth()).hasSize(1);
        assertThatThrownBy(simulator::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void shouldExposeTruthOfACycleBeforeItsSamplesAreAllEmitted() {
        final CellSimulator simulator = new CellSimulator(config(SimFixtures.lpscOnSs()).cycles(3).build(), 0L);
        simulator.next();

        assertThat(simulator.truth()).hasSize(1);
        assertThat(simulator.truth().get(0).cycle()).isEqualTo(1);
    }
}
