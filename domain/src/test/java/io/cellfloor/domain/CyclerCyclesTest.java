package io.cellfloor.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cycles cut at the cycler's cycle index: a cycle is one index, a half-cycle every step of one direction in it,
 * capacities from the instrument's counters where the samples carry them.
 */
class CyclerCyclesTest {
    private static final long MIN = 60_000;

    /** Builds a log minute by minute, with the cycler's step, cycle and counters (counters kept per step). */
    private static final class Log {
        final List<Object[]> rows = new ArrayList<>();
        long t;
        int step;
        double stepCharge;
        double stepDischarge;

        /** {@code minutes} of constant current at cycle {@code cycle}, one point a minute, counters per step. */
        Log run(final int cycle, final double currentA, final int minutes) {
            step++;
            stepCharge = 0;
            stepDischarge = 0;
            for (int k = 0; k < minutes; k++) {
                t += MIN;
                if (k > 0) {
                    if (currentA > 0) {
                        stepCharge += currentA * MIN / 3_600_000.0;
                    } else {
                        stepDischarge -= currentA * MIN / 3_600_000.0;
                    }
                }
                rows.add(new Object[] {t, currentA, currentA >= 0 ? 3.8 : 3.5, step, cycle, stepCharge,
                        stepDischarge});
            }
            return this;
        }

        List<Cycle> feed(final CycleRules rules, final boolean counters) {
            final List<Cycle> out = new ArrayList<>();
            final CycleAssembler a = new CycleAssembler(rules, null, new CycleState(), out::add);
            for (final Object[] r : rows) {
                a.accept((long) r[0], (double) r[1], (double) r[2], (int) r[3], (int) r[4], null,
                        counters ? (double) r[5] : Double.NaN, counters ? (double) r[6] : Double.NaN);
            }
            a.finish();
            return out;
        }
    }

    /** Cycle n: discharge 1 mA 60 min, rest 30, discharge 0.5 mA 60 min, rest 30, charge 1 mA 90 min, rest 10. */
    private static Log formation(final int... cycles) {
        final Log log = new Log();
        for (final int c : cycles) {
            log.run(c, -1e-3, 60).run(c, 0, 30).run(c, -0.5e-3, 60).run(c, 0, 30).run(c, 1e-3, 90).run(c, 0, 10);
        }
        return log;
    }

    @Test
    void shouldMakeOneCycleOfEachCyclerIndexNumberedAsTheCyclerNumbersIt() {
        final List<Cycle> cycles = formation(7, 8).feed(CycleRules.DEFAULTS, false);

        assertThat(cycles).extracting(Cycle::cycleNumber).containsExactly(7, 8);
        final Cycle first = cycles.get(0);
        assertThat(first.boundaries()).isEqualTo(CycleBoundaries.CYCLER);
        assertThat(first.discharge().steps()).isEqualTo(2);
        assertThat(first.discharge().restMs()).isEqualTo(31 * MIN);   // the rest step and the interval into it
        assertThat(first.protocol()).isEqualTo(CycleProtocol.MULTI_STEP);
        // 59 + 59 logged intervals of discharge, 89 of charge: the coulomb count of the log
        assertThat(first.discharge().capacityAh()).isCloseTo(59e-3 / 60 + 59 * 0.5e-3 / 60, within(1e-9));
        assertThat(first.charge().capacityAh()).isCloseTo(89e-3 / 60, within(1e-9));
        assertThat(first.cePercent()).isCloseTo(100.0 * 89 / (59 + 29.5), within(1e-6));
        assertThat(first.complete()).isTrue();
    }

    @Test
    void shouldCountTheInstrumentsCapacityAndCompareItWithTheCoulombCount() {
        final Log log = formation(1);
        // the instrument counted 2 % more charge than the log shows (say it integrated a spike the log missed)
        final Object[] last = log.rows.stream().filter(r -> (double) r[1] > 0).reduce((a, b) -> b).orElseThrow();
        last[5] = (double) last[5] * 1.02;

        final Cycle c = log.feed(CycleRules.DEFAULTS, true).get(0);

        assertThat(c.charge().instrumentAh()).isCloseTo(89e-3 / 60 * 1.02, within(1e-9));
        assertThat(c.charge().capacityAh()).isEqualTo(c.charge().instrumentAh());
        assertThat(c.charge().coulombAh()).isCloseTo(89e-3 / 60, within(1e-9));
        assertThat(c.charge().instrumentDifference()).isCloseTo(1 / 1.02 - 1, within(1e-9));
        assertThat(c.discharge().instrumentDifference()).isCloseTo(0, within(1e-9));
        assertThat(c.capacityMismatch()).isTrue();
        assertThat(c.cePercent()).isCloseTo(100.0 * 89 * 1.02 / (59 + 29.5), within(1e-6));
    }

    @Test
    void shouldGivePulseCyclesNoCe() {
        final Log log = new Log();
        log.run(3, -2e-3, 10);
        for (int k = 0; k < 4; k++) {
            log.run(3, 0, 5).run(3, 4e-3, 2).run(3, 0, 5).run(3, -4e-3, 2);
        }
        final Cycle c = log.feed(CycleRules.DEFAULTS, true).get(0);

        assertThat(c.protocol()).isEqualTo(CycleProtocol.PULSE);
        assertThat(c.cePercent()).isNaN();
        assertThat(c.charge().steps()).isEqualTo(4);
    }

    @Test
    void shouldIntegrateAcrossALoggingGapWhereTheStepAndItsCurrentWentOn() {
        final Log log = formation(1);
        // a cycler logging on voltage change: nothing for the middle 40 minutes of the first discharge
        log.rows.removeIf(r -> (int) r[3] == 1 && (long) r[0] > 10 * MIN && (long) r[0] < 50 * MIN);

        final Cycle c = log.feed(CycleRules.DEFAULTS, false).get(0);

        assertThat(c.discharge().gapCount()).isEqualTo(1);
        assertThat(c.discharge().coulombAh()).isCloseTo(59e-3 / 60 + 59 * 0.5e-3 / 60, within(1e-9));
    }

    @Test
    void shouldNotIntegrateAcrossAGapIntoAnotherStep() {
        final Log log = formation(1);
        // the log loses the end of the first discharge, the rest and the start of the second
        log.rows.removeIf(r -> (long) r[0] > 50 * MIN && (long) r[0] < 100 * MIN);

        final Cycle c = log.feed(CycleRules.DEFAULTS, false).get(0);

        assertThat(c.discharge().gapCount()).isEqualTo(1);
        // minutes 1-50 of the first step and 100-150 of the second are counted, the 50 minutes between are not
        assertThat(c.discharge().coulombAh()).isCloseTo(49e-3 / 60 + 50 * 0.5e-3 / 60, within(1e-9));
    }

    @Test
    void shouldCutByDirectionWhenToldToEvenWithAnIndex() {
        final List<Cycle> cycles = formation(1, 2).feed(CycleRules.DEFAULTS.withBoundaries(CycleBoundaries.DIRECTION),
                true);

        // discharge, discharge + charge per cycler cycle: the old way, one cycler cycle in two
        assertThat(cycles).hasSize(4);
        assertThat(cycles).extracting(Cycle::boundaries).containsOnly(CycleBoundaries.DIRECTION);
        assertThat(cycles.get(1).discharge().instrumentAh()).isCloseTo(59 * 0.5e-3 / 60, within(1e-9));
    }

    @Test
    void shouldRejectASampleWithoutIndexWhenCyclerCutsAreRequired() {
        final CycleAssembler a = new CycleAssembler(CycleRules.DEFAULTS.withBoundaries(CycleBoundaries.CYCLER), null,
                new CycleState(), c -> { });

        assertThat(a.check(0, 1e-3, 3.7, Sample.NO_INDEX)).contains("cycle-boundaries=cycler");
        assertThat(a.check(0, 1e-3, 3.7, 1)).isNull();
    }

    @Test
    void shouldGiveTheSameCyclesFromAStateStoredMidCycle() {
        final Log log = formation(1, 2, 3);
        final List<Cycle> straight = log.feed(CycleRules.DEFAULTS, true);
        final List<Cycle> stored = new ArrayList<>();
        CycleState state = new CycleState();
        int k = 0;
        for (final Object[] r : log.rows) {
            final CycleAssembler a = new CycleAssembler(CycleRules.DEFAULTS, null, state, stored::add);
            a.accept((long) r[0], (double) r[1], (double) r[2], (int) r[3], (int) r[4], null, (double) r[5],
                    (double) r[6]);
            if (k++ % 37 == 0) {
                state = StateCodec.decodeCycleState(StateCodec.encode(state));
            }
        }
        new CycleAssembler(CycleRules.DEFAULTS, null, state, stored::add).finish();

        assertThat(stored).hasSize(3).isEqualTo(straight);
    }

    @Test
    void shouldReportACyclerCycleWithoutCurrentWithItsSpanAndNoCe() {
        final Log log = formation(1);
        final long eisStart = log.t + MIN;
        log.run(2, 0, 45); // an impedance cycle: the cycler logs at open circuit, no current
        log.rows.addAll(formation(3).rows.stream().map(r -> new Object[] {(long) r[0] + log.t, r[1], r[2], r[3],
                r[4], r[5], r[6]}).toList());

        final List<Cycle> straight = log.feed(CycleRules.DEFAULTS, true);

        assertThat(straight).extracting(Cycle::cycleNumber).containsExactly(1, 2, 3);
        final Cycle eis = straight.get(1);
        assertThat(eis.protocol()).isEqualTo(CycleProtocol.NO_CURRENT);
        assertThat(eis.charge()).isNull();
        assertThat(eis.discharge()).isNull();
        assertThat(eis.cePercent()).isNaN();
        assertThat(eis.complete()).isFalse();
        assertThat(eis.events()).isEmpty();
        assertThat(eis.features().notApplicable()).contains("no current in this cycle");
        assertThat(eis.startMs()).isEqualTo(eisStart);
        assertThat(eis.endMs()).isEqualTo(eisStart + 44 * MIN);
        // the cycles around it as without it
        assertThat(straight.get(2).cePercent()).isCloseTo(straight.get(0).cePercent(), within(1e-9));
        assertThat(straight.get(2).protocol()).isEqualTo(CycleProtocol.MULTI_STEP);

        // stored and restored in the middle of the impedance cycle: the same span
        final List<Cycle> stored = new ArrayList<>();
        CycleState state = new CycleState();
        for (final Object[] r : log.rows) {
            new CycleAssembler(CycleRules.DEFAULTS, null, state, stored::add).accept((long) r[0], (double) r[1],
                    (double) r[2], (int) r[3], (int) r[4], null, (double) r[5], (double) r[6]);
            state = StateCodec.decodeCycleState(StateCodec.encode(state));
        }
        new CycleAssembler(CycleRules.DEFAULTS, null, state, stored::add).finish();
        assertThat(stored).isEqualTo(straight);
    }
}
