package io.cellfloor.domain;

/**
 * The cell registered on a channel and the test it was registered for: it only applies to samples of that test.
 *
 * @param cell never null
 */
public record CellAssignment(String testId, CellSpec cell) {
    /** The cell for samples of {@code test}, or null when none is registered for it. */
    public static CellSpec cellFor(final CellAssignment assignment, final String test) {
        return assignment != null && assignment.testId().equals(test) ? assignment.cell() : null;
    }
}
