package io.cellfloor.domain;

/** How a half-cycle ended. */
public enum EndReason {
    /** The voltage reached the cell's cut-off (the normal end of a stripping half-cycle). */
    CUTOFF,
    /** The nominal capacity was passed. */
    CAPACITY,
    /** The step ended on time (or for a reason the data does not show). */
    TIME,
    /** The data ended, or the cycle was cut short, before the half-cycle ended. */
    INCOMPLETE
}
