package io.cellfloor.bench.suite;

/**
 * What the injected physics does in a cycle, in the paper's story of dendrite growth (Fig. 3d): nothing yet;
 * an isolated contact that the electrolyte consumes again; interconnected dendrites that leak in every cycle,
 * worse each time; or a permanent ohmic path. The stage labels are derived from this, never from a detector.
 */
enum Phase {
    NORMAL,
    ISOLATED,
    PERSISTENT,
    HARD
}
