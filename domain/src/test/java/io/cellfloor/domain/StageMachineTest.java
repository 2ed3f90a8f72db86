package io.cellfloor.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StageMachineTest {
    private static final StageRules RULES = StageRules.DEFAULTS;
    private static final List<BreakdownEvent> DROP = List.of(event(BreakdownType.VOLTAGE_DROP));

    private static BreakdownEvent event(final BreakdownType type) {
        return new BreakdownEvent(type, 7, Direction.DISCHARGE, 0, 1, 0.8, true, Map.of("depthFraction", 0.8));
    }

    @Test
    void shouldBecomeRecoverableAtTheFirstSoftBreakdown() {
        final StageChange change = StageMachine.next(CellStage.STABLE, 7, 0b1, true, 0.8, 0, DROP, RULES);

        assertThat(change.to()).isEqualTo(CellStage.RECOVERABLE);
        assertThat(change.cycleNumber()).isEqualTo(7);
        assertThat(change.reason()).contains("VOLTAGE_DROP in cycle 7", "depthFraction=0.8000");
    }

    @Test
    void shouldBecomeIrrecoverableWhenBreakdownsPersistInConsecutiveCyclesWithGrowingSeverity() {
        assertThat(StageMachine.next(CellStage.RECOVERABLE, 9, 0b11, true, 0.8, 0.6, DROP, RULES).to())
                .isEqualTo(CellStage.IRRECOVERABLE);
        assertThat(StageMachine.next(CellStage.RECOVERABLE, 9, 0b11, true, 1.0, 1.0, DROP, RULES).to())
                .isEqualTo(CellStage.IRRECOVERABLE);
    }

    @Test
    void shouldStayRecoverableWhileBreakdownsAreIsolatedHoweverManyThereAre() {
        assertThat(StageMachine.next(CellStage.RECOVERABLE, 9, 0b10101, true, 0.9, 0, DROP, RULES)).isNull();
        assertThat(StageMachine.next(CellStage.RECOVERABLE, 9, 0b1010101, true, 1.0, 0, DROP, RULES)).isNull();
    }

    @Test
    void shouldStayRecoverableWhenTheSecondConsecutiveBreakdownIsWeaker() {
        assertThat(StageMachine.next(CellStage.RECOVERABLE, 9, 0b11, true, 0.3, 0.8, DROP, RULES)).isNull();
    }

    @Test
    void shouldGoStraightToHardShortFromAnyEarlierStage() {
        final List<BreakdownEvent> shorted = List.of(event(BreakdownType.HARD_SHORT));

        assertThat(StageMachine.next(CellStage.STABLE, 3, 0b1, true, 1, 0, shorted, RULES).to())
                .isEqualTo(CellStage.HARD_SHORT);
        assertThat(StageMachine.next(CellStage.IRRECOVERABLE, 3, 0b1, true, 1, 0, shorted, RULES).to())
                .isEqualTo(CellStage.HARD_SHORT);
    }

    @Test
    void shouldNeverMoveBackwardNorWithoutNewEvidence() {
        assertThat(StageMachine.next(CellStage.IRRECOVERABLE, 20, 0, false, 0, 0, List.of(), RULES)).isNull();
        assertThat(StageMachine.next(CellStage.RECOVERABLE, 20, 0b10110, false, 0, 0.9, List.of(), RULES)).isNull();
        assertThat(StageMachine.next(CellStage.HARD_SHORT, 20, 0b1, true, 0.8, 0, DROP, RULES)).isNull();
    }

    @Test
    void shouldApplyAConfiguredRule() {
        assertThat(StageMachine.next(CellStage.RECOVERABLE, 9, 0b11, true, 0.8, 0.8, DROP, new StageRules(3, 0.1)))
                .isNull();
        assertThat(StageMachine.next(CellStage.RECOVERABLE, 9, 0b111, true, 0.8, 0.8, DROP, new StageRules(3, 0.1))
                .to()).isEqualTo(CellStage.IRRECOVERABLE);
    }
}
