package io.cellfloor.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChannelTraceTest {
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
        assertThat(s.t()).containsExactly(1_000_000L, 1_010_000L, 1_020_000L, 1_025_000L, 1_035_000L, 1_045_000L,
                1_055_000L);
        assertThat(s.v()[3]).isEqualTo(6.25f);
        assertThat(s.i()[2]).isEqualTo(-0.001f);
        assertThat(s.i()[3]).isEqualTo(0.001f);
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
}
