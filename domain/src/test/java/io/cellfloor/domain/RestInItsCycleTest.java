package io.cellfloor.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Where the rest after a strip is reported. A gradual short's first sign is often the open-circuit voltage after the
 * strip; with the cycler's cycle index that rest belongs to the strip's cycle and is judged with it, so the cycle that
 * leaked carries the event and the stage it caused.
 */
class RestInItsCycleTest {

    /** Numbers cycles as a cycler does: a new index at each plating, the rest after the strip still in its cycle. */
    private static LiCell.Feed withCycleIndex(final CycleAssembler a) {
        final int[] index = {0};
        final double[] lastI = {0};
        return (t, i, v) -> {
            if (i < 0 && lastI[0] >= 0) {
                index[0]++;
            }
            lastI[0] = i;
            a.accept(t, i, v, index[0], null);
        };
    }

    @Test
    void shouldReportALeakyRestWithTheCycleItFollowsWhenTheCyclerNumbersCycles() {
        final Detected d = new Detected();
        final CycleAssembler a = d.assembler(LiCell.SPEC);
        new LiCell(withCycleIndex(a)).healthy(5).cycle(s -> s.leak = true).healthy(2);
        a.finish();

        assertThat(d.cycle(6).events()).extracting(BreakdownEvent::type)
                .containsExactly(BreakdownType.REST_VOLTAGE_COLLAPSE);
        assertThat(d.cycle(6).events().get(0).cycleNumber()).isEqualTo(6);
        assertThat(d.cycle(6).stage()).isEqualTo(CellStage.RECOVERABLE);
        assertThat(d.cycle(5).events()).isEmpty();
        assertThat(d.cycle(7).events()).isEmpty();
    }

    @Test
    void shouldJudgeTheRestThatEndsTheTestWithTheLastCycle() {
        final Detected d = new Detected();
        final CycleAssembler a = d.assembler(LiCell.SPEC);
        new LiCell(withCycleIndex(a)).healthy(5).cycle(s -> s.leak = true);
        a.finish();

        assertThat(d.cycles).hasSize(6);
        assertThat(d.cycle(6).events()).extracting(BreakdownEvent::type)
                .containsExactly(BreakdownType.REST_VOLTAGE_COLLAPSE);
    }

    @Test
    void shouldReportTheLeakyRestWithTheNextCycleWhenCyclesAreCutByDirection() {
        final Detected d = new Detected();
        final CycleAssembler a = d.assembler(LiCell.SPEC);
        new LiCell(a).healthy(5).cycle(s -> s.leak = true).healthy(2);
        a.finish();

        assertThat(d.cycle(6).events()).isEmpty(); // closed when its strip ended, before its rest was seen
        assertThat(d.cycle(7).events()).extracting(BreakdownEvent::cycleNumber).containsExactly(6);
    }
}
