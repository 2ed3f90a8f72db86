package io.cellfloor.sim;

/**
 * What the simulator injected. Breakdown events are what a detector should find; the others are confounders it
 * must not mistake for breakdown.
 */
public enum EventType {
    /** |V| falls abruptly towards 0 V under constant current, for a while; magnitude = depth (0..1). */
    SOFT_SHORT(true),
    /** A leakage path passes charge during stripping (or charge): the CE jumps; magnitude = CE % of that cycle. */
    LEAKAGE(true),
    /** Repeated irregular excursions of V in one half-cycle; magnitude = number of excursions. */
    FLUCTUATION(true),
    /** Ohmic short from this cycle on: V = I x R_short, never reaches cut-off; magnitude = R_short in ohm. */
    HARD_SHORT(true),
    /** First-cycle CE set by interphase formation (low) or alloying (above 100 %); magnitude = CE %. */
    FIRST_CYCLE_CE(false),
    /** The protocol changed the current density from this cycle on; magnitude = factor on the nominal current. */
    CURRENT_CHANGE(false),
    /** The cycler logged nothing for a while; magnitude = gap length in ms. */
    LOGGING_GAP(false);

    private final boolean breakdown;

    EventType(final boolean breakdown) {
        this.breakdown = breakdown;
    }

    /** True for soft-breakdown signatures and hard shorts, false for normal-behaviour confounders. */
    public boolean breakdown() {
        return breakdown;
    }
}
