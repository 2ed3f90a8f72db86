package io.cellfloor.streams.topology;


/**
 * One channel's recent voltage and current, thinned to at most one point per {@link #INTERVAL_MS} (plus every
 * change of current direction, charge, rest or discharge, so step edges stay sharp), in a ring of
 * {@link #CAPACITY} points: about the last eight hours of a channel, two to four cycles of a floor cycling for
 * hours, and about one point per pixel of the dashboard's chart. Appends come from the stream thread, snapshots
 * from HTTP threads; both synchronize on this object, and appending costs a comparison per sample.
 *
 * <p>Why so small: one instance must hold every channel of a 10,000-channel floor after the other fails, inside
 * 512 MB of heap. Times are kept as int milliseconds after a per-channel base (12 bytes a point, not 16), so a
 * full ring is about 17 KB, where 4,000 points with long times were 64 KB (measured: {@code TraceHeap} in the
 * benchmarks, BENCHMARKS.md). An int spans 24 days; a point that far past the base moves the base up to the
 * oldest point kept within that span and forgets anything older.
 */
public final class ChannelTrace {
    public static final int CAPACITY = 1_440;
    public static final long INTERVAL_MS = 20_000;
    /** Below this the channel is resting: noise around zero is no change of direction. */
    private static final double REST_A = 1e-6;

    private final int[] offset = new int[CAPACITY];
    private final float[] v = new float[CAPACITY];
    private final float[] i = new float[CAPACITY];
    private long baseMs;
    private int head;
    private int size;
    private long lastMs = Long.MIN_VALUE;
    private int lastSign;

    /** The points of one batch; samples older than the last kept point (late or replayed) are skipped. */
    public synchronized void append(final long[] times, final double[] volts, final double[] amps) {
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
        if (size == 0) {
            baseMs = tk;
        } else if (tk - baseMs > Integer.MAX_VALUE) {
            rebase(tk);
        }
        offset[head] = (int) (tk - baseMs);
        v[head] = (float) vk;
        i[head] = (float) ik;
        head = (head + 1) % CAPACITY;
        size = Math.min(size + 1, CAPACITY);
        lastMs = tk;
    }

    /** Drops the points more than an int's span before {@code tk} and counts the rest from the oldest kept. */
    private void rebase(final long tk) {
        final int start = (head - size + CAPACITY) % CAPACITY;
        int dropped = 0;
        while (dropped < size && tk - (baseMs + offset[(start + dropped) % CAPACITY]) > Integer.MAX_VALUE) {
            dropped++;
        }
        size -= dropped;
        final long newBase = size == 0 ? tk : baseMs + offset[(start + dropped) % CAPACITY];
        for (int k = 0; k < size; k++) {
            final int at = (start + dropped + k) % CAPACITY;
            offset[at] = (int) (baseMs + offset[at] - newBase);
        }
        baseMs = newBase;
    }

    /** A copy, oldest point first. */
    public synchronized Snapshot snapshot() {
        final long[] ts = new long[size];
        final float[] vs = new float[size];
        final float[] is = new float[size];
        final int start = (head - size + CAPACITY) % CAPACITY;
        for (int k = 0; k < size; k++) {
            final int at = (start + k) % CAPACITY;
            ts[k] = baseMs + offset[at];
            vs[k] = v[at];
            is[k] = i[at];
        }
        return new Snapshot(ts, vs, is);
    }

    /** Times (epoch ms), volts and amps of the kept points, oldest first. */
    public record Snapshot(long[] t, float[] v, float[] i) {
        public static final Snapshot EMPTY = new Snapshot(new long[0], new float[0], new float[0]);
    }
}
