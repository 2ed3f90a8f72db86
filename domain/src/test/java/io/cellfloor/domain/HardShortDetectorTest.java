package io.cellfloor.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HardShortDetectorTest {
    private static final VoltageRules RULES = VoltageRules.DEFAULTS;

    @Test
    void shouldFlagOhmicNearZeroVoltageThatNeverReachesTheCutoff() {
        final BreakdownEvent e = HardShortDetector.judge(9, Summaries.shorted(Direction.DISCHARGE, 0.5, 15, 100),
                Summaries.shorted(Direction.CHARGE, 1.0, 15.5, 200), EndReason.TIME, CellKind.ASYMMETRIC, RULES);

        assertThat(e.type()).isEqualTo(BreakdownType.HARD_SHORT);
        assertThat(e.halfCycle()).isEqualTo(Direction.DISCHARGE);
        assertThat(e.recovered()).isFalse();
        assertThat(e.evidence().get("shortResistanceOhm")).isCloseTo(15.5, within(1e-9));
    }

    @Test
    void shouldNotCallItAHardShortWhenTheStripReachedTheCutoff() {
        assertThat(HardShortDetector.judge(9, Summaries.shorted(Direction.DISCHARGE, 0.5, 15, 100),
                Summaries.shorted(Direction.CHARGE, 1.0, 15, 200), EndReason.CUTOFF, CellKind.ASYMMETRIC, RULES))
                .isNull();
    }

    @Test
    void shouldNotCallAnUnrecoveredSoftShortInOneHalfAHardShort() {
        assertThat(HardShortDetector.judge(9, Summaries.shorted(Direction.DISCHARGE, 0.3, 15, 100),
                Summaries.healthy(Direction.CHARGE), EndReason.TIME, CellKind.ASYMMETRIC, RULES)).isNull();
    }

    @Test
    void shouldNotCallItAHardShortWhenTheFirstHalfEndedAtItsPlateau() {
        assertThat(HardShortDetector.judge(9, Summaries.healthy(Direction.DISCHARGE),
                Summaries.shorted(Direction.CHARGE, 1.0, 15, 200), EndReason.TIME, CellKind.ASYMMETRIC, RULES))
                .isNull();
    }

    @Test
    void shouldRequireTheSameResistanceBothWays() {
        assertThat(HardShortDetector.judge(9, Summaries.shorted(Direction.DISCHARGE, 0.5, 2, 100),
                Summaries.shorted(Direction.CHARGE, 1.0, 30, 200), EndReason.TIME, CellKind.ASYMMETRIC, RULES))
                .isNull();
    }

    @Test
    void shouldNotAskASymmetricCellToReachACutoff() {
        assertThat(HardShortDetector.judge(9, Summaries.shorted(Direction.DISCHARGE, 0.7, 10, 100),
                Summaries.shorted(Direction.CHARGE, 1.0, 10, 200), EndReason.CAPACITY, CellKind.SYMMETRIC, RULES))
                .isNotNull();
    }

    @Test
    void shouldFindTheHardShortOfASyntheticCellInTheCycleItBegins() {
        final Detected detected = new Detected();
        new LiCell(detected.assembler(LiCell.SPEC)).healthy(3).cycle(s -> {
            s.platingDrop(400, 10_000, 0.0);
            s.shortOhm = 12;
        }).cycle(s -> s.shortOhm = 12);

        assertThat(detected.events(BreakdownType.HARD_SHORT)).extracting(BreakdownEvent::cycleNumber)
                .containsExactly(4, 5);
        assertThat(detected.cycle(4).stage()).isEqualTo(CellStage.HARD_SHORT);
        assertThat(detected.cycle(4).stageChange().from()).isEqualTo(CellStage.STABLE);
    }

    @Test
    void shouldFindAShortPresentFromTheStartByItsPlateausBelowTheAnchoredLimitBothWays() {
        final HalfSummary plating = Summaries.healthy(Direction.DISCHARGE); // 50 mV at 0.785 mA: 63.7 ohm
        final HalfSummary strip = Summaries.healthy(Direction.CHARGE);

        final BreakdownEvent e = HardShortDetector.anchored(1, plating, strip, EndReason.TIME, CellKind.ASYMMETRIC,
                70, 70, RULES);

        assertThat(e.type()).isEqualTo(BreakdownType.HARD_SHORT);
        assertThat(e.evidence().get("shortResistanceOhm")).isCloseTo(63.7, within(0.1));
        assertThat(HardShortDetector.ohmicInBothHalves(e)).isTrue();
        assertThat(HardShortDetector.anchored(1, plating, strip, EndReason.TIME, CellKind.ASYMMETRIC, 60, 70, RULES))
                .as("the electrolyte still carries the plating").isNull();
        assertThat(HardShortDetector.anchored(1, plating, strip, EndReason.CUTOFF, CellKind.ASYMMETRIC, 70, 70,
                RULES)).as("a strip that reached its cut-off").isNull();
    }
}
