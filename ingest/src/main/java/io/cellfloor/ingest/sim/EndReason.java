package io.cellfloor.ingest.sim;

/** Why a simulated half-cycle stopped; consumers report the same for real data, so the truth says it too. */
public enum EndReason {
    /** The voltage reached the step's cut-off (end of stripping, full-cell charge or discharge). */
    VOLTAGE_CUTOFF,
    /** A time limit: plating and symmetric halves by design, a strip that never reached its cut-off by safety limit. */
    TIME,
    /** A capacity limit (reserved for capacity-limited protocols; the built-in cycles do not use it yet). */
    CAPACITY
}
