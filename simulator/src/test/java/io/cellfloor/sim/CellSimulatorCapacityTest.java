package io.cellfloor.sim;

import static io.cellfloor.sim.SimFixtures.config;
import static io.cellfloor.sim.SimFixtures.run;
import static io.cellfloor.sim.SimFixtures.trapezoidAh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cellfloor.domain.CellSpec;
import io.cellfloor.domain.Direction;
import io.cellfloor.domain.EndReason;
import org.junit.jupiter.api.Test;

class CellSimulatorCapacityTest {

    @Test
    void shouldRecordPlatedCapacityAsSetCurrentTimesStepDuration() {
        final CellSpec spec = SimFixtures.lpscOnSs();
        final SimFixtures.Run run = run(config(spec).build());

        for (final TruthCycle cycle : run.truth()) {
            final TruthHalfCycle plating = cycle.discharge();
            assertThat(plating.direction()).isEqualTo(Direction.DISCHARGE);
            assertThat(plating.currentA()).isEqualTo(-spec.nominalCurrentA());
            assertThat(plating.capacityAh())
                    .isEqualTo(spec.nominalCurrentA() * plating.durationMs() / 3_600_000.0);
            // 0.2 mAh/cm2 at 1 mA/cm2 is 12 minutes
            assertThat(plating.durationMs()).isEqualTo(720_000L);
            assertThat(plating.endReason()).isEqualTo(EndReason.CAPACITY);
            assertThat(plating.capacityAh()).isCloseTo(spec.nominalCapacityAh(), within(1e-12));
        }
    }

    @Test
    void shouldComputeCeAsStrippedOverPlated() {
        final SimFixtures.Run run = run(config(SimFixtures.lpscOnSs()).build());

        for (final TruthCycle cycle : run.truth()) {
            assertThat(cycle.cePct()).isCloseTo(100.0 * cycle.chargeAh() / cycle.dischargeAh(), within(1e-9));
            assertThat(cycle.charge().capacityAh())
                    .isCloseTo(cycle.charge().currentA() * cycle.charge().durationMs() / 3_600_000.0, within(1e-15));
        }
    }

    @Test
    void shouldReproduceTruthCapacityOfEveryAsymmetricHalfCycleByTrapezoidalIntegration() {
        final SimFixtures.Run run = run(config(SimFixtures.lpscOnSs()).cycles(8).build());

        for (final TruthCycle cycle : run.truth()) {
            assertTrapezoidMatches(run, cycle.first());
            assertTrapezoidMatches(run, cycle.second());
        }
    }

    @Test
    void shouldReproduceTruthCapacityOfSymmetricAndFullCellHalvesByTrapezoidalIntegration() {
        final SimFixtures.Run symmetric = run(config(SimFixtures.symmetric()).build());
        final SimFixtures.Run full = run(config(SimFixtures.full()).build());

        for (final TruthCycle cycle : symmetric.truth()) {
            assertTrapezoidMatches(symmetric, cycle.first());
            assertTrapezoidMatches(symmetric, cycle.second());
        }
        for (final TruthCycle cycle : full.truth()) {
            assertTrapezoidMatches(full, cycle.first());
            assertTrapezoidMatches(full, cycle.second());
        }
    }

    @Test
    void shouldReproduceTruthCapacityEvenWithNoisyCurrentAndSparseLogging() {
        final SamplingConfig sparse = SamplingConfig.typical().withIntervalMs(60_000).timeOnly().withNoise(1e-3, 1e-4);
        final SimFixtures.Run run = run(config(SimFixtures.lpscOnSs()).sampling(sparse).build());

        for (final TruthCycle cycle : run.truth()) {
            assertTrapezoidMatches(run, cycle.first());
            assertTrapezoidMatches(run, cycle.second());
        }
    }

    @Test
    void shouldKeepSymmetricCeAtExactly100() {
        final SimFixtures.Run run = run(config(SimFixtures.symmetric()).build());

        assertThat(run.truth()).allSatisfy(cycle -> {
            assertThat(cycle.cePct()).isEqualTo(100.0);
            assertThat(cycle.first().direction()).isEqualTo(Direction.DISCHARGE);
            assertThat(cycle.second().direction()).isEqualTo(Direction.CHARGE);
        });
    }

    @Test
    void shouldGiveFullCellCeOfDischargeOverChargeBelow100() {
        final SimFixtures.Run run = run(config(SimFixtures.full()).cycles(10).build());

        assertThat(run.truth()).allSatisfy(cycle -> {
            assertThat(cycle.first().direction()).isEqualTo(Direction.CHARGE);
            assertThat(cycle.cePct()).isBetween(99.3, 100.0);
            assertThat(cycle.first().endReason()).isEqualTo(EndReason.CUTOFF);
            assertThat(cycle.second().endReason()).isEqualTo(EndReason.CUTOFF);
        });
    }

    private static void assertTrapezoidMatches(final SimFixtures.Run run, final TruthHalfCycle half) {
        final double counted = trapezoidAh(run.of(half));
        assertThat(counted)
                .as("trapezoid of %s half-cycle starting %d", half.direction(), half.startMs())
                .isCloseTo(half.capacityAh(), within(half.capacityAh() * 0.0005));
    }
}
