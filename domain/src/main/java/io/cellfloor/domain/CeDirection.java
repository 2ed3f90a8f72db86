package io.cellfloor.domain;

/**
 * Which half-cycle is the numerator of the Coulombic efficiency. Current is positive while charging
 * (for a Li/CC cell: stripping Li off the collector) and negative while discharging (plating).
 */
public enum CeDirection {
    /** Li is deposited first: a cycle is discharge (plating) then charge (stripping); CE = charge / discharge. */
    CHARGE_OVER_DISCHARGE,
    /** Full cells: a cycle is charge then discharge; CE = discharge / charge. */
    DISCHARGE_OVER_CHARGE;

    /** The direction of a cycle's first half-cycle. */
    public Direction first() {
        return this == CHARGE_OVER_DISCHARGE ? Direction.DISCHARGE : Direction.CHARGE;
    }

    /** The direction whose half-cycle starts a cycle of this kind. */
    public static CeDirection startingWith(final Direction first) {
        return first == Direction.DISCHARGE ? CHARGE_OVER_DISCHARGE : DISCHARGE_OVER_CHARGE;
    }
}
