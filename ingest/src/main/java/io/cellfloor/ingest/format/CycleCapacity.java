package io.cellfloor.ingest.format;

/**
 * Turns an instrument's capacity counters into the package convention: charge and discharge since the start of
 * the current cycle (see the package doc). Three counter styles exist in the wild:
 *
 * <ul>
 *   <li>{@link #perCycle}: already since the cycle start (Arbin, BioLogic): passed through.</li>
 *   <li>{@link #perStep}: reset at every step (Neware, Maccor): the finished steps of the cycle are summed.</li>
 *   <li>{@link #perTest}: running totals over the whole test (NREL throughput columns): the totals at the end of
 *       the previous cycle are subtracted.</li>
 * </ul>
 *
 * A new cycle is a change of the cycle index; a new step (for per-step counters) is whatever the reader says it
 * is, typically a change of step index or a step time running backwards.
 */
final class CycleCapacity {
    private enum Style { CYCLE, STEP, TEST }

    private final Style style;
    private long cycle = Long.MIN_VALUE;
    private double chargeBase;
    private double dischargeBase;
    private double lastCharge;
    private double lastDischarge;
    private double charge = Double.NaN;
    private double discharge = Double.NaN;

    private CycleCapacity(final Style style) {
        this.style = style;
    }

    static CycleCapacity perCycle() {
        return new CycleCapacity(Style.CYCLE);
    }

    static CycleCapacity perStep() {
        return new CycleCapacity(Style.STEP);
    }

    static CycleCapacity perTest() {
        return new CycleCapacity(Style.TEST);
    }

    /**
     * Takes one row's counters (NaN where the row has none) and computes {@link #charge()} and {@link #discharge()}.
     *
     * @param newStep for per-step counters: this row starts a new step
     */
    void update(final long cycleIndex, final boolean newStep, final double chargeAh, final double dischargeAh) {
        final boolean newCycle = cycleIndex != cycle;
        cycle = cycleIndex;
        switch (style) {
            case CYCLE -> {
                charge = chargeAh;
                discharge = dischargeAh;
                return;
            }
            case STEP -> {
                if (newCycle) {
                    chargeBase = 0;
                    dischargeBase = 0;
                } else if (newStep) {
                    chargeBase += lastCharge;
                    dischargeBase += lastDischarge;
                }
                if (newCycle || newStep) {
                    lastCharge = 0;
                    lastDischarge = 0;
                }
            }
            case TEST -> {
                // the first cycle counts from 0: a file cut from a longer test shows the test's totals there
                if (newCycle) {
                    chargeBase = lastCharge;
                    dischargeBase = lastDischarge;
                }
            }
        }
        // a row without counters keeps the previous ones: that is what the instrument's counters still say
        lastCharge = Double.isNaN(chargeAh) ? lastCharge : chargeAh;
        lastDischarge = Double.isNaN(dischargeAh) ? lastDischarge : dischargeAh;
        final double sign = style == Style.TEST ? -1 : 1;
        charge = Double.isNaN(chargeAh) ? Double.NaN : sign * chargeBase + chargeAh;
        discharge = Double.isNaN(dischargeAh) ? Double.NaN : sign * dischargeBase + dischargeAh;
    }

    double charge() {
        return charge;
    }

    double discharge() {
        return discharge;
    }
}
