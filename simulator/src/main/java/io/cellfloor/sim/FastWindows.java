package io.cellfloor.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Where in a step the voltage can move fast (onset transients, nucleation dip, end-of-strip rise, short edges):
 * only there does the sampler walk the cycler's internal tick looking for a dV trigger. Elsewhere the voltage is
 * smooth enough that the next timed point is the next logged point, which keeps the simulator cheap.
 * Packed as {start, end, maxStep} triples in ms relative to the step start, sorted by start.
 */
final class FastWindows {
    private final List<long[]> windows = new ArrayList<>();

    FastWindows add(final long startMs, final long endMs, final long maxStepMs) {
        if (endMs > startMs) {
            windows.add(new long[] {startMs, endMs, Math.max(1, maxStepMs)});
        }
        return this;
    }

    long[] pack() {
        windows.sort(Comparator.comparingLong(w -> w[0]));
        final long[] packed = new long[windows.size() * 3];
        for (int i = 0; i < windows.size(); i++) {
            System.arraycopy(windows.get(i), 0, packed, i * 3, 3);
        }
        return packed;
    }

    @Override
    public String toString() {
        return Arrays.deepToString(windows.toArray());
    }
}
