package io.cellfloor.sim.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cellfloor.domain.BreakdownEvent;
import io.cellfloor.domain.BreakdownType;
import io.cellfloor.domain.CellStage;
import io.cellfloor.domain.Cycle;
import io.cellfloor.sim.Injection;
import io.cellfloor.sim.Scenarios;
import io.cellfloor.sim.SimulatorConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The paper's Li/LPSC/SS cell (Figs. 2c, 3a) at its own conditions, 0.1 mA/cm2 and 0.1 mAh/cm2: CE 65.1 % falling to
 * 56.3 % by cycle 5, a jump at cycle 6, 142.9 % at cycle 15; stable through cycle 5, recoverable from 6,
 * irrecoverable later.
 */
class PaperLpscStoryTest {
    private static final io.cellfloor.domain.CellSpec PAPER_CELL = Cells.ASYMMETRIC.get(0).spec();

    @Test
    void shouldFindTheStagesOfTheSimulatorsCompressedPaperStory() {
        final DetectionRun run = DetectionRun.of(SimulatorConfig.builder(PAPER_CELL).seed(3).cycles(16)
                .inject(Scenarios.paperLpscStory(6)).build());

        assertThat(run.cycles()).extracting(Cycle::stage).containsExactly(
                CellStage.STABLE, CellStage.STABLE, CellStage.STABLE, CellStage.STABLE, CellStage.STABLE,
                CellStage.RECOVERABLE, CellStage.RECOVERABLE, CellStage.RECOVERABLE, CellStage.RECOVERABLE,
                CellStage.IRRECOVERABLE, CellStage.IRRECOVERABLE, CellStage.IRRECOVERABLE,
                CellStage.IRRECOVERABLE, CellStage.HARD_SHORT, CellStage.HARD_SHORT, CellStage.HARD_SHORT);
        // the paper's rule: the fluctuation at 9 follows a normal cycle (isolated); 142.9 % at 10 is the second
        // consecutive breakdown cycle and the more severe: irrecoverable there, as the paper's cell at its 142.9 %
        assertThat(run.eventsOf(6)).extracting(BreakdownEvent::type).containsExactly(BreakdownType.VOLTAGE_DROP);
        assertThat(run.eventsOf(7)).extracting(BreakdownEvent::type).contains(BreakdownType.CE_JUMP);
        assertThat(run.eventsOf(10)).extracting(BreakdownEvent::type).contains(BreakdownType.CE_JUMP);
        assertThat(run.eventsOf(14)).extracting(BreakdownEvent::type).contains(BreakdownType.HARD_SHORT);
    }

    @Test
    void shouldReproduceTheCeTrajectoryOfFigure3aAndItsStages() {
        final List<Injection> story = new ArrayList<>(List.of(new Injection.Leakage(6, 64.6),
                new Injection.Leakage(15, 142.9)));
        for (int c = 16; c <= 20; c++) {
            story.add(new Injection.Leakage(c, 95 + 9 * (c % 3)));
            story.add(new Injection.Fluctuation(c, io.cellfloor.domain.Direction.DISCHARGE, 6, 0.7));
        }
        final DetectionRun run = DetectionRun.of(SimulatorConfig.builder(PAPER_CELL).seed(11).cycles(20)
                .inject(story).build());

        assertThat(run.cycle(1).cePercent()).isCloseTo(65.1, within(1.5));
        assertThat(run.cycle(5).cePercent()).isCloseTo(56.3, within(1.5));
        assertThat(run.cycle(6).cePercent()).isCloseTo(64.6, within(0.1));
        assertThat(run.cycle(15).cePercent()).isCloseTo(142.9, within(0.1));
        for (int c = 1; c <= 5; c++) {
            assertThat(run.cycle(c).stage()).as("cycle %d", c).isEqualTo(CellStage.STABLE);
        }
        assertThat(run.cycle(6).stageChange().to()).isEqualTo(CellStage.RECOVERABLE);
        assertThat(run.eventsOf(6)).extracting(BreakdownEvent::type).contains(BreakdownType.CE_JUMP);
        for (int c = 7; c <= 14; c++) {
            assertThat(run.eventsOf(c)).as("cycle %d behaves normally again", c).isEmpty();
            assertThat(run.cycle(c).stage()).isEqualTo(CellStage.RECOVERABLE);
        }
        assertThat(run.eventsOf(15)).extracting(BreakdownEvent::type).contains(BreakdownType.CE_JUMP);
        assertThat(run.cycle(15).stage()).isEqualTo(CellStage.RECOVERABLE); // 142.9 % after normal cycles: isolated
        assertThat(run.cycle(16).stageChange().to()).as("within one cycle of the 142.9 %% cycle")
                .isEqualTo(CellStage.IRRECOVERABLE);
        assertThat(run.cycle(20).stage()).isEqualTo(CellStage.IRRECOVERABLE);
    }
}
