package io.cellfloor.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A channel's cycles must not depend on how its agent cut the samples into batches: a follower sends what it read
 * every few hundred milliseconds, a backfill sends full batches, and a fault test compares the two. Each batch here
 * goes through a store and restore of the state in between, as in the topology.
 */
class BatchingInvarianceTest {
    private static final int ROWS = 4_000;

    @Test
    void shouldGiveTheSameCyclesHoweverTheSamplesAreBatched() {
        final long[] t = new long[ROWS];
        final double[] i = new double[ROWS];
        final double[] v = new double[ROWS];
        final int[] cycle = new int[ROWS];
        for (int r = 1; r <= ROWS; r++) { // 100 s charging, 100 s discharging, a cycler cycle every 200 rows
            final boolean charging = (r / 100) % 2 == 0;
            t[r - 1] = r * 1000L;
            i[r - 1] = charging ? 0.5 : -0.5;
            v[r - 1] = charging ? 3.5 + (r % 100) * 0.006 : 4.1 - (r % 100) * 0.006;
            cycle[r - 1] = 1 + r / 200;
        }
        final List<Cycle> whole = run(t, i, v, cycle, new int[] {0, ROWS});
        assertThat(whole).hasSize(20);
        final Random random = new Random(7);
        for (int trial = 0; trial < 30; trial++) {
            final List<Integer> cuts = new ArrayList<>(List.of(0));
            while (cuts.get(cuts.size() - 1) < ROWS) {
                cuts.add(Math.min(ROWS, cuts.get(cuts.size() - 1) + 1 + random.nextInt(400)));
            }
            assertThat(run(t, i, v, cycle, cuts.stream().mapToInt(Integer::intValue).toArray()))
                    .as("batches cut at %s", cuts).isEqualTo(whole);
        }
    }

    private static List<Cycle> run(final long[] t, final double[] i, final double[] v, final int[] cycle,
                                   final int[] cuts) {
        final ChannelSession session = new ChannelSession(CycleRules.DEFAULTS, 0);
        byte[] state = StateCodec.encode(new CycleState());
        byte[] buffer = StateCodec.encode(new ReorderBuffer());
        final List<Cycle> out = new ArrayList<>();
        for (int b = 0; b + 1 < cuts.length; b++) {
            final CycleState s = StateCodec.decodeCycleState(state);
            final ReorderBuffer held = StateCodec.decodeReorderBuffer(buffer);
            final int from = cuts[b];
            final int to = cuts[b + 1];
            final Batches.Columns batch = new Batches.Columns("t", b, false, Arrays.copyOfRange(t, from, to),
                    Arrays.copyOfRange(i, from, to), Arrays.copyOfRange(v, from, to),
                    Arrays.copyOfRange(cycle, from, to));
            out.addAll(session.process(s, held, batch, null).cycles().cycles());
            state = StateCodec.encode(s);
            buffer = StateCodec.encode(held);
        }
        return out;
    }
}
