package io.cellfloor.domain;

/** The stages of a cell on its way to failure (paper Fig. 3d). A cell only ever moves forward. */
public enum CellStage {
    /** No soft breakdown seen yet. */
    STABLE,
    /** Soft breakdowns occur, but the cycles after them return to normal. */
    RECOVERABLE,
    /** Breakdowns in most recent cycles: erratic CE and voltage. */
    IRRECOVERABLE,
    /** A permanent short: near-zero, ohmic voltage that never reaches the cut-off. */
    HARD_SHORT
}
