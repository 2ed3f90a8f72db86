package io.cellfloor.streams.topology;


/**
 * One channel's recent voltage and current, thinned to at most one point per {@link #INTERVAL_MS} (plus every
 * change of current direction, charge, rest or discharge, so step edges stay sharp), in a ring of
 * {@link #CAPACITY} points: about the last eleven hours of a channel. Appends come from the stream thread, snapshots from HTTP
 * threads; both synchronize on this object, and appending costs a comparison per sample.
 */
public final class ChannelTrace {
    public static final int CAPACITY = 4_000;
    public static final long INTERVAL_MS = 10_000;
    /** Below this the channel is resting: noise around zero is no change of direction. */
    private static final double REST_A = 1e-6;

    private final long[] t = new long[CAPACITY];
    private final float[] v = new float[CAPACITY];
    private final float[] i = new float[CAPACITY];
    private int head;
    private int size;
    private long lastMs = Long.MIN_VALUE;
    private int lastSign;

    /** The points of one batch; samples older than the last kept point (late or replayed) are skipped. */
    synchronized void append(final long[] times, final double[] volts, final double[] amps) {
        final int n = times.length;
        for (int k = 0; k < n; k++) {
            final long tk = times[k];
            if (tk <= lastMs) {
                continue;
            }
            final double ik = amps[k];
            final int sign = ik > REST_A ? 1 : ik < -REST_A ? -1 : 0;
            if (lastMs == Long.MIN_VALUE || tk - lastMs >= INTERVAL_MS || sign != lastSign) {
                put(tk, volts[k], ik);
                lastSign = sign;
            }
        }
    }

    private void put(final long tk, final double vk, final double ik) {
        t[head] = tk;
        v[head] = (float) vk;
        i[head] = (float) ik;
        head = (head + 1) % CAPACITY;
        size = Math.min(size + 1, CAPACITY);
        lastMs = tk;
    }

    /** A copy, oldest point first. */
    public synchronized Snapshot snapshot() {
        final long[] ts = new long[size];
        final float[] vs = new float[size];
        final float[] is = new float[size];
        final int start = (head - size + CAPACITY) % CAPACITY;
        for (int k = 0; k < size; k++) {
            final int at = (start + k) % CAPACITY;
            ts[k] = t[at];
            vs[k] = v[at];
            is[k] = i[at];
        }
        return new Snapshot(ts, vs, is);
    }

    /** Times (epoch ms), volts and amps of the kept points, oldest first; floats keep 64 KB per channel. */
    public record Snapshot(long[] t, float[] v, float[] i) {
        public static final Snapshot EMPTY = new Snapshot(new long[0], new float[0], new float[0]);
    }
}
