/**
 * A physically shaped cycler simulator that records its own ground truth.
 *
 * <p>Why it exists: the demo needs a floor of channels whose cycles appear in seconds, the end-to-end tests need
 * exact capacities to compare cycle summaries against, the throughput benchmarks need millions of cheap samples, and
 * the detection-quality benchmark needs labelled breakdowns. One simulator serves all four because every number it
 * emits is derived from a plan it keeps: set current x step duration is the capacity, the injected events are the
 * labels.
 *
 * <p>Entry points: {@link io.cellfloor.sim.CellSimulator} (one channel, configured by a
 * {@link io.cellfloor.sim.SimulatorConfig}) and {@link io.cellfloor.sim.SimulatedFloor} (a
 * floor of channels from a {@link io.cellfloor.sim.FloorPlan}, paced by a
 * {@link io.cellfloor.sim.Pacing}). Ground truth comes back as {@link io.cellfloor.sim.TruthCycle} and
 * {@link io.cellfloor.sim.InjectedEvent} records. The module depends on the domain alone; {@code ingest} wraps a
 * floor as a station agent's sample source ({@code io.cellfloor.ingest.SimulatedSource}).
 */
package io.cellfloor.sim;
