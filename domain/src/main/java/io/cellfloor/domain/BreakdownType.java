package io.cellfloor.domain;

/** The signatures of soft breakdown cellfloor detects (see SCIENCE.md). */
public enum BreakdownType {
    /** |V| falls abruptly towards 0 under constant current, not explained by a current step. */
    VOLTAGE_DROP,
    /** CE departs abruptly from the channel's recent baseline, or exceeds 100 % with an abnormal strip. */
    CE_JUMP,
    /** Repeated irregular excursions under constant current, far above the channel's noise baseline. */
    VOLTAGE_FLUCTUATION,
    /** Near-zero ohmic voltage that never reaches the cut-off. */
    HARD_SHORT,
    /** Open-circuit voltage pulled towards 0 (or decaying faster than baseline) during a rest. */
    REST_VOLTAGE_COLLAPSE,
    /** The reservoir protocol's average CE (paper eq. 2) came out above 100 %. */
    AVERAGE_CE_ABOVE_100
}
