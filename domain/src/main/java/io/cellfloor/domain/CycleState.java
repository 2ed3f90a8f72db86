package io.cellfloor.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Everything {@link CycleAssembler} remembers about one channel between samples, in a form that a state store
 * can keep: {@link #encode()} and {@link #decode(byte[])} round-trip it exactly.
 *
 * <p>A half-cycle is open exactly when {@code openDirection != null}; it then ends at the last sample,
 * so its end time and voltage are {@link #lastTimeMs} and {@link #lastVoltageV}.
 */
public final class CycleState {
    /** Format 2 adds detection; format 1 (segmentation only) is still read, with detection starting afresh. */
    private static final byte FORMAT = 2;
    private static final byte FORMAT_SEGMENTATION_ONLY = 1;
    static final long NO_TIME = Long.MIN_VALUE;
    /** Generous upper bound of an encoding without the test id (about 700 bytes in the worst case). */
    private static final int MAX_ENCODED_BYTES = 2048;

    String testId = "";
    long lastSequence = -1;
    int cyclesEmitted;
    CeDirection inferredDirection;
    long lastTimeMs = NO_TIME;
    double lastCurrentA;
    double lastVoltageV;

    Direction openDirection;
    long openStartMs;
    int openCycleIndex = Sample.NO_INDEX;
    double openAs;
    int openSamples;
    int openGaps;
    long openGapMs;

    /** The first half of the cycle in progress, closed and waiting for its second half. */
    HalfCycle pending;
    /** What the pending half's voltage showed. */
    HalfSummary pendingSummary;
    /** Watches the open half-cycle's voltage (meaningful while {@code openDirection != null}). */
    final HalfCycleProbe probe = new HalfCycleProbe();
    /** Baselines, CE history, stage: what detection remembers across cycles. */
    DetectionState detection = new DetectionState();

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

    /** The cell's stage after the last emitted cycle. */
    public CellStage stage() {
        return detection.stage;
    }

    public byte[] encode() {
        final byte[] test = testId.getBytes(StandardCharsets.UTF_8);
        final ByteBuffer b = ByteBuffer.allocate(MAX_ENCODED_BYTES + test.length);
        b.put(FORMAT).putInt(test.length).put(test);
        b.putLong(lastSequence).putInt(cyclesEmitted).put(ordinal(inferredDirection));
        b.putLong(lastTimeMs).putDouble(lastCurrentA).putDouble(lastVoltageV);
        b.put(ordinal(openDirection)).putLong(openStartMs).putInt(openCycleIndex).putDouble(openAs).putInt(openSamples).putInt(openGaps)
                .putLong(openGapMs);
        b.put((byte) (pending == null ? 0 : 1));
        if (pending != null) {
            b.put(ordinal(pending.direction())).putLong(pending.startMs()).putLong(pending.endMs())
                    .putDouble(pending.capacityAh()).put(ordinal(pending.endReason())).putInt(pending.sampleCount())
                    .putInt(pending.gapCount()).putLong(pending.gapMs()).putDouble(pending.endVoltageV())
                    .putInt(pending.cyclerCycleIndex());
            b.put((byte) (pendingSummary == null ? 0 : 1));
            if (pendingSummary != null) {
                pendingSummary.write(b);
            }
        }
        if (openDirection != null) {
            probe.write(b);
        }
        detection.write(b);
        final byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }

    public static CycleState decode(final byte[] bytes) {
        final ByteBuffer b = ByteBuffer.wrap(bytes);
        final byte format = b.get();
        if (format != FORMAT && format != FORMAT_SEGMENTATION_ONLY) {
            throw new IllegalArgumentException("unknown cycle-state format " + format + "; expected " + FORMAT
                    + " (or " + FORMAT_SEGMENTATION_ONLY + ")");
        }
        final CycleState s = new CycleState();
        final byte[] test = new byte[b.getInt()];
        b.get(test);
        s.testId = new String(test, StandardCharsets.UTF_8);
        s.lastSequence = b.getLong();
        s.cyclesEmitted = b.getInt();
        s.inferredDirection = value(CeDirection.values(), b.get());
        s.lastTimeMs = b.getLong();
        s.lastCurrentA = b.getDouble();
        s.lastVoltageV = b.getDouble();
        s.openDirection = value(Direction.values(), b.get());
        s.openStartMs = b.getLong();
        s.openCycleIndex = b.getInt();
        s.openAs = b.getDouble();
        s.openSamples = b.getInt();
        s.openGaps = b.getInt();
        s.openGapMs = b.getLong();
        if (b.get() == 1) {
            s.pending = new HalfCycle(value(Direction.values(), b.get()), b.getLong(), b.getLong(), b.getDouble(),
                    value(EndReason.values(), b.get()), b.getInt(), b.getInt(), b.getLong(), b.getDouble(), b.getInt());
            if (format == FORMAT && b.get() == 1) {
                s.pendingSummary = HalfSummary.read(b);
            }
        }
        if (format == FORMAT_SEGMENTATION_ONLY) {
            if (s.openDirection != null) {
                // an old state restored mid-half: watch the rest of it as if it had just begun
                s.probe.open(VoltageRules.DEFAULTS, s.openDirection, s.lastTimeMs, s.lastCurrentA, s.lastVoltageV,
                        HalfCycleProbe.NONE, 0, 0, Double.NaN, Double.NaN, Double.NaN, false, 0);
            }
            return s;
        }
        if (s.openDirection != null) {
            s.probe.read(b);
        }
        s.detection.read(b);
        return s;
    }

    private static byte ordinal(final Enum<?> e) {
        return (byte) (e == null ? 0 : e.ordinal() + 1);
    }

    private static <E> E value(final E[] values, final byte ordinal) {
        return ordinal == 0 ? null : values[ordinal - 1];
    }
}
