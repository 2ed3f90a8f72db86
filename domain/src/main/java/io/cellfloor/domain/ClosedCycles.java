package io.cellfloor.domain;

import java.util.List;

/**
 * Cycles a batch closed, in order, with the test and the cell they were assembled under.
 *
 * @param cell the registered cell, or null when none was
 */
public record ClosedCycles(String testId, CellSpec cell, List<Cycle> cycles) {
    public ClosedCycles {
        cycles = List.copyOf(cycles);
    }
}
