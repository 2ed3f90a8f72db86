package io.cellfloor.sim.detect;

import io.cellfloor.sim.SimulatorConfig;

/**
 * One labelled channel of the detection-quality suite.
 *
 * @param name    what it is, for the report
 * @param signature the breakdown signature it carries, or the confounder, or "healthy"
 * @param breakdown whether any breakdown is injected (the labels themselves are the simulator's ground truth)
 */
record Scenario(String name, String signature, boolean breakdown, SimulatorConfig config) {
}
