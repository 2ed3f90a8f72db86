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
    /** {@code BreakdownEvent} keyed by channel id: every soft-breakdown signature found. */
    public static final String BREAKDOWN_EVENTS = "cellfloor.breakdown-events.v1";
    /** {@code StageChange} keyed by channel id: a cell moved forward a stage. */
    public static final String STAGE_CHANGES = "cellfloor.stage-changes.v1";
    /** {@code ChannelStatus} keyed by channel id; compacted: the current stage of every channel. */
    public static final String CHANNEL_STATUS = "cellfloor.channel-status.v1";
    /** {@code CohortStats} keyed by cohort; compacted: the floor's comparison table. */
    public static final String COHORTS = "cellfloor.cohorts.v1";
    /** {@code Alert} keyed by its dedup key: what alerting integrations deliver. */
    public static final String ALERTS = "cellfloor.alerts.v1";
    /** {@code DeadLetter}: whatever could not be processed, with the reason. */
    public static final String DEAD_LETTER = "cellfloor.dead-letter.v1";

    private Topics() {
    }
}
