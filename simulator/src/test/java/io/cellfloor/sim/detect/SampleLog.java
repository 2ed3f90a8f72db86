package io.cellfloor.sim.detect;

import java.util.Arrays;

/** The times and voltages a channel logged, in primitive arrays, to tell afterwards what could have been seen. */
final class SampleLog {
    private long[] t = new long[1 << 12];
    private double[] v = new double[1 << 12];
    private int n;

    void add(final long timeMs, final double voltageV) {
        if (n == t.length) {
            t = Arrays.copyOf(t, 2 * n);
            v = Arrays.copyOf(v, 2 * n);
        }
        t[n] = timeMs;
        v[n++] = voltageV;
    }

    /** Median |V| of the points within [fromMs, toMs], NaN when none. */
    double medianAbs(final long fromMs, final long toMs) {
        final int a = first(fromMs);
        final int b = first(toMs + 1);
        if (b <= a) {
            return Double.NaN;
        }
        final double[] x = new double[b - a];
        for (int k = a; k < b; k++) {
            x[k - a] = Math.abs(v[k]);
        }
        Arrays.sort(x);
        return x[x.length / 2];
    }

    /** Smallest |V| within [fromMs, toMs], NaN when no point falls there. */
    double minAbs(final long fromMs, final long toMs) {
        double min = Double.NaN;
        for (int k = first(fromMs); k < n && t[k] <= toMs; k++) {
            min = Double.isNaN(min) ? Math.abs(v[k]) : Math.min(min, Math.abs(v[k]));
        }
        return min;
    }

    private int first(final long timeMs) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            final int mid = (lo + hi) >>> 1;
            if (t[mid] < timeMs) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
