package io.cellfloor.domain;

/**
 * What kind of cycle the cycler ran, read from its shape: a CE compares a charge with the discharge that undoes it,
 * which only holds for cycles that are one charge and one discharge, however many steps each took. A pulse test
 * (HPPC, a resistance check) passes a little charge back and forth; its CE would be noise, so it has none.
 */
public enum CycleProtocol {
    /** One run of each direction (a run may hold a CC and a CV step): an ordinary charge/discharge cycle. */
    SIMPLE,
    /**
     * Each direction once, but in several runs or at several rates: formation, a discharge continued at a lower
     * rate after a rest, GITT. The CE of the summed halves still means what it says.
     */
    MULTI_STEP,
    /** The direction alternates three times or more within the cycle: pulses (HPPC, DCIR). No CE. */
    PULSE,
    /**
     * No run of current at all: a rest, open-circuit or impedance (EIS) cycle. Reported so that cycles are counted
     * and numbered as the cycler's own table has them; it has no half-cycle, no capacity and no CE.
     */
    NO_CURRENT
}
