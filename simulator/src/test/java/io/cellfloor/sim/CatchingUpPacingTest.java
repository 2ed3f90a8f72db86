package io.cellfloor.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellfloor.domain.Sample;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A floor that starts in the past replays its history fast, then keeps pace with the wall clock, never ahead. */
class CatchingUpPacingTest {
    private static final long WALL_START_MS = 1_800_000_000_000L;
    private static final long HISTORY_MS = Duration.ofHours(2).toMillis();

    private static FloorPlan smallFloor() {
        return FloorPlan.builder().seed(5).stations(1).channelsPerStation(4).cycles(20).breakdowns(0).build();
    }

    @Test
    void shouldStartInThePastAndNeverReleaseASampleAfterTheWallClock() {
        final AtomicLong wall = new AtomicLong(WALL_START_MS);
        final SimulatedFloor floor = new SimulatedFloor(smallFloor(), Pacing.catchingUp(wall::get, HISTORY_MS, 600));
        final long[] newest = {Long.MIN_VALUE};
        final long[] oldest = {Long.MAX_VALUE};
        final long[] aheadOfWall = {0};
        final FloorSink sink = new FloorSink() {
            @Override
            public void accept(final String channelId, final Sample sample) {
                newest[0] = Math.max(newest[0], sample.timeMs());
                oldest[0] = Math.min(oldest[0], sample.timeMs());
                if (sample.timeMs() > wall.get()) {
                    aheadOfWall[0]++;
                }
            }

            @Override
            public void endOfTest(final String channelId) {
            }
        };

        // 2 h of history at 600x: caught up after 2 h / 599 = 12.02 s; run 30 s of wall clock in 100 ms steps
        for (int step = 0; step < 300; step++) {
            wall.addAndGet(100);
            floor.poll(sink);
        }

        assertThat(oldest[0]).isEqualTo(WALL_START_MS - HISTORY_MS);
        assertThat(aheadOfWall[0]).isZero();
        // once caught up the horizon is the wall clock itself: the newest sample is within a logging interval of it
        assertThat(wall.get() - newest[0]).isBetween(0L, 10_000L);
    }

    @Test
    void shouldSayHowLongTheCatchUpTakes() {
        final Pacing pacing = Pacing.catchingUp(() -> WALL_START_MS, HISTORY_MS, 601);

        assertThat(pacing.catchUpTime()).isEqualTo(Duration.ofMillis(12_000));
        assertThat(Pacing.catchingUp(() -> WALL_START_MS, 0, 600).catchUpTime()).isZero();
    }

    @Test
    void shouldRunAheadOfTheWallClockWhenPacedWithoutHistory() {
        final AtomicLong wall = new AtomicLong(WALL_START_MS);
        final Pacing pacing = Pacing.paced(wall::get, WALL_START_MS, 600);

        wall.addAndGet(1_000);

        assertThat(pacing.pacedHorizonMs()).isEqualTo(WALL_START_MS + 600_000);
    }
}
