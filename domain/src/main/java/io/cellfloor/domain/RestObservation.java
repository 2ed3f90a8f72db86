package io.cellfloor.domain;

import java.nio.ByteBuffer;

/**
 * One watched open-circuit rest: what the half-cycle before it was and how far its voltage moved.
 *
 * @param cycleNumber the cycle the half before the rest belongs to
 * @param after       that half's direction
 * @param afterCutoff whether that half ended at its voltage cut-off
 */
record RestObservation(int cycleNumber, Direction after, boolean afterCutoff, long startMs, double startV, long endMs,
                       double endV, int samples) {

    double durationS() {
        return (endMs - startMs) / 1000.0;
    }

    void write(final ByteBuffer b) {
        b.putInt(cycleNumber).put((byte) after.ordinal()).put((byte) (afterCutoff ? 1 : 0)).putLong(startMs)
                .putDouble(startV).putLong(endMs).putDouble(endV).putInt(samples);
    }

    static RestObservation read(final ByteBuffer b) {
        return new RestObservation(b.getInt(), Direction.values()[b.get()], b.get() == 1, b.getLong(), b.getDouble(),
                b.getLong(), b.getDouble(), b.getInt());
    }
}
