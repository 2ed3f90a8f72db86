package io.cellfloor.sim;

/** The noise-free terminal voltage of one step as a function of time since the step started. */
interface VoltageProfile {

    double voltage(long tMs);
}
