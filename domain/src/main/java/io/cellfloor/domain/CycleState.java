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

    private Direction openDirection;
    private long openStartMs;
    private int openCycleIndex = Sample.NO_INDEX;
    private double openAs;
    private int openSamples;
    private int openGaps;
    private long openGapMs;

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
        openDirection = null;
        openStartMs = 0;
        openCycleIndex = Sample.NO_INDEX;
        openAs = 0;
        openSamples = 0;
        openGaps = 0;
        openGapMs = 0;
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
        return openDirection;
    }

    /** Opens a half-cycle at its first sample. */
    void open(final Direction direction, final long timeMs, final int cycleIndex) {
        openDirection = direction;
        openStartMs = timeMs;
        openAs = 0;
        openSamples = 1;
        openGaps = 0;
        openGapMs = 0;
        openCycleIndex = cycleIndex;
    }

    /** Counts coulombs from the last sample to this one by the trapezoidal rule. */
    void integrate(final long timeMs, final double currentA) {
        openAs += 0.5 * (Math.abs(lastCurrentA) + Math.abs(currentA)) * (timeMs - lastTimeMs) / 1000.0;
        openSamples++;
    }

    /** A sample after a logging gap: counted, not integrated across. */
    void countAfterGap() {
        openSamples++;
    }

    void addGap(final long ms) {
        openGaps++;
        openGapMs += ms;
    }

    double openCapacityAh() {
        return openAs / 3600.0;
    }

    /** Closes the open half at the last sample. */
    HalfCycle closeHalf(final double capacityAh, final EndReason reason) {
        final HalfCycle half = new HalfCycle(openDirection, openStartMs, lastTimeMs, capacityAh, reason, openSamples,
                openGaps, openGapMs, lastVoltageV, openCycleIndex);
        openDirection = null;
        return half;
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
        openDirection = f.nullable(openDirection, Direction.values());
        openStartMs = f.i64(openStartMs);
        openCycleIndex = f.i32(openCycleIndex);
        openAs = f.f64(openAs);
        openSamples = f.i32(openSamples);
        openGaps = f.i32(openGaps);
        openGapMs = f.i64(openGapMs);
        if (f.present(pending)) {
            pending = f.halfCycle(pending);
            if (f.version() >= 2 && f.present(pendingSummary)) {
                pendingSummary = f.halfSummary(pendingSummary);
            }
        }
        if (f.version() < 2) {
            if (f.reading() && openDirection != null) {
                // a version-1 state restored mid-half: watch the rest of it as if it had just begun
                probe.open(VoltageRules.DEFAULTS, openDirection, lastTimeMs, lastCurrentA, lastVoltageV,
                        HalfCycleProbe.NONE, 0, 0, Double.NaN, Double.NaN, Double.NaN, false, 0);
            }
            return;
        }
        if (openDirection != null) {
            probe.fields(f);
        }
        detection.fields(f);
    }
}
