package io.cellfloor.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CeJumpDetectorTest {
    private static final CeRules RULES = CeRules.DEFAULTS;

    private static CeHistory history(final int firstCycle, final double... ce) {
        final CeHistory h = new CeHistory();
        for (int k = 0; k < ce.length; k++) {
            h.add(firstCycle + k, ce[k], RULES.historyCycles());
        }
        return h;
    }

    private static BreakdownEvent judge(final int cycle, final double ce, final CellKind kind, final CeHistory h) {
        return CeJumpDetector.judge(cycle, 0, 1, ce, kind, false, EndReason.CUTOFF, h, RULES);
    }

    @Test
    void shouldFlagThePapersJumpFrom56To64PercentAtCycleSix() {
        final BreakdownEvent e = judge(6, 64.6, CellKind.ASYMMETRIC, history(2, 62.0, 59.9, 57.8, 56.3));

        assertThat(e.type()).isEqualTo(BreakdownType.CE_JUMP);
        assertThat(e.evidence().get("cePercent")).isEqualTo(64.6);
        assertThat(e.evidence().get("deviationPoints")).isGreaterThan(8.0);
    }

    @Test
    void shouldFollowTheSteadyFallOfTheFirstCyclesWithoutFlagging() {
        assertThat(judge(6, 54.2, CellKind.ASYMMETRIC, history(2, 62.0, 59.9, 57.8, 56.3))).isNull();
    }

    @Test
    void shouldFollowTheExponentialSettlingOfABareCopperCollector() {
        final CeHistory h = history(2, 47.2, 37.2, 29.4, 23.3, 18.6);

        assertThat(judge(7, 14.9, CellKind.ASYMMETRIC, h)).isNull();
        assertThat(judge(7, 16.5, CellKind.ASYMMETRIC, h)).isNull();
    }

    @Test
    void shouldFlagAnAbruptDropBelowTheBaselineToo() {
        assertThat(judge(8, 60.0, CellKind.ASYMMETRIC, history(2, 72.1, 71.8, 72.4, 71.5, 72.0, 71.9))).isNotNull();
    }

    @Test
    void shouldFlagAnyCeAbove105PercentOfALithiumCellWhateverItsHistory() {
        final BreakdownEvent e = CeJumpDetector.judge(15, 0, 1, 142.9, CellKind.ASYMMETRIC, false, EndReason.CUTOFF,
                new CeHistory(), RULES);

        assertThat(e.evidence().get("cePercent")).isEqualTo(142.9);
        assertThat(e.evidence().get("strippingReachedCutoff")).isEqualTo(1.0);
    }

    @Test
    void shouldFlagCeAbove100WhenTheStripDidNotEndAtTheCutoff() {
        assertThat(CeJumpDetector.judge(3, 0, 1, 102.0, CellKind.ASYMMETRIC, false, EndReason.TIME, new CeHistory(),
                RULES)).isNotNull();
    }

    @Test
    void shouldNotFlagAFirstCycleAboveOneHundredWithANormalEndOfStripRise() {
        assertThat(CeJumpDetector.judge(1, 0, 1, 100.76, CellKind.ASYMMETRIC, true, EndReason.CUTOFF,
                new CeHistory(), RULES)).isNull();
    }

    @Test
    void shouldNotFlagAFirstCycleFarBelowOneHundred() {
        assertThat(CeJumpDetector.judge(1, 0, 1, 1.39, CellKind.ASYMMETRIC, true, EndReason.CUTOFF, new CeHistory(),
                RULES)).isNull();
    }

    @Test
    void shouldNeverFlagASymmetricCell() {
        assertThat(CeJumpDetector.judge(9, 0, 1, 130.0, CellKind.SYMMETRIC, false, EndReason.TIME,
                history(2, 100, 100, 100, 100), RULES)).isNull();
    }

    @Test
    void shouldNotJudgeWithTooFewHealthyCycles() {
        assertThat(judge(4, 80.0, CellKind.ASYMMETRIC, history(2, 60.0, 59.0))).isNull();
    }

    @Test
    void shouldFlagAFullCellLosingTwoPointsOfCe() {
        final BreakdownEvent e = judge(8, 97.6, CellKind.FULL, history(2, 99.61, 99.66, 99.70, 99.72, 99.74, 99.75));

        assertThat(e.evidence().get("deviationPoints")).isCloseTo(-2.15, within(0.1));
    }

    @Test
    void shouldNotFlagAFullCellsOrdinaryScatter() {
        assertThat(judge(8, 99.70, CellKind.FULL, history(2, 99.61, 99.66, 99.70, 99.72, 99.74, 99.75))).isNull();
    }

    @Test
    void shouldLearnTheScatterOfANoisyChannelAndWidenItsThreshold() {
        final CeHistory noisy = history(2, 50.0, 54.0, 47.0, 53.0, 46.5, 52.5, 47.5, 53.5);

        assertThat(judge(10, 58.5, CellKind.ASYMMETRIC, noisy)).isNull();
        assertThat(judge(10, 58.5, CellKind.ASYMMETRIC, history(2, 50.0, 50.3, 49.8, 50.1, 49.9, 50.2, 50.0, 49.9)))
                .isNotNull();
    }

    @Test
    void shouldJudgeTheCycleAtANewCurrentAgainstTheOldBaselineWithTheStepsAllowance() {
        final CeHistory h = history(2, 60.1, 59.8, 60.3, 59.9, 60.0);

        // a few points from a change of current density alone: not a jump at the step, a jump without one
        assertThat(CeJumpDetector.judge(7, 0, 1, 68.0, CellKind.ASYMMETRIC, false, EndReason.CUTOFF, h, RULES, true))
                .isNull();
        assertThat(judge(7, 68.0, CellKind.ASYMMETRIC, h)).isNotNull();
        // a leak opening with the step moves CE by tens of points
        final BreakdownEvent e = CeJumpDetector.judge(7, 0, 1, 88.0, CellKind.ASYMMETRIC, false, EndReason.CUTOFF,
                h, RULES, true);
        assertThat(e.evidence().get("currentStep")).isEqualTo(1.0);
        assertThat(e.evidence().get("deviationPoints")).isCloseTo(28.0, within(0.5));
    }
}
