package io.cellfloor.sim;

import java.util.List;

/**
 * One cycle as planned: its steps in order, its ground truth, the events injected in it, and the absolute
 * [from, to] windows in which the cycler logs nothing.
 */
record CyclePlan(List<SimStep> steps, TruthCycle truth, List<InjectedEvent> events, List<long[]> gaps) {
}
