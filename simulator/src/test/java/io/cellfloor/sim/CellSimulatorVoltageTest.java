package io.cellfloor.sim;

import static io.cellfloor.sim.SimFixtures.config;
import static io.cellfloor.sim.SimFixtures.last;
import static io.cellfloor.sim.SimFixtures.median;
import static io.cellfloor.sim.SimFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.cellfloor.domain.EndReason;
import io.cellfloor.domain.Sample;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellSimulatorVoltageTest {

    @Test
    void shouldDipBelowThePlateauAtPlatingOnsetAndRecover() {
        final SimFixtures.Run run = run(config(SimFixtures.lpscOnSs()).build());

        for (final TruthCycle cycle : run.truth()) {
            final TruthHalfCycle plating = cycle.discharge();
            final List<Sample> onset = run.within(plating.startMs(), plating.startMs() + 120_000);
            final double plateau = median(run.within(plating.startMs() + 240_000, plating.endMs()));
            final Sample minimum = onset.stream().min((a, b) -> Double.compare(a.voltageV(), b.voltageV()))
                    .orElseThrow();

            assertThat(plateau).isBetween(-0.100, -0.020);
            assertThat(minimum.voltageV()).isLessThan(plateau - 0.040);
            assertThat(minimum.timeMs() - plating.startMs()).isBetween(5_000L, 60_000L);
        }
    }

    @Test
    void shouldReachAboutMinus80MvNucleationMinimumUnderThePapersConditions() {
        // 0.1 mA/cm2, 0.1 mAh/cm2: one-hour plating as in the paper
        final SimFixtures.Run run = run(config(SimFixtures.asymmetric("LPSC", "SS", 0.1, 0.1, 1.5)).cycles(1).build());
        final TruthHalfCycle plating = run.cycle(1).discharge();

        assertThat(SimFixtures.min(run.of(plating))).isBetween(-0.095, -0.065);
        assertThat(plating.durationMs()).isEqualTo(3_600_000L);
    }

    @Test
    void shouldStripAtAPositivePlateauThenRiseToTheCutoffAtThePredictedTime() {
        final SimFixtures.Run run = run(config(SimFixtures.lpscOnSs()).ce(CeTrajectory.constant(80.0, 0.0)).build());

        for (final TruthCycle cycle : run.truth()) {
            final TruthHalfCycle strip = cycle.charge();
            final List<Sample> samples = run.of(strip);
            // CE x plated / I: 0.8 x 12 min
            assertThat(strip.durationMs()).isEqualTo(576_000L);
            assertThat(strip.endReason()).isEqualTo(EndReason.CUTOFF);
            assertThat(median(run.within(strip.startMs() + 60_000, strip.startMs() + 300_000)))
                    .isBetween(0.020, 0.100);
            assertThat(last(samples).timeMs()).isEqualTo(strip.endMs());
            assertThat(last(samples).voltageV()).isGreaterThanOrEqualTo(1.5);
            assertThat(samples.subList(0, samples.size() - 1))
                    .allSatisfy(s -> assertThat(s.voltageV()).isLessThan(1.5));
            assertThat(cycle.cePct()).isEqualTo(80.0);
        }
    }

    @Test
    void shouldRiseSharplyOnlyAtTheEndOfStripping() {
        final SimFixtures.Run run = run(config(SimFixtures.lpscOnSs()).ce(CeTrajectory.constant(80.0, 0.0)).build());
        final TruthHalfCycle strip = run.cycle(2).charge();

        // one minute before the end the voltage is still near the plateau
        assertThat(SimFixtures.max(run.within(strip.startMs() + 60_000, strip.endMs() - 60_000))).isLessThan(0.15);
    }

    @Test
    void shouldStayHighAndRelaxALittleAtRestAfterAStripThatReachedTheCutoff() {
        final SimFixtures.Run run = run(config(SimFixtures.lpscOnSs()).build());
        final TruthCycle first = run.cycle(1);
        final List<Sample> rest = run.within(first.charge().endMs() + 1, run.cycle(2).first().startMs() - 1);

        assertThat(rest).isNotEmpty();
        assertThat(rest).allSatisfy(s -> {
            assertThat(s.currentA()).isZero();
            assertThat(s.voltageV()).isBetween(1.1, 1.5);
        });
        assertThat(last(rest).voltageV()).isLessThan(rest.get(0).voltageV() - 0.05);
    }

    @Test
    void shouldRestNearZeroVoltsAfterPlating() {
        final SimFixtures.Run run = run(config(SimFixtures.lpscOnSs()).build());
        final TruthCycle cycle = run.cycle(1);
        final List<Sample> rest = run.within(cycle.discharge().endMs() + 1, cycle.charge().startMs() - 1);

        assertThat(Math.abs(last(rest).voltageV())).isLessThan(0.005);
    }

    @Test
    void shouldEndFullCellChargeAndDischargeAtTheirCutoffs() {
        final SimFixtures.Run run = run(config(SimFixtures.full()).build());

        for (final TruthCycle cycle : run.truth()) {
            final List<Sample> charge = run.of(cycle.charge());
            final List<Sample> discharge = run.of(cycle.discharge());
            assertThat(last(charge).voltageV()).isGreaterThanOrEqualTo(4.2);
            assertThat(charge.subList(0, charge.size() - 1)).allSatisfy(s -> assertThat(s.voltageV()).isLessThan(4.2));
            assertThat(last(discharge).voltageV()).isLessThanOrEqualTo(3.0);
            assertThat(discharge.subList(0, discharge.size() - 1))
                    .allSatisfy(s -> assertThat(s.voltageV()).isGreaterThan(3.0));
            assertThat(median(charge)).isBetween(3.4, 4.1);
        }
    }

    @Test
    void shouldAlternatePolarisationInASymmetricCell() {
        final SimFixtures.Run run = run(config(SimFixtures.symmetric()).build());
        final TruthCycle cycle = run.cycle(3);

        assertThat(median(run.of(cycle.discharge()))).isBetween(-0.100, -0.020);
        assertThat(median(run.of(cycle.charge()))).isBetween(0.020, 0.100);
    }
}
