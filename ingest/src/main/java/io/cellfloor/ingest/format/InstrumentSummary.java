package io.cellfloor.ingest.format;

import io.cellfloor.domain.Direction;

/**
 * A total the instrument itself wrote between the data rows: the Neware "regular export" interleaves a row per
 * cycle and per step with the records. Passed on, not dropped, so a consumer can cross-check its own coulomb
 * count against the instrument's and so every line of the file is accounted for.
 *
 * @param level whether this is a cycle's or a step's total
 * @param stepIndex the program step (the instrument's "Step Index"), or {@link io.cellfloor.domain.Sample#NO_INDEX}
 *                  for a cycle
 * @param direction the step's kind, or null for a cycle or a step kind the reader does not know
 * @param chargeAh charge capacity of the cycle or step, Ah (0 for a discharge or rest step)
 * @param dischargeAh discharge capacity of the cycle or step, Ah
 * @param efficiencyPercent the instrument's efficiency for a cycle, %, or NaN when not written
 */
public record InstrumentSummary(
        long line,
        Level level,
        int cycleIndex,
        int stepIndex,
        Direction direction,
        double chargeAh,
        double dischargeAh,
        double efficiencyPercent) implements ReadResult {

    /** What the summary totals. */
    public enum Level {
        CYCLE,
        STEP
    }
}
