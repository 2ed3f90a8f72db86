package io.cellfloor.domain;

/** Placeholder while the codec moves here. */
public final class StateCodec {
    private StateCodec() {
    }

    public static byte[] encode(final CycleState state) {
        return state.encode();
    }

    public static CycleState decodeCycleState(final byte[] bytes) {
        return CycleState.decode(bytes);
    }

    public static byte[] encode(final ReorderBuffer buffer) {
        return buffer.encode();
    }

    public static ReorderBuffer decodeReorderBuffer(final byte[] bytes) {
        return ReorderBuffer.decode(bytes);
    }
}
