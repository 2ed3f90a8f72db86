package io.cellfloor.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Sample batches for {@link ChannelSession} tests: one sample per second at 1 mA, charging or discharging, each
 * step's samples built from a start time so that tests can interleave and reorder them.
 */
final class Batches {
    static final double I = 0.001;

    /** A batch over plain columns; {@code cycle} null when the source has no cycle index. */
    record Columns(String testId, long sequence, boolean endOfTest, long[] t, double[] i, double[] v, int[] cycle)
            implements ChannelBatch {
        @Override
        public int size() {
            return t.length;
        }

        @Override
        public long timeMs(final int k) {
            return t[k];
        }

        @Override
        public double currentA(final int k) {
            return i[k];
        }

        @Override
        public double voltageV(final int k) {
            return v[k];
        }

        @Override
        public int cycleIndex(final int k) {
            return cycle == null ? Sample.NO_INDEX : cycle[k];
        }

        @Override
        public Direction stepType(final int k) {
            return null;
        }
    }

    private final List<double[]> samples = new ArrayList<>();

    /** {@code n} samples of {@code currentA} a second apart from {@code startS}, at 3.6 V charging, 3.2 V else. */
    Batches step(final long startS, final int n, final double currentA) {
        for (int k = 0; k < n; k++) {
            samples.add(new double[] {(startS + k) * 1000, currentA, currentA > 0 ? 3.6 : 3.2});
        }
        return this;
    }

    /** One sample as given. */
    Batches sample(final long timeMs, final double currentA, final double voltageV) {
        samples.add(new double[] {timeMs, currentA, voltageV});
        return this;
    }

    Columns batch(final String testId, final long sequence, final boolean endOfTest) {
        final int n = samples.size();
        final long[] t = new long[n];
        final double[] i = new double[n];
        final double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            t[k] = (long) samples.get(k)[0];
            i[k] = samples.get(k)[1];
            v[k] = samples.get(k)[2];
        }
        return new Columns(testId, sequence, endOfTest, t, i, v, null);
    }
}
