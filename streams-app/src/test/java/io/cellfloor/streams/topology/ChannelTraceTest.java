package io.cellfloor.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChannelTraceTest {
    private static final long EPOCH_2026 = 1_767_225_600_000L;
    private static final long DAY_MS = 86_400_000L;

    @Test
    void shouldKeepOnePointPerIntervalAndEveryChangeOfCurrentDirection() {
        final ChannelTrace trace = new ChannelTrace();
        final long[] t = new long[60];
        final double[] v = new double[60];
        final double[] i = new double[60];
        for (int s = 0; s < 60; s++) {                       // one sample a second, current reversed at 25 s
            t[s] = 1_000_000L + s * 1000L;
            v[s] = s / 4.0;
            i[s] = s < 25 ? -0.001 : 0.001;
        }

        trace.append(t, v, i);

        final ChannelTrace.Snapshot s = trace.snapshot();
        assertThat(s.t()).containsExactly(1_000_000L, 1_020_000L, 1_025_000L, 1_045_000L);
        assertThat(s.v()[2]).isEqualTo(6.25f);
        assertThat(s.i()[1]).isEqualTo(-0.001f);
        assertThat(s.i()[2]).isEqualTo(0.001f);
    }

    @Test
    void shouldSkipSamplesOlderThanTheLastKeptAndHoldAtMostCapacityNewestPoints() {
        final ChannelTrace trace = new ChannelTrace();
        for (int b = 0; b < ChannelTrace.CAPACITY + 10; b++) {
            trace.append(new long[] {b * ChannelTrace.INTERVAL_MS}, new double[] {b}, new double[] {0.001});
        }
        trace.append(new long[] {5L}, new double[] {-1.0}, new double[] {0.001});

        final ChannelTrace.Snapshot s = trace.snapshot();
        assertThat(s.t()).hasSize(ChannelTrace.CAPACITY);
        assertThat(s.t()[0]).isEqualTo(10 * ChannelTrace.INTERVAL_MS);
        assertThat(s.v()[ChannelTrace.CAPACITY - 1]).isEqualTo(ChannelTrace.CAPACITY + 9f);
    }

    @Test
    void shouldGiveBackEpochMillisecondsExactlyThoughTimesAreKeptAsOffsets() {
        final ChannelTrace trace = new ChannelTrace();
        final long first = EPOCH_2026 + 123;

        trace.append(new long[] {first, first + 20_001, first + 40_002}, new double[] {3.1, 3.2, 3.3},
                new double[] {0.001, 0.001, 0.001});

        assertThat(trace.snapshot().t()).containsExactly(first, first + 20_001, first + 40_002);
    }

    @Test
    void shouldForgetPointsMoreThanAnIntSpanOlderThanANewOneAndKeepTheRestExact() {
        final ChannelTrace trace = new ChannelTrace();
        trace.append(new long[] {EPOCH_2026}, new double[] {1.0}, new double[] {0.001});
        trace.append(new long[] {EPOCH_2026 + 10 * DAY_MS}, new double[] {2.0}, new double[] {0.001});
        trace.append(new long[] {EPOCH_2026 + 20 * DAY_MS}, new double[] {3.0}, new double[] {0.001});

        trace.append(new long[] {EPOCH_2026 + 30 * DAY_MS}, new double[] {4.0}, new double[] {0.001});

        final ChannelTrace.Snapshot s = trace.snapshot();
        assertThat(s.t()).containsExactly(EPOCH_2026 + 10 * DAY_MS, EPOCH_2026 + 20 * DAY_MS,
                EPOCH_2026 + 30 * DAY_MS);
        assertThat(s.v()).containsExactly(2.0f, 3.0f, 4.0f);
    }

    @Test
    void shouldStartAfreshWhenANewPointIsMoreThanAnIntSpanAfterEveryKeptOne() {
        final ChannelTrace trace = new ChannelTrace();
        trace.append(new long[] {EPOCH_2026, EPOCH_2026 + 60_000}, new double[] {1.0, 1.5},
                new double[] {0.001, 0.001});

        trace.append(new long[] {EPOCH_2026 + 40 * DAY_MS, EPOCH_2026 + 40 * DAY_MS + 20_000},
                new double[] {2.0, 2.5}, new double[] {0.001, 0.001});

        assertThat(trace.snapshot().t()).containsExactly(EPOCH_2026 + 40 * DAY_MS, EPOCH_2026 + 40 * DAY_MS + 20_000);
    }
}
