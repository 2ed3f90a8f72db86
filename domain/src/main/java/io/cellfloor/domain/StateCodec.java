package io.cellfloor.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The one codec of a channel's persisted domain state ({@link CycleState} with everything inside it, and the
 * {@link ReorderBuffer}): the bytes a state store holds. Versions are kept here; each stateful class declares its
 * fields once, in order, in a single {@code fields(StateFields)} method that serves both directions: writing, each
 * call writes the value passed and returns it; reading, it ignores the value passed and returns the one read, so
 * {@code x = f.i64(x)} is the whole declaration of a field. Immutable values (half-cycles, summaries, rest
 * observations) are laid out by {@link StateFields} itself.
 *
 * <p>Cycle-state versions: 1 segmentation only (still read: detection starts afresh, a half open at the time is
 * watched as if it had just begun); 2 adds detection; 3 adds cuts at the cycler's cycle index (the cycler cycle in
 * progress), the instrument's counters, steps and the rest inside half-cycles (a version-2 state restored mid-test
 * goes on cutting by direction, as it began); 4 adds the signed-voltage onset, the Li-trace flag, the last cycle's
 * severity, the hard-short candidate and the early-life reference of issue 13; 5 adds the first and last sample
 * times of the cycler cycle in progress, so a cycle without current is reported with its span; 6 adds the drift sums
 * of {@link DriftCusum} (the current one; an older state starts them afresh at its next cycle). Reorder-buffer
 * versions: 1; 2 adds the step index and the instrument's counters of each sample (the current one).
 *
 * <p>To add a field: (1) add one line at the end of the owning class's {@code fields} method, guarded by the version
 * that introduces it, e.g. {@code if (f.version() >= 3) { drift = f.f64(drift); }} (older bytes keep the field's
 * initial value); (2) bump {@link #CYCLE_STATE_VERSION} to that version. Then write new golden bytes next to the old
 * ones ({@code GoldenStateBytesTest}); the old ones must still be read.
 */
public final class StateCodec {
    /** The cycle-state version this code writes. */
    static final byte CYCLE_STATE_VERSION = 6;
    /** The oldest cycle-state version still read. */
    static final byte OLDEST_CYCLE_STATE_VERSION = 1;
    static final byte REORDER_BUFFER_VERSION = 2;
    static final byte OLDEST_REORDER_BUFFER_VERSION = 1;
    /** Generous upper bound of a cycle state without its test id (about 1,500 bytes in the worst case). */
    private static final int MAX_CYCLE_STATE_BYTES = 4096;
    /** A buffered sample: time, current, voltage, cycle index, step type, step index, two counters. */
    private static final int BUFFERED_SAMPLE_BYTES = 8 + 8 + 8 + 4 + 1 + 4 + 8 + 8;

    private StateCodec() {
    }

    public static byte[] encode(final CycleState state) {
        final int testBytes = state.testId().getBytes(StandardCharsets.UTF_8).length;
        final ByteBuffer b = ByteBuffer.allocate(1 + MAX_CYCLE_STATE_BYTES + testBytes);
        b.put(CYCLE_STATE_VERSION);
        state.fields(StateFields.writer(b, CYCLE_STATE_VERSION));
        final byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }

    public static CycleState decodeCycleState(final byte[] bytes) {
        final ByteBuffer b = ByteBuffer.wrap(bytes);
        final byte version = b.get();
        if (version < OLDEST_CYCLE_STATE_VERSION || version > CYCLE_STATE_VERSION) {
            throw new IllegalArgumentException("unknown cycle-state format " + version + "; expected "
                    + CYCLE_STATE_VERSION + " (or down to " + OLDEST_CYCLE_STATE_VERSION + ")");
        }
        final CycleState state = new CycleState();
        state.fields(StateFields.reader(b, version));
        return state;
    }

    public static byte[] encode(final ReorderBuffer buffer) {
        final ByteBuffer b = ByteBuffer.allocate(1 + 8 + 4 + buffer.size() * BUFFERED_SAMPLE_BYTES);
        b.put(REORDER_BUFFER_VERSION);
        buffer.fields(StateFields.writer(b, REORDER_BUFFER_VERSION));
        return b.array();
    }

    public static ReorderBuffer decodeReorderBuffer(final byte[] bytes) {
        final ByteBuffer b = ByteBuffer.wrap(bytes);
        final byte version = b.get();
        if (version < OLDEST_REORDER_BUFFER_VERSION || version > REORDER_BUFFER_VERSION) {
            throw new IllegalArgumentException("unknown reorder-buffer format " + version + "; expected "
                    + REORDER_BUFFER_VERSION + " (or down to " + OLDEST_REORDER_BUFFER_VERSION + ")");
        }
        final ReorderBuffer buffer = new ReorderBuffer();
        buffer.fields(StateFields.reader(b, version));
        return buffer;
    }
}
