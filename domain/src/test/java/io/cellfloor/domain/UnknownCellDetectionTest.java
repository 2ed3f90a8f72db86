package io.cellfloor.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Without a registered cell the kind is unknown: voltage signatures still count, CE rules need a baseline. */
class UnknownCellDetectionTest {
    private final Detected detected = new Detected();
    private final LiCell cell = new LiCell(detected.assembler(null));

    @Test
    void shouldRaiseNothingOnAHealthyCellWhoseKindIsUnknown() {
        cell.healthy(8);

        assertThat(detected.events()).isEmpty();
        assertThat(detected.cycle(8).cellKnown()).isFalse();
        assertThat(detected.cycle(8).features().nucleationOverpotentialV()).isNaN();
    }

    @Test
    void shouldStillFindAVoltageDropOnACellWhoseKindIsUnknown() {
        cell.healthy(3).cycle(s -> s.platingDrop(360, 60, 0.8));

        assertThat(detected.events(BreakdownType.VOLTAGE_DROP)).extracting(BreakdownEvent::cycleNumber)
                .containsExactly(4);
    }

    @Test
    void shouldJudgeAnUnknownCellsCeOnlyAgainstItsOwnBaseline() {
        cell.healthy(5).cycle(s -> s.ce = 101).healthy(1);

        assertThat(detected.events(BreakdownType.CE_JUMP)).extracting(BreakdownEvent::cycleNumber)
                .containsExactly(6);
    }
}
