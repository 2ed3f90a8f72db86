package io.cellfloor.sim.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellfloor.domain.CellStage;
import io.cellfloor.domain.Cycle;
import io.cellfloor.domain.Direction;
import io.cellfloor.sim.Injection;
import io.cellfloor.sim.SamplingConfig;
import io.cellfloor.sim.SimulatorConfig;
import org.junit.jupiter.api.Test;

/** Normal behaviour that looks odd raises nothing, on every kind of cell. */
class ConfounderScenariosTest {

    private static DetectionRun run(final Cells.Cell cell, final SamplingConfig sampling, final Injection... extra) {
        return DetectionRun.of(SimulatorConfig.builder(cell.spec()).seed(23).cycles(12).sampling(sampling)
                .inject(cell.normal()).inject(extra).build());
    }

    @Test
    void shouldRaiseNothingOnAnyHealthyCellAtAnyLoggingInterval() {
        for (final Cells.Cell cell : Cells.ASYMMETRIC) {
            for (final SamplingConfig sampling : ScenarioSuite.SAMPLINGS) {
                assertThat(run(cell, sampling).allEvents()).as("%s at %d ms", cell.name(), sampling.intervalMs())
                        .isEmpty();
            }
        }
    }

    @Test
    void shouldNotFlagAFirstCycleCeFarBelow100PercentFromInterphaseFormation() {
        final DetectionRun lgps = run(Cells.ASYMMETRIC.get(6), SamplingConfig.typical());

        assertThat(lgps.cycle(1).cePercent()).isLessThan(2.0);
        assertThat(lgps.allEvents()).isEmpty();
    }

    @Test
    void shouldNotFlagAFirstCycleCeJustAbove100PercentFromAlloying() {
        final DetectionRun gold = run(Cells.ASYMMETRIC.get(4), SamplingConfig.typical());

        assertThat(gold.cycle(1).cePercent()).isGreaterThan(100.5);
        assertThat(gold.allEvents()).isEmpty();
    }

    @Test
    void shouldNotFlagADeliberateChangeOfCurrentDensityEitherWay() {
        for (final double factor : new double[] {2.0, 0.5}) {
            assertThat(run(Cells.ASYMMETRIC.get(1), SamplingConfig.typical(), new Injection.CurrentChange(5, factor))
                    .allEvents()).isEmpty();
            assertThat(run(Cells.SYMMETRIC.get(0), SamplingConfig.typical(), new Injection.CurrentChange(5, factor))
                    .allEvents()).isEmpty();
            assertThat(run(Cells.FULL.get(0), SamplingConfig.typical(), new Injection.CurrentChange(5, factor))
                    .allEvents()).isEmpty();
        }
    }

    @Test
    void shouldNotFlagALoggingGapThatHidesTheEndOfAStrip() {
        final DetectionRun run = run(Cells.ASYMMETRIC.get(1), SamplingConfig.typical(),
                new Injection.LoggingGap(4, Direction.CHARGE, 0.3, 900_000));

        assertThat(run.cycle(4).hasGap()).isTrue();
        assertThat(run.allEvents()).isEmpty();
    }

    @Test
    void shouldNeverFlagTheCeOfASymmetricCell() {
        for (final Cells.Cell cell : Cells.SYMMETRIC) {
            final DetectionRun run = run(cell, SamplingConfig.typical().withNoise(0.001, 1e-3));

            assertThat(run.allEvents()).isEmpty();
            assertThat(run.cycles()).extracting(Cycle::stage).containsOnly(CellStage.STABLE);
        }
    }

    @Test
    void shouldNotFlagInstrumentNoiseOnAFullCell() {
        assertThat(run(Cells.FULL.get(1), SamplingConfig.typical().withNoise(0.001, 1e-3)).allEvents()).isEmpty();
    }
}
