package io.cellfloor.sim.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellfloor.domain.BreakdownEvent;
import io.cellfloor.domain.BreakdownType;
import io.cellfloor.domain.CellSpec;
import io.cellfloor.domain.Direction;
import io.cellfloor.sim.Injection;
import io.cellfloor.sim.SamplingConfig;
import io.cellfloor.sim.SimulatorConfig;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each signature the simulator injects is found in the cycle it was injected in, and nowhere else. */
class SignatureScenariosTest {
    private static final CellSpec LPSC_SS = Cells.ASYMMETRIC.get(1).spec();
    private static final CellSpec LI_LI = Cells.SYMMETRIC.get(0).spec();
    private static final CellSpec FULL = Cells.FULL.get(0).spec();

    private static DetectionRun run(final CellSpec spec, final Injection... injections) {
        return DetectionRun.of(SimulatorConfig.builder(spec).seed(17).cycles(9).inject(injections).build());
    }

    private static Set<Integer> cyclesWithEvents(final DetectionRun run) {
        return run.allEvents().stream().map(BreakdownEvent::cycleNumber).collect(Collectors.toSet());
    }

    private static Set<BreakdownType> typesIn(final DetectionRun run, final int cycle) {
        return run.eventsOf(cycle).stream().map(BreakdownEvent::type).collect(Collectors.toSet());
    }

    @Test
    void shouldFindASoftShortDuringPlatingInItsCycle() {
        final DetectionRun run = run(LPSC_SS, new Injection.SoftShort(6, Direction.DISCHARGE, 0.4, 60_000, 0.8, true));

        assertThat(cyclesWithEvents(run)).containsExactly(6);
        assertThat(run.eventsOf(6)).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(BreakdownType.VOLTAGE_DROP);
            assertThat(e.recovered()).isTrue();
        });
    }

    @Test
    void shouldFindASoftShortDuringStrippingInItsCycle() {
        final DetectionRun run = run(LPSC_SS, new Injection.SoftShort(5, Direction.CHARGE, 0.3, 40_000, 0.9, true));

        assertThat(cyclesWithEvents(run)).containsExactly(5);
    }

    @Test
    void shouldFindAFluctuationInItsCycle() {
        final DetectionRun run = run(LPSC_SS, new Injection.Fluctuation(7, Direction.DISCHARGE, 6, 0.7));

        assertThat(cyclesWithEvents(run)).containsExactly(7);
        assertThat(typesIn(run, 7)).containsExactly(BreakdownType.VOLTAGE_FLUCTUATION);
    }

    @Test
    void shouldFindALeakAsACeJumpInItsCycleAndARestCollapseAfterIt() {
        final DetectionRun run = run(LPSC_SS, new Injection.Leakage(6, 75.0));

        assertThat(cyclesWithEvents(run)).containsExactly(6);
        assertThat(typesIn(run, 6)).containsExactlyInAnyOrder(BreakdownType.CE_JUMP,
                BreakdownType.REST_VOLTAGE_COLLAPSE);
    }

    @Test
    void shouldFindALeakThatKeepsTheStripFromEverReachingTheCutoff() {
        final DetectionRun run = run(LPSC_SS, new Injection.Leakage(5, Double.POSITIVE_INFINITY));

        assertThat(cyclesWithEvents(run)).containsExactly(5);
        assertThat(run.eventsOf(5)).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo(BreakdownType.CE_JUMP);
            assertThat(e.evidence().get("strippingReachedCutoff")).isEqualTo(0.0);
        });
    }

    @Test
    void shouldFindAHardShortFromTheCycleItBeginsOn() {
        final DetectionRun run = run(LPSC_SS, new Injection.HardShort(5, 0.5, 10.0));

        assertThat(cyclesWithEvents(run)).containsExactly(5, 6, 7, 8, 9);
        assertThat(typesIn(run, 5)).contains(BreakdownType.HARD_SHORT);
        assertThat(run.cycle(5).stageChange().to()).isEqualTo(io.cellfloor.domain.CellStage.HARD_SHORT);
    }

    @Test
    void shouldFindWhatASymmetricCellHidesFromItsCeInItsVoltage() {
        final DetectionRun run = run(LI_LI, new Injection.SoftShort(4, Direction.CHARGE, 0.6, 90_000, 0.9, true),
                new Injection.Fluctuation(6, Direction.DISCHARGE, 6, 0.7), new Injection.HardShort(8, 0.3, 10.0));

        assertThat(run.cycles()).allSatisfy(c -> assertThat(c.cePercent()).isBetween(99.9, 100.1));
        assertThat(cyclesWithEvents(run)).containsExactly(4, 6, 8, 9);
        assertThat(typesIn(run, 8)).contains(BreakdownType.HARD_SHORT);
    }

    @Test
    void shouldFindAFullCellsLeakByItsCeAndItsOpenCircuitDecay() {
        final DetectionRun run = run(FULL, new Injection.Leakage(6, 92.0));

        assertThat(cyclesWithEvents(run)).containsExactly(6);
        assertThat(typesIn(run, 6)).containsExactlyInAnyOrder(BreakdownType.CE_JUMP,
                BreakdownType.REST_VOLTAGE_COLLAPSE);
    }

    @Test
    void shouldFindAFullCellsHardShort() {
        final DetectionRun run = run(FULL, new Injection.HardShort(5, 0.5, 5.0));

        // the paper's rule: seen in cycle 5 (as the drop it starts with), confirmed as a hard short on the next cycle
        assertThat(typesIn(run, 5)).contains(BreakdownType.VOLTAGE_DROP);
        assertThat(typesIn(run, 6)).contains(BreakdownType.HARD_SHORT);
    }

    @Test
    void shouldStillFindALeakWhenLoggingOnceAMinuteOnTimeOnly() {
        final DetectionRun run = DetectionRun.of(SimulatorConfig.builder(LPSC_SS).seed(17).cycles(9)
                .sampling(SamplingConfig.typical().withIntervalMs(60_000).timeOnly())
                .inject(new Injection.Leakage(6, 72.0)).build());

        assertThat(cyclesWithEvents(run)).containsExactly(6);
    }
}
