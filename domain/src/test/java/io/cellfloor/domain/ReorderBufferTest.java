package io.cellfloor.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReorderBufferTest {
    private final List<Long> released = new ArrayList<>();
    private final ReorderBuffer.Sink sink = (t, i, v, step, c, s, qc, qd) -> released.add(t);

    @Test
    void shouldReleaseInTimeOrderOnlyWhatIsOlderThanTheGrace() {
        final ReorderBuffer b = new ReorderBuffer();
        for (final long t : new long[] {1_000, 3_000, 2_000, 6_000, 5_000, 4_000}) {
            b.offer(t, 0.001, 0.1, Sample.NO_INDEX, Sample.NO_INDEX, null, Double.NaN, Double.NaN);
        }

        b.release(2_000, sink);

        assertThat(released).containsExactly(1_000L, 2_000L, 3_000L, 4_000L);
        assertThat(b.size()).isEqualTo(2);
        b.releaseAll(sink);
        assertThat(released).containsExactly(1_000L, 2_000L, 3_000L, 4_000L, 5_000L, 6_000L);
    }

    @Test
    void shouldOnlySortWhenGraceIsZero() {
        final ReorderBuffer b = new ReorderBuffer();
        b.offer(3_000, 0, 0, Sample.NO_INDEX, Sample.NO_INDEX, null, Double.NaN, Double.NaN);
        b.offer(1_000, 0, 0, Sample.NO_INDEX, Sample.NO_INDEX, null, Double.NaN, Double.NaN);
        b.offer(2_000, 0, 0, Sample.NO_INDEX, Sample.NO_INDEX, null, Double.NaN, Double.NaN);

        b.release(0, sink);

        assertThat(released).containsExactly(1_000L, 2_000L, 3_000L);
        assertThat(b.size()).isZero();
    }

    @Test
    void shouldKeepArrivalOrderOfSamplesWithEqualTimes() {
        final ReorderBuffer b = new ReorderBuffer();
        final List<Double> currents = new ArrayList<>();
        b.offer(2_000, 0.0, 0.1, Sample.NO_INDEX, Sample.NO_INDEX, null, Double.NaN, Double.NaN);
        b.offer(1_000, -0.001, 0.1, Sample.NO_INDEX, Sample.NO_INDEX, null, Double.NaN, Double.NaN);
        b.offer(1_000, 0.0, 0.1, Sample.NO_INDEX, Sample.NO_INDEX, null, Double.NaN, Double.NaN);

        b.releaseAll((t, i, v, step, c, s, qc, qd) -> currents.add(i));

        assertThat(currents).containsExactly(-0.001, 0.0, 0.0);
    }

    @Test
    void shouldSurviveEncodingWithEveryColumn() {
        final ReorderBuffer b = new ReorderBuffer();
        for (int k = 0; k < 40; k++) {
            b.offer(1_000L * (40 - k), 0.001 * k, 0.1 * k, 100 + k, k, k % 2 == 0 ? Direction.CHARGE : null, 0.01 * k,
                    k % 3 == 0 ? Double.NaN : 0.02 * k);
        }
        final List<String> original = new ArrayList<>();
        final List<String> restored = new ArrayList<>();

        StateCodec.decodeReorderBuffer(StateCodec.encode(b))
                .releaseAll((t, i, v, step, c, s, qc, qd) -> restored.add(t + " " + i + " " + v + " " + step + " " + c + " " + s
                        + " " + qc + " " + qd));
        b.releaseAll((t, i, v, step, c, s, qc, qd) -> original.add(t + " " + i + " " + v + " " + step + " " + c + " " + s
                + " " + qc + " " + qd));

        assertThat(restored).hasSize(40).isEqualTo(original);
        assertThat(restored.get(0)).isEqualTo("1000 0.039 3.9000000000000004 139 39 null 0.39 NaN");
    }
}
