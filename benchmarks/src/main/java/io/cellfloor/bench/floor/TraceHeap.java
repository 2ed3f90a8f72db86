package io.cellfloor.bench.floor;

import io.cellfloor.streams.topology.ChannelTrace;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * What the in-memory trace store costs per channel, measured rather than computed: fills N channels' traces with
 * 1-sample-per-second floor data (cycles of two hours, rests between halves) for long enough that every ring is
 * full, then reports the heap retained by them (heap used after a full GC, minus the same before). The trace store
 * is the one piece of streams-app heap that grows with channels times history, so this is the figure that decides
 * how many channels one instance can hold.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.cellfloor.bench.floor.TraceHeap [channels=2000] [hours=24]}
 */
public final class TraceHeap {
    private static final int BATCH = 60;
    private static final long HALF_MS = 3_600_000L;
    private static final long REST_MS = 600_000L;

    private TraceHeap() {
    }

    public static void main(final String[] args) {
        final int channels = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        final int hours = args.length > 1 ? Integer.parseInt(args[1]) : 24;
        final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        final long before = usedAfterGc(memory);
        final ChannelTrace[] traces = new ChannelTrace[channels];
        final long start = 1_790_000_000_000L;
        final long[] t = new long[BATCH];
        final double[] v = new double[BATCH];
        final double[] i = new double[BATCH];
        for (int c = 0; c < channels; c++) {
            traces[c] = new ChannelTrace();
            final long offset = c * 997L;
            for (long s = 0; s < hours * 3_600L; s += BATCH) {
                for (int k = 0; k < BATCH; k++) {
                    final long ms = (s + k) * 1_000L;
                    t[k] = start + offset + ms;
                    final long inCycle = (ms + offset) % (2 * (HALF_MS + REST_MS));
                    final boolean rest = inCycle % (HALF_MS + REST_MS) >= HALF_MS;
                    i[k] = rest ? 0.0 : inCycle < HALF_MS ? -0.001 : 0.001;
                    v[k] = i[k] * 40 + 1e-4 * Math.sin(ms);
                }
                traces[c].append(t, v, i);
            }
        }
        final long after = usedAfterGc(memory);
        long points = 0;
        for (final ChannelTrace trace : traces) {
            points += trace.snapshot().t().length;
        }
        final double perChannel = (after - before) / (double) channels;
        System.out.printf("%,d channels, %d h of 1 s samples each: %,d points kept (%,.0f per channel), "
                        + "%,.0f bytes retained per channel, %,.1f MB for 10,000 channels%n",
                channels, hours, points, points / (double) channels, perChannel, perChannel * 10_000 / 1e6);
        if (traces.length == 0) {
            throw new IllegalStateException("unreachable: keeps the traces alive until measured");
        }
    }

    private static long usedAfterGc(final MemoryMXBean memory) {
        for (int k = 0; k < 3; k++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
