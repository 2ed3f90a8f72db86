package io.cellfloor.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriftCusumTest {
    private static final double I = 1e-3;
    private static final double STEP = 0.10;
    private final DriftCusum drift = new DriftCusum();
    private int cycle;
    private boolean mayBeShort;

    /** One cycle whose plating, strip and DC resistances are these (ohm) at {@code currentA}. */
    private BreakdownEvent cycle(final double currentA, final double platingOhm, final double strippingOhm,
                                 final double dcrOhm) {
        cycle++;
        return drift.observe(cycle, Summaries.at(Direction.DISCHARGE, currentA, platingOhm * currentA, dcrOhm),
                Summaries.at(Direction.CHARGE, currentA, strippingOhm * currentA, dcrOhm), Double.NaN, mayBeShort, STEP,
                DriftRules.DEFAULTS);
    }

    private BreakdownEvent cycle(final double ohm) {
        return cycle(I, ohm, 0.9 * ohm, ohm);
    }

    @Test
    void shouldFindThePapersImpedanceCollapseOnItsSixthCycleBeforeItHalves() {
        for (int k = 0; k < 4; k++) {
            assertThat(cycle(154)).isNull();
        }
        final double perCycle = Math.log(154.0 / 32.0) / 19; // 154 to 32 ohm over 20 cycles: 8 % a cycle
        final List<Integer> flagged = new ArrayList<>();
        BreakdownEvent first = null;
        for (int n = 0; n < 20; n++) {
            final BreakdownEvent e = cycle(154 * Math.exp(-perCycle * n));
            if (e != null) {
                flagged.add(n);
                first = first == null ? e : first;
            }
        }

        assertThat(flagged.get(0)).isEqualTo(5); // the sixth cycle of the fall
        assertThat(flagged).hasSize(15); // and every cycle after it
        assertThat(first.type()).isEqualTo(BreakdownType.VOLTAGE_DROP);
        assertThat(first.halfCycle()).isNull();
        assertThat(first.evidence().get("resistanceFallFraction")).isCloseTo(0.34, within(0.01));
        assertThat(first.evidence().get("cusumLogOhm")).isGreaterThan(DriftRules.DEFAULTS.thresholdLogOhm());
    }

    @Test
    void shouldFindALeakCarryingAQuarterOfTheCurrentOnItsThirdCycle() {
        for (int k = 0; k < 5; k++) {
            cycle(200);
        }

        assertThat(cycle(150)).isNull();
        assertThat(cycle(150)).isNull();
        final BreakdownEvent third = cycle(150);
        final BreakdownEvent fourth = cycle(150);

        assertThat(third).isNotNull();
        assertThat(fourth.severity()).isGreaterThanOrEqualTo(third.severity()); // growing: irrecoverable by the rule
    }

    @Test
    void shouldCallItAHardShortOnceEveryMeasureIsBelowHalfItsEarlyLevelInACycleThatCanBeShorted() {
        mayBeShort = true;
        for (int k = 0; k < 3; k++) {
            cycle(154);
        }
        final BreakdownEvent first = cycle(100); // 35 % down: a leak, not yet carrying more than the electrolyte
        final BreakdownEvent second = cycle(100);
        final BreakdownEvent third = cycle(70);
        mayBeShort = false;
        final BreakdownEvent reachedCutoff = cycle(70);

        assertThat(first).isNull();
        assertThat(second.type()).isEqualTo(BreakdownType.VOLTAGE_DROP);
        assertThat(third.type()).isEqualTo(BreakdownType.HARD_SHORT);
        assertThat(third.severity()).isEqualTo(1.0);
        assertThat(HardShortDetector.ohmicInBothHalves(third)).isTrue();
        assertThat(reachedCutoff.type()).isEqualTo(BreakdownType.VOLTAGE_DROP);
    }

    @Test
    void shouldNeverFlagAHealthyDriftWithinTheAllowanceHoweverLong() {
        for (int k = 0; k < 3; k++) {
            cycle(200);
        }
        for (int k = 0; k < 200; k++) {
            assertThat(cycle(200 * 0.91)).isNull();
        }

        assertThat(drift.sumLogOhm()).isZero();
    }

    @Test
    void shouldNotFlagOneOddCycleReadingFortyPercentLow() {
        for (int k = 0; k < 5; k++) {
            cycle(200);
        }

        assertThat(cycle(120)).isNull();
        assertThat(cycle(200)).isNull();
        assertThat(drift.sumLogOhm()).isCloseTo(Math.log(1 / 0.6) - 2 * 0.105, within(1e-9));
    }

    @Test
    void shouldNotBuildTheSumOnAPlatingPlateauThatFallsAlone() {
        for (int k = 0; k < 3; k++) {
            cycle(I, 440, 450, 440);
        }
        for (int k = 0; k < 20; k++) {
            assertThat(cycle(I, 300, 450, 440)).isNull(); // an alloy plateau above 0 V read as the plating plateau
        }

        assertThat(drift.sumLogOhm()).isZero();
    }

    @Test
    void shouldStartAfreshAtAChangeOfCurrent() {
        for (int k = 0; k < 5; k++) {
            cycle(I, 570, 520, 530);
        }
        for (int k = 0; k < 3; k++) {
            assertThat(cycle(2 * I, 400, 370, 370)).isNull(); // 30 % lower at twice the current: not linear, not a leak
        }
        assertThat(drift.sumLogOhm()).isZero();

        assertThat(cycle(2 * I, 250, 230, 230)).isNull();
        assertThat(cycle(2 * I, 250, 230, 230)).isNotNull(); // a 38 % fall at the new level, on its second cycle
    }

    @Test
    void shouldJudgeOnTheMeasureThatFellLeast() {
        for (int k = 0; k < 3; k++) {
            cycle(I, 200, 180, 190);
        }
        for (int k = 0; k < 10; k++) {
            cycle(I, 100, 90, Double.NaN); // no DC resistance logged: both plateaus halved still judge
        }
        assertThat(drift.sumLogOhm()).isEqualTo(DriftRules.DEFAULTS.maxSumLogOhm());

        final BreakdownEvent stillLow = cycle(I, 100, 180, Double.NaN);

        assertThat(stillLow).isNull(); // the strip is back at its level: not one path in parallel
    }

    @Test
    void shouldKeepItsSumsThroughTheStateCodec() {
        for (int k = 0; k < 3; k++) {
            cycle(200);
        }
        cycle(150);
        final ByteBuffer b = ByteBuffer.allocate(256);
        drift.fields(StateFields.writer(b, StateCodec.CYCLE_STATE_VERSION));
        b.flip();
        final DriftCusum restored = new DriftCusum();
        restored.fields(StateFields.reader(b, StateCodec.CYCLE_STATE_VERSION));

        assertThat(restored.sumLogOhm()).isEqualTo(drift.sumLogOhm()).isGreaterThan(0);
        assertThat(restored.observe(5, Summaries.at(Direction.DISCHARGE, I, 0.150, 150),
                Summaries.at(Direction.CHARGE, I, 0.135, 150), Double.NaN, false, STEP, DriftRules.DEFAULTS))
                .isEqualTo(cycleAt(5, 150));
    }

    private BreakdownEvent cycleAt(final int number, final double ohm) {
        cycle = number - 1;
        return cycle(ohm);
    }
}
