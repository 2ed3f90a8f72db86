package io.cellfloor.ingest.format;

/**
 * Turns an instrument's capacity counters into the package convention: charge and discharge since the start of
 * the current cycle (see the package doc). Four counter styles exist in the wild:
 *
 * <ul>
 *   <li>{@link #perCycle}: already since the cycle start (Arbin, BioLogic): passed through.</li>
 *   <li>{@link #perStep}: reset at every step (Neware, Maccor): the finished steps of the cycle are summed.</li>
 *   <li>{@link #perDrop}: restart from 0 at points the file does not mark (BioLogic's half-cycles): a drop of a
 *       counter is its own restart, each counter on its own, and the cycle's restarted runs are summed.</li>
 *   <li>{@link #perTest}: running totals over the whole test (NREL throughput columns): the totals at the end of
 *       the previous cycle are subtracted.</li>
 * </ul>
 *
 * A new cycle is a change of the cycle index; a new step (for per-step counters) is whatever the reader says it
 * is, typically a change of step index or a step time running backwards.
 */
final class CycleCapacity {
    private enum Style { CYCLE, STEP, DROP, TEST }

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

    static CycleCapacity perDrop() {
        return new CycleCapacity(Style.DROP);
    }

    static CycleCapacity perTest() {
        return new CycleCapacity(Style.TEST);
    }

    /**
     * Takes one row's counters (NaN where the row has none) and computes {@link #charge()} and {@link #discharge()}.
     *
     * @param newStep for per-step counters: this row starts a new step (ignored by the other styles)
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
            case DROP -> {
                // each counter alone: the other one may hold its last value through the first one's restart
                chargeBase = newCycle ? 0 : chargeAh < lastCharge ? chargeBase + lastCharge : chargeBase;
                dischargeBase = newCycle ? 0 : dischargeAh < lastDischarge ? dischargeBase + lastDischarge
                        : dischargeBase;
                if (newCycle) {
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
        if (style == Style.TEST) {
            // a difference of running totals jitters by rounding (1e-17 Ah): a counter never runs back
            charge = Double.isNaN(chargeAh) ? Double.NaN : atLeast(newCycle ? 0 : charge, chargeAh - chargeBase);
            discharge = Double.isNaN(dischargeAh) ? Double.NaN
                    : atLeast(newCycle ? 0 : discharge, dischargeAh - dischargeBase);
            return;
        }
        charge = Double.isNaN(chargeAh) ? Double.NaN : chargeBase + chargeAh;
        discharge = Double.isNaN(dischargeAh) ? Double.NaN : dischargeBase + dischargeAh;
    }

    private static double atLeast(final double floor, final double v) {
        return Double.isNaN(floor) ? Math.max(0, v) : Math.max(floor, v);
    }

    double charge() {
        return charge;
    }

    double discharge() {
        return discharge;
    }
}
