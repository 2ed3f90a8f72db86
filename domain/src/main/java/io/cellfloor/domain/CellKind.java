package io.cellfloor.domain;

/** The kinds of cell a test floor runs; they differ in what a cycle and its CE mean. */
public enum CellKind {
    /** Li / solid electrolyte / current collector: plating then stripping; the soft-breakdown detector. */
    ASYMMETRIC,
    /** Li / solid electrolyte / Li: CE is ~100 % by construction, only voltage signatures tell. */
    SYMMETRIC,
    /** Cathode / anode: charge then discharge. */
    FULL
}
