package io.cellfloor.domain;

/**
 * The thresholds of cycle segmentation; one set per deployment, documented in the README.
 *
 * @param deadBandFraction |I| below this fraction of the nominal current counts as rest
 * @param minDeadBandA     the dead band never goes below this (it is the whole dead band when the cell is unknown)
 * @param maxGapMs         consecutive samples further apart than this are a logging gap: flagged, not integrated
 * @param cutoffToleranceV a half-cycle that ends within this of a cut-off ended at the cut-off
 * @param capacityTolerance a half-cycle within this fraction of the nominal capacity ended on capacity
 * @param maxAbsVoltageV   larger |V| is taken for a unit error (mV sent as V) and rejected
 * @param maxCurrentFactor |I| above this multiple of the nominal current is taken for a unit error and rejected
 */
public record CycleRules(
        double deadBandFraction,
        double minDeadBandA,
        long maxGapMs,
        double cutoffToleranceV,
        double capacityTolerance,
        double maxAbsVoltageV,
        double maxCurrentFactor) {

    public static final CycleRules DEFAULTS = new CycleRules(0.05, 5e-6, 300_000, 0.01, 0.02, 20.0, 100.0);

    /** The rest dead band in A for a cell, or the minimum when the cell is unknown. */
    public double deadBandA(final CellSpec cell) {
        return cell == null ? minDeadBandA : Math.max(minDeadBandA, deadBandFraction * Math.abs(cell.nominalCurrentA()));
    }
}
