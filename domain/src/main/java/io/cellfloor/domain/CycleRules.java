package io.cellfloor.domain;

/**
 * The thresholds of cycle segmentation; one set per deployment, documented in the README.
 *
 * @param deadBandFraction |I| below this fraction of the nominal current counts as rest
 * @param minDeadBandA     the dead band never goes below this (it is the whole dead band when the cell is unknown)
 * @param maxGapMs         consecutive samples further apart than this are a logging gap: flagged, and integrated
 *                         across only where the step and its current are the same on both sides
 * @param cutoffToleranceV a half-cycle that ends within this of a cut-off ended at the cut-off
 * @param capacityTolerance a half-cycle within this fraction of the nominal capacity ended on capacity
 * @param maxAbsVoltageV   larger |V| is taken for a unit error (mV sent as V) and rejected
 * @param maxCurrentFactor |I| above this multiple of the nominal current is taken for a unit error and rejected
 * @param boundaries       where cycles are cut (see {@link CycleBoundaries}); AUTO by default
 * @param instrumentTolerance a coulomb count further than this fraction from the instrument's count flags the cycle
 *                         ({@link Cycle#capacityMismatch()}); 1 %: a healthy log at a few seconds agrees to 0.1-0.5 %
 * @param gapCurrentTolerance a gap is integrated across when the current on both sides agrees within this fraction:
 *                         a cycler logging on voltage change writes nothing for an hour of a flat CC plateau, and
 *                         the trapezoid across it is then exact
 */
public record CycleRules(
        double deadBandFraction,
        double minDeadBandA,
        long maxGapMs,
        double cutoffToleranceV,
        double capacityTolerance,
        double maxAbsVoltageV,
        double maxCurrentFactor,
        CycleBoundaries boundaries,
        double instrumentTolerance,
        double gapCurrentTolerance) {

    public static final CycleRules DEFAULTS = new CycleRules(0.05, 5e-6, 300_000, 0.01, 0.02, 20.0, 100.0,
            CycleBoundaries.AUTO, 0.01, 0.03);

    /** The segmentation thresholds with the default boundaries and instrument checks. */
    public CycleRules(final double deadBandFraction, final double minDeadBandA, final long maxGapMs,
                      final double cutoffToleranceV, final double capacityTolerance, final double maxAbsVoltageV,
                      final double maxCurrentFactor) {
        this(deadBandFraction, minDeadBandA, maxGapMs, cutoffToleranceV, capacityTolerance, maxAbsVoltageV,
                maxCurrentFactor, CycleBoundaries.AUTO, 0.01, 0.03);
    }

    public CycleRules withBoundaries(final CycleBoundaries b) {
        return new CycleRules(deadBandFraction, minDeadBandA, maxGapMs, cutoffToleranceV, capacityTolerance,
                maxAbsVoltageV, maxCurrentFactor, b, instrumentTolerance, gapCurrentTolerance);
    }

    /** The rest dead band in A for a cell, or the minimum when the cell is unknown. */
    public double deadBandA(final CellSpec cell) {
        return cell == null ? minDeadBandA : Math.max(minDeadBandA, deadBandFraction * Math.abs(cell.nominalCurrentA()));
    }
}
