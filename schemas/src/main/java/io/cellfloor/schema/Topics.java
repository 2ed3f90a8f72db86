package io.cellfloor.schema;

/**
 * Every topic cellfloor reads or writes, in one place. Names carry a version: an incompatible change of a
 * topic's contract gets a new topic, never a rewrite of the old one.
 */
public final class Topics {
    /** {@code SampleBatch} keyed by channel id. */
    public static final String SAMPLES = "cellfloor.samples.v1";
    /** {@code CellTest} keyed by channel id; compacted; partitioned exactly like {@link #SAMPLES}. */
    public static final String CELL_TESTS = "cellfloor.cell-tests.v1";
    /** {@code CycleSummary} keyed by channel id. */
    public static final String CYCLES = "cellfloor.cycles.v1";
    /** {@code DeadLetter}: whatever could not be processed, with the reason. */
    public static final String DEAD_LETTER = "cellfloor.dead-letter.v1";

    private Topics() {
    }
}
