package io.cellfloor.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A critical-current-density test raises the current every few cycles. The CE baseline starts afresh at each new
 * current, but the cycle at the step is first judged against the old one: a leak that opens with the step would
 * otherwise become the new normal.
 */
class CurrentStepCeTest {

    @Test
    void shouldFlagACeJumpInTheCycleWhereTheCurrentIsRaised() {
        final Detected d = new Detected();
        final CycleAssembler a = d.assembler(LiCell.SPEC);
        new LiCell(a).healthy(6).cycle(s -> { s.currentFactor = 1.5; s.ce = 88; });
        a.finish();

        assertThat(d.cycle(7).events()).extracting(BreakdownEvent::type).contains(BreakdownType.CE_JUMP);
        assertThat(d.events(BreakdownType.CE_JUMP)).hasSize(1);
    }

    @Test
    void shouldTakeAFewPointsOfCeAtTheNewCurrentAsItsNewBaseline() {
        final Detected d = new Detected();
        final CycleAssembler a = d.assembler(LiCell.SPEC);
        new LiCell(a).healthy(6).cycle(s -> { s.currentFactor = 1.5; s.ce = 67; })
                .cycle(s -> { s.currentFactor = 1.5; s.ce = 67; }).cycle(s -> { s.currentFactor = 1.5; s.ce = 67; });
        a.finish();

        assertThat(d.events()).isEmpty();
        assertThat(d.cycle(9).stage()).isEqualTo(CellStage.STABLE);
    }
}
