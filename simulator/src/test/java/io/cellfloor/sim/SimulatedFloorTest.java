package io.cellfloor.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cellfloor.domain.CellKind;
import io.cellfloor.domain.Sample;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SimulatedFloorTest {
    private static final long SIM_START_MS = 1_700_000_000_000L;

    private static FloorPlan smallFloor() {
        return FloorPlan.builder().seed(5).stations(2).channelsPerStation(6).cycles(3).breakdowns(2).build();
    }

    @Test
    void shouldSignalEndOfTestForEveryChannelAndThenReturnFalse() {
        final SimulatedFloor floor = new SimulatedFloor(smallFloor(), Pacing.runToCompletion(SIM_START_MS));
        final RecordingSink sink = new RecordingSink();

        int polls = 0;
        while (floor.poll(sink)) {
            polls++;
        }

        assertThat(polls).isGreaterThan(1);
        assertThat(sink.ended).containsExactlyInAnyOrderElementsOf(
                floor.channels().stream().map(SimulatedChannel::channelId).collect(Collectors.toList()));
        assertThat(sink.violations).isEmpty();
        final long before = sink.samples;
        assertThat(floor.poll(sink)).isFalse();
        assertThat(sink.samples).isEqualTo(before);
    }

    @Test
    void shouldRunEveryChannelForItsFixedNumberOfCycles() {
        final SimulatedFloor floor = new SimulatedFloor(smallFloor(), Pacing.runToCompletion(SIM_START_MS));
        final RecordingSink sink = new RecordingSink();
        while (floor.poll(sink)) {
            // drain
        }

        assertThat(floor.truth().values()).allSatisfy(t -> assertThat(t.cycles()).hasSize(3));
    }

    @Test
    void shouldEmitNothingAheadOfTheClockWhenPaced() {
        final AtomicLong wall = new AtomicLong(5_000L);
        final double speedUp = 600.0;
        final SimulatedFloor floor = new SimulatedFloor(smallFloor(), Pacing.paced(wall::get, SIM_START_MS, speedUp));
        final List<String> ahead = new ArrayList<>();
        final long[] emitted = {0};
        final FloorSink sink = new FloorSink() {
            @Override
            public void accept(final String channelId, final Sample sample) {
                emitted[0]++;
                final long horizon = SIM_START_MS + (long) (speedUp * (wall.get() - 5_000L));
                if (sample.timeMs() > horizon) {
                    ahead.add(channelId + "@" + sample.timeMs() + " > " + horizon);
                }
            }

            @Override
            public void endOfTest(final String channelId) {
            }
        };

        floor.poll(sink);
        final long atStart = emitted[0];
        for (int second = 0; second < 60; second++) {
            wall.addAndGet(1_000L);
            floor.poll(sink);
        }

        assertThat(atStart).isEqualTo(floor.channels().size()); // only each channel's first point, at sim start
        assertThat(emitted[0]).isGreaterThan(1_000L);
        assertThat(ahead).isEmpty();
    }

    @Test
    void shouldStartSimulatedTimeAtTheInjectedClockAndStandStillWhileItDoes() {
        final Clock frozen = Clock.fixed(Instant.parse("2025-03-01T08:00:00Z"), ZoneOffset.UTC);
        final SimulatedFloor floor = new SimulatedFloor(smallFloor(), Pacing.paced(frozen, 600.0));
        final RecordingSink sink = new RecordingSink();

        floor.poll(sink);
        floor.poll(sink);

        assertThat(sink.samples).isEqualTo(floor.channels().size());
        assertThat(sink.lastSample.values())
                .allSatisfy(s -> assertThat(s.timeMs()).isEqualTo(frozen.millis()));
    }

    @Test
    void shouldCatchUpAfterTheClockJumpsWithoutExceedingThePerPollCap() {
        final AtomicLong wall = new AtomicLong(0L);
        final Pacing pacing = Pacing.paced(wall::get, SIM_START_MS, 600.0).withMaxSamplesPerPoll(500);
        final SimulatedFloor floor = new SimulatedFloor(smallFloor(), pacing);
        final RecordingSink sink = new RecordingSink();

        wall.set(3_600_000L);
        final List<Long> perPoll = new ArrayList<>();
        while (floor.poll(sink)) {
            perPoll.add(sink.takePollCount());
        }

        assertThat(perPoll).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(500L));
        assertThat(sink.ended).hasSize(12);
    }

    @Test
    void shouldEmitTheSameSamplesPerChannelAsAStandaloneSimulator() {
        final FloorPlan plan = smallFloor();
        final SimulatedFloor floor = new SimulatedFloor(plan, Pacing.runToCompletion(SIM_START_MS)
                .withMaxSamplesPerPoll(1_000));
        final ChannelPlan channel = plan.channels().get(3);
        final List<Sample> fromFloor = new ArrayList<>();
        final FloorSink sink = new FloorSink() {
            @Override
            public void accept(final String channelId, final Sample sample) {
                if (channelId.equals(channel.info().channelId())) {
                    fromFloor.add(sample);
                }
            }

            @Override
            public void endOfTest(final String channelId) {
            }
        };
        while (floor.poll(sink)) {
            // drain
        }

        final CellSimulator alone = new CellSimulator(channel.config(), SIM_START_MS);
        final List<Sample> standalone = new ArrayList<>();
        while (alone.hasNext()) {
            standalone.add(alone.next());
        }
        assertThat(fromFloor).isEqualTo(standalone);
        assertThat(floor.truth(channel.info().channelId()).cycles()).isEqualTo(alone.truth());
    }

    @Test
    void shouldBuildTheDemoFloorWithAMixOfCellsAndAFewEarlyBreakdowns() {
        final FloorPlan demo = FloorPlan.demo();
        final Map<CellKind, Long> kinds = demo.channels().stream()
                .collect(Collectors.groupingBy(c -> c.info().cell().kind(), Collectors.counting()));
        final long stations = demo.channels().stream().map(c -> c.info().stationId()).distinct().count();
        final long earlyBreakdowns = demo.channels().stream()
                .filter(c -> c.config().injections().stream().anyMatch(i -> breakdown(i) && i.cycle() <= 10))
                .count();

        assertThat(demo.channels()).hasSize(64);
        assertThat(stations).isEqualTo(4);
        assertThat(kinds.get(CellKind.ASYMMETRIC)).isGreaterThanOrEqualTo(40L);
        assertThat(kinds.get(CellKind.SYMMETRIC)).isGreaterThanOrEqualTo(8L);
        assertThat(kinds.get(CellKind.FULL)).isGreaterThanOrEqualTo(6L);
        assertThat(earlyBreakdowns).isBetween(3L, 5L);
        assertThat(demo.channels()).allSatisfy(c -> assertThat(c.info().cell()).isEqualTo(c.config().spec()));
        assertThat(demo.channels().stream().map(c -> c.info().cell().electrolyte()).distinct())
                .contains("LPSC", "LPS", "LGPS", "Li3YCl6");
        assertThat(demo.channels().stream().map(c -> c.info().cell().collector()).distinct())
                .contains("SS", "Cu", "C@Cu", "Au@Cu");
    }

    @Test
    void shouldShowADemoCycleEveryFewSecondsAtSpeedUp600() {
        final ChannelTruth lpscOnSs = runToEnd(FloorPlan.builder().cycles(3).build()).truth("st1-ch01");
        final TruthCycle second = lpscOnSs.cycles().get(1);
        final long cycleMs = lpscOnSs.cycles().get(2).first().startMs() - second.first().startMs();

        assertThat(cycleMs / 600.0).isBetween(1_000.0, 10_000.0);
    }

    @Test
    void shouldMatchEveryHalfCycleOfTheDemoFloorByTrapezoidalCoulombCounting() {
        final FloorPlan plan = FloorPlan.builder().cycles(12).build();
        final SimulatedFloor floor = new SimulatedFloor(plan, Pacing.runToCompletion(SIM_START_MS));
        final RecordingSink sink = new RecordingSink();
        while (floor.poll(sink)) {
            // drain
        }

        int compared = 0;
        for (final ChannelTruth truth : floor.truth().values()) {
            final List<Double> counted = sink.halfCapacitiesAh.get(truth.channelId());
            final List<TruthHalfCycle> halves = new ArrayList<>();
            truth.cycles().forEach(c -> {
                halves.add(c.first());
                halves.add(c.second());
            });
            assertThat(counted).as(truth.channelId()).hasSize(halves.size());
            for (int k = 0; k < halves.size(); k++) {
                final TruthHalfCycle half = halves.get(k);
                if (overlapsGap(truth, half)) {
                    continue; // a logging gap over a step end is the confounder, not a simulator error
                }
                assertThat(counted.get(k)).as("%s half %d", truth.channelId(), k)
                        .isCloseTo(half.capacityAh(), within(half.capacityAh() * 0.0005));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(64 * 12 * 2 - 4);
        assertThat(sink.violations).isEmpty();
    }

    private static boolean overlapsGap(final ChannelTruth truth, final TruthHalfCycle half) {
        return truth.events().stream().anyMatch(e -> e.type() == EventType.LOGGING_GAP
                && e.startMs() <= half.endMs() && e.endMs() >= half.startMs());
    }

    private static boolean breakdown(final Injection injection) {
        return injection instanceof Injection.SoftShort || injection instanceof Injection.Leakage
                || injection instanceof Injection.Fluctuation || injection instanceof Injection.HardShort;
    }

    private static SimulatedFloor runToEnd(final FloorPlan plan) {
        final SimulatedFloor floor = new SimulatedFloor(plan, Pacing.runToCompletion(SIM_START_MS));
        final RecordingSink sink = new RecordingSink();
        while (floor.poll(sink)) {
            // drain
        }
        return floor;
    }
}
