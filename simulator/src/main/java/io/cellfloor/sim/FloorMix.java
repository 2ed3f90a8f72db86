package io.cellfloor.sim;

import io.cellfloor.domain.CellKind;
import io.cellfloor.domain.CellSpec;
import io.cellfloor.domain.Direction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Derives a realistic floor from a seed: which cell sits on which channel, how each channel logs, which ones break
 * down (and how) and which carry the confounders a detector must not flag.
 */
final class FloorMix {
    private static final double[] PRESSURES_MPA = {10, 50, 75, 100, 120, 250, 380};
    private static final long[] INTERVALS_MS = {1_000, 5_000, 5_000, 10_000, 10_000, 10_000, 30_000, 60_000};

    private final long seed;
    private final int stations;
    private final int perStation;
    private final int cycles;
    private final int breakdowns;
    private final SamplingConfig sampling;

    FloorMix(final long seed, final int stations, final int perStation, final int cycles, final int breakdowns,
            final SamplingConfig sampling) {
        this.seed = seed;
        this.stations = stations;
        this.perStation = perStation;
        this.cycles = cycles;
        this.breakdowns = breakdowns;
        this.sampling = sampling;
    }

    List<ChannelPlan> channels() {
        final SplittableRandom rng = new SplittableRandom(seed);
        final int n = stations * perStation;
        final int[] breakdownAt = chooseBreakdowns(n, rng);
        final int currentChangeAt = pickHealthy(n, breakdownAt, rng, CellKind.ASYMMETRIC);
        final int gapAt = pickHealthy(n, breakdownAt, rng, null);
        final List<ChannelPlan> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            final int station = i / perStation + 1;
            final int slot = i % perStation + 1;
            final FloorCell cell = FloorCell.MIX[i % FloorCell.MIX.length];
            final CellSpec spec = cell.spec(PRESSURES_MPA[rng.nextInt(PRESSURES_MPA.length)]);
            final SimulatorConfig.Builder config = SimulatorConfig.builder(spec).seed(rng.nextLong()).cycles(cycles)
                    .sampling(samplingFor(station, rng)).inject(cell.confounders());
            final int storyIndex = indexOf(breakdownAt, i);
            if (storyIndex >= 0) {
                final BreakdownStory story = BreakdownStory.values()[storyIndex % BreakdownStory.values().length];
                config.inject(story.suits(cell) ? story.injections(2 + rng.nextInt(5))
                        : BreakdownStory.SUDDEN_HARD_SHORT.injections(2 + rng.nextInt(5)));
            }
            if (i == currentChangeAt) {
                config.inject(new Injection.CurrentChange(Math.min(cycles, 5), 2.0));
            }
            if (i == gapAt) {
                config.inject(new Injection.LoggingGap(Math.min(cycles, 3), Direction.CHARGE, 0.3, 600_000));
            }
            final String id = String.format("st%d-ch%02d", station, slot);
            out.add(new ChannelPlan(new SimulatedChannel("station-" + station, id, "sim-" + seed + "-" + id, spec),
                    config.build()));
        }
        return out;
    }

    /**
     * Which channel gets which breakdown story: story k goes to a random channel whose cell suits it (the paper's
     * LPSC story to an LPSC or LPS cell on SS, the hidden one to a symmetric cell), spread over the floor.
     */
    private int[] chooseBreakdowns(final int n, final SplittableRandom rng) {
        final int[] chosen = new int[breakdowns];
        Arrays.fill(chosen, -1);
        for (int k = 0; k < breakdowns; k++) {
            final BreakdownStory story = BreakdownStory.values()[k % BreakdownStory.values().length];
            List<Integer> candidates = candidates(n, chosen, story);
            if (candidates.isEmpty()) {
                candidates = candidates(n, chosen, BreakdownStory.SUDDEN_HARD_SHORT);
            }
            if (!candidates.isEmpty()) {
                chosen[k] = candidates.get(rng.nextInt(candidates.size()));
            }
        }
        return chosen;
    }

    private static List<Integer> candidates(final int n, final int[] taken, final BreakdownStory story) {
        final List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!contains(taken, i) && story.suits(FloorCell.MIX[i % FloorCell.MIX.length])) {
                out.add(i);
            }
        }
        return out;
    }

    private static int pickHealthy(final int n, final int[] taken, final SplittableRandom rng, final CellKind kind) {
        for (int attempt = 0; attempt < 4 * n; attempt++) {
            final int i = rng.nextInt(n);
            if (!contains(taken, i) && (kind == null || FloorCell.MIX[i % FloorCell.MIX.length].kind == kind)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean contains(final int[] values, final int value) {
        return indexOf(values, value) >= 0;
    }

    private static int indexOf(final int[] values, final int value) {
        for (int k = 0; k < values.length; k++) {
            if (values[k] == value) {
                return k;
            }
        }
        return -1;
    }

    /** Half the stations write cycler fields (indices, counters), half only time/current/voltage. */
    private SamplingConfig samplingFor(final int station, final SplittableRandom rng) {
        if (sampling != null) {
            return sampling;
        }
        final long interval = INTERVALS_MS[rng.nextInt(INTERVALS_MS.length)];
        final SamplingConfig base = SamplingConfig.typical().withIntervalMs(interval)
                .withCyclerFields(station % 2 == 1);
        // the once-a-minute labs log on time only: a brief soft short can fall between two points
        return interval >= 60_000 ? base.timeOnly() : base;
    }
}
