package io.cellfloor.domain;

/**
 * Everything {@link CycleAssembler} remembers about one channel between samples, in a form that a state store can
 * keep: {@link StateCodec} round-trips it exactly. Changed only through its methods, each one step of segmentation
 * or coulomb counting, so that what a state can be is decided here.
 *
 * <p>A half-cycle is open exactly when {@link #openDirection()} is not null; it then ends at the last sample, so its
 * end time and voltage are {@link #lastTimeMs()} and {@link #lastVoltageV()}.
 */
public final class CycleState {
    static final long NO_TIME = Long.MIN_VALUE;

    private String testId = "";
    private long lastSequence = -1;
    private int cyclesEmitted;
    private CeDirection inferredDirection;
    private long lastTimeMs = NO_TIME;
    private double lastCurrentA;
    private double lastVoltageV;

    /** The run of current in progress. */
    private final OpenRun run = new OpenRun();
    /** How this test's cycles are cut, decided at its first sample; null before. */
    private CycleBoundaries cutBy;
    private final InstrumentCounters counters = new InstrumentCounters();
    /** The cycler cycle in progress when cut at the cycler's index. */
    private final CyclerCycle cycler = new CyclerCycle();

    /** The first half of the cycle in progress, closed and waiting for its second half. */
    private HalfCycle pending;
    /** What the pending half's voltage showed. */
    private HalfSummary pendingSummary;
    /** Watches the open half-cycle's voltage (meaningful while a half is open). */
    private final HalfCycleProbe probe = new HalfCycleProbe();
    /** Baselines, CE history, stage: what detection remembers across cycles. */
    private DetectionState detection = new DetectionState();

    public String testId() {
        return testId;
    }

    /** The last batch sequence number accepted on this channel, or -1. */
    public long lastSequence() {
        return lastSequence;
    }

    public void lastSequence(final long sequence) {
        this.lastSequence = sequence;
    }

    /** Time of the last accepted sample, or {@link Long#MIN_VALUE} when none. */
    public long lastTimeMs() {
        return lastTimeMs;
    }

    public int cyclesEmitted() {
        return cyclesEmitted;
    }

    /** The cell's stage after the last emitted cycle. */
    public CellStage stage() {
        return detection.stage();
    }

    /** Forgets everything about the previous test (but not the batch sequence); the channel starts over. */
    public void reset(final String newTestId) {
        testId = newTestId;
        cyclesEmitted = 0;
        inferredDirection = null;
        lastTimeMs = NO_TIME;
        lastCurrentA = 0;
        lastVoltageV = 0;
        run.clear();
        cutBy = null;
        counters.clear();
        cycler.clear();
        pending = null;
        pendingSummary = null;
        detection = new DetectionState();
    }

    double lastCurrentA() {
        return lastCurrentA;
    }

    double lastVoltageV() {
        return lastVoltageV;
    }

    /** The sample just taken becomes the last one. */
    void last(final long timeMs, final double currentA, final double voltageV) {
        lastTimeMs = timeMs;
        lastCurrentA = currentA;
        lastVoltageV = voltageV;
    }

    /** The direction of the open half-cycle, or null when none is open. */
    Direction openDirection() {
        return run.direction();
    }

    OpenRun run() {
        return run;
    }

    /** Whether the test's samples carry the instrument's counters and its cycles are cut by direction. */
    boolean countsByRun() {
        return cutBy == CycleBoundaries.DIRECTION && counters.seen();
    }

    /** The open half's capacity so far (see {@link OpenRun#capacityAh}). */
    double openCapacityAh() {
        return run.capacityAh(countsByRun());
    }

    /** Closes the open half at the last sample. */
    HalfCycle closeHalf(final EndReason reason) {
        return run.close(reason, countsByRun(), lastTimeMs, lastVoltageV);
    }

    CycleBoundaries cutBy() {
        return cutBy;
    }

    void cutBy(final CycleBoundaries boundaries) {
        cutBy = boundaries;
    }

    InstrumentCounters counters() {
        return counters;
    }

    CyclerCycle cycler() {
        return cycler;
    }

    HalfCycle pending() {
        return pending;
    }

    HalfSummary pendingSummary() {
        return pendingSummary;
    }

    /** Holds the first half of a cycle until its second half closes. */
    void holdPending(final HalfCycle half, final HalfSummary summary) {
        pending = half;
        pendingSummary = summary;
    }

    /** Counts an emitted cycle and returns its number. */
    int nextCycleNumber() {
        return ++cyclesEmitted;
    }

    CeDirection inferredDirection() {
        return inferredDirection;
    }

    void inferredDirection(final CeDirection direction) {
        inferredDirection = direction;
    }

    HalfCycleProbe probe() {
        return probe;
    }

    DetectionState detection() {
        return detection;
    }

    /** The whole state, in the order of {@link StateCodec}'s cycle-state format. */
    void fields(final StateFields f) {
        testId = f.string(testId);
        lastSequence = f.i64(lastSequence);
        cyclesEmitted = f.i32(cyclesEmitted);
        inferredDirection = f.nullable(inferredDirection, CeDirection.values());
        lastTimeMs = f.i64(lastTimeMs);
        lastCurrentA = f.f64(lastCurrentA);
        lastVoltageV = f.f64(lastVoltageV);
        run.fields(f);
        if (f.present(pending)) {
            pending = f.halfCycle(pending);
            if (f.version() >= 2 && f.present(pendingSummary)) {
                pendingSummary = f.halfSummary(pendingSummary);
            }
        }
        if (f.version() < 3 && f.reading()) {
            run.fieldsV3(f);
            // a state from before cycler cuts, restored mid-test, goes on the way it began
            cutBy = lastTimeMs == NO_TIME ? null : CycleBoundaries.DIRECTION;
        }
        if (f.version() < 2) {
            if (f.reading() && openDirection() != null) {
                // a version-1 state restored mid-half: watch the rest of it as if it had just begun
                probe.open(VoltageRules.DEFAULTS, openDirection(), lastTimeMs, lastCurrentA, lastVoltageV,
                        HalfCycleProbe.NONE, 0, 0, Double.NaN, Double.NaN, Double.NaN, false, 0);
            }
            return;
        }
        if (openDirection() != null) {
            probe.fields(f);
        }
        detection.fields(f);
        if (f.version() >= 3) {
            run.fieldsV3(f);
            cutBy = f.nullable(cutBy, CycleBoundaries.values());
            counters.fields(f);
            cycler.fields(f);
        }
    }
}
