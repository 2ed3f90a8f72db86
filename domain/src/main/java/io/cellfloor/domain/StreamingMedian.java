package io.cellfloor.domain;

/**
 * The running median of a stream in constant memory and O(1) time per value, with no allocation: the P-squared
 * algorithm (Jain and Chlamtac, CACM 1985) with five markers. Exact for up to five values; after that an estimate
 * that follows the sample median closely for the smooth, unimodal distributions of a plateau voltage or a noise
 * residual. Its whole memory is 5 doubles and 4 ints, so it can live in a channel's persisted state.
 */
final class StreamingMedian {
    private final double[] q = new double[5];
    private final int[] n = new int[5];
    private int count;

    int count() {
        return count;
    }

    void reset() {
        count = 0;
    }

    void add(final double x) {
        if (count < 5) {
            insertSorted(x);
            return;
        }
        final int k;
        if (x < q[0]) {
            q[0] = x;
            k = 0;
        } else if (x >= q[4]) {
            q[4] = x;
            k = 3;
        } else {
            int j = 0;
            while (x >= q[j + 1]) {
                j++;
            }
            k = j;
        }
        for (int i = k + 1; i < 5; i++) {
            n[i]++;
        }
        count++;
        final double last = count - 1;
        adjust(1, last * 0.25);
        adjust(2, last * 0.5);
        adjust(3, last * 0.75);
    }

    /** The median so far, or NaN when empty. */
    double median() {
        if (count == 0) {
            return Double.NaN;
        }
        if (count >= 5) {
            return q[2];
        }
        return (count & 1) == 1 ? q[count / 2] : 0.5 * (q[count / 2 - 1] + q[count / 2]);
    }

    private void insertSorted(final double x) {
        int i = count++;
        while (i > 0 && q[i - 1] > x) {
            q[i] = q[i - 1];
            i--;
        }
        q[i] = x;
        if (count == 5) {
            for (int j = 0; j < 5; j++) {
                n[j] = j;
            }
        }
    }

    private void adjust(final int i, final double desired) {
        final double d = desired - n[i];
        if ((d >= 1 && n[i + 1] - n[i] > 1) || (d <= -1 && n[i - 1] - n[i] < -1)) {
            final int s = d > 0 ? 1 : -1;
            final double parabolic = q[i] + (double) s / (n[i + 1] - n[i - 1])
                    * ((n[i] - n[i - 1] + s) * (q[i + 1] - q[i]) / (n[i + 1] - n[i])
                    + (n[i + 1] - n[i] - s) * (q[i] - q[i - 1]) / (n[i] - n[i - 1]));
            q[i] = q[i - 1] < parabolic && parabolic < q[i + 1] ? parabolic
                    : q[i] + s * (q[i + s] - q[i]) / (n[i + s] - n[i]);
            n[i] += s;
        }
    }

    /** Only the markers in use: the positions of the outer two and, while there are five values, all follow. */
    void fields(final StateFields f) {
        count = f.i32(count);
        for (int i = 0; i < Math.min(count, 5); i++) {
            q[i] = f.f64(q[i]);
        }
        if (f.reading() && count >= 5) {
            n[0] = 0;
            n[4] = count - 1;
            n[1] = 1;
            n[2] = 2;
            n[3] = 3;
        }
        if (count > 5) {
            n[1] = f.i32(n[1]);
            n[2] = f.i32(n[2]);
            n[3] = f.i32(n[3]);
        }
    }
}
