package io.cellfloor.domain;

/**
 * Turns the instrument's capacity counters of successive samples into increments, by the convention on
 * {@link Sample}: the counters restart from 0 when the cycle index changes, and a decrease within a cycle is a
 * restart from 0 too (a counter kept per step). After {@link #take} the increments since the previous sample are in
 * {@link #chargeIncrementAh()} and {@link #dischargeIncrementAh()}; no allocation per sample.
 */
final class InstrumentCounters {
    private int cycleIndex = Integer.MIN_VALUE;
    private double lastChargeAh;
    private double lastDischargeAh;
    private boolean seen;
    private double chargeIncrementAh;
    private double dischargeIncrementAh;

    /** Forgets everything: a new test begins. */
    void clear() {
        cycleIndex = Integer.MIN_VALUE;
        lastChargeAh = 0;
        lastDischargeAh = 0;
        seen = false;
        chargeIncrementAh = 0;
        dischargeIncrementAh = 0;
    }

    /** Takes one sample's counters (NaN when it has none: nothing is counted). */
    void take(final int cycle, final double chargeAh, final double dischargeAh) {
        if (cycle != cycleIndex) {
            cycleIndex = cycle;
            lastChargeAh = 0;
            lastDischargeAh = 0;
        }
        chargeIncrementAh = 0;
        dischargeIncrementAh = 0;
        if (Double.isFinite(chargeAh)) {
            seen = true;
            chargeIncrementAh = chargeAh >= lastChargeAh ? chargeAh - lastChargeAh : chargeAh;
            lastChargeAh = chargeAh;
        }
        if (Double.isFinite(dischargeAh)) {
            seen = true;
            dischargeIncrementAh = dischargeAh >= lastDischargeAh ? dischargeAh - lastDischargeAh : dischargeAh;
            lastDischargeAh = dischargeAh;
        }
    }

    /** Whether any sample of the test carried counters: only then is there an instrument capacity. */
    boolean seen() {
        return seen;
    }

    double chargeIncrementAh() {
        return chargeIncrementAh;
    }

    double dischargeIncrementAh() {
        return dischargeIncrementAh;
    }

    double incrementAh(final Direction direction) {
        return direction == Direction.CHARGE ? chargeIncrementAh
                : direction == Direction.DISCHARGE ? dischargeIncrementAh : 0;
    }

    /** Cycle-state version 3 on (see {@link StateCodec}); the increments are per sample and not kept. */
    void fields(final StateFields f) {
        cycleIndex = f.i32(cycleIndex);
        lastChargeAh = f.f64(lastChargeAh);
        lastDischargeAh = f.f64(lastDischargeAh);
        seen = f.flag(seen);
    }
}
