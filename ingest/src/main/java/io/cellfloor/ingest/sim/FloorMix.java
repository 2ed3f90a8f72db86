package io.cellfloor.ingest.sim;

import io.cellfloor.domain.CeDirection;
import io.cellfloor.domain.CellKind;
import io.cellfloor.domain.CellSpec;
import io.cellfloor.domain.Direction;
import io.cellfloor.ingest.ChannelInfo;
import java.util.ArrayList;
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

    /** The cells of the floor, cycled through by channel position (11 asymmetric, 3 symmetric, 2 full per 16). */
    private static final Cell[] CELLS = {
        new Cell(CellKind.ASYMMETRIC, "LPSC", "SS", 1.0, 0.2, 1.5),
        new Cell(CellKind.ASYMMETRIC, "LPSC", "Cu", 0.5, 0.1, 1.5),
        new Cell(CellKind.ASYMMETRIC, "LPSC", "C@Cu", 1.0, 0.2, 1.5),
        new Cell(CellKind.ASYMMETRIC, "LPSC", "Au@Cu", 1.0, 0.2, 1.5),
        new Cell(CellKind.SYMMETRIC, "LPSC", "Li", 1.0, 0.2, 1.5),
        new Cell(CellKind.ASYMMETRIC, "LPS", "SS", 2.0, 0.5, 1.5),
        new Cell(CellKind.ASYMMETRIC, "LGPS", "SS", 1.0, 0.2, 1.5),
        new Cell(CellKind.FULL, "LPSC", "NCM811|Li-In", 2.0, 0.5, 4.2),
        new Cell(CellKind.ASYMMETRIC, "LPS", "C@Cu", 1.0, 0.3, 1.5),
        new Cell(CellKind.ASYMMETRIC, "Li3YCl6", "SS", 0.5, 0.1, 1.5),
        new Cell(CellKind.SYMMETRIC, "LGPS", "Li", 0.5, 0.2, 1.5),
        new Cell(CellKind.ASYMMETRIC, "LPSC", "SS", 0.1, 0.1, 1.5),
        new Cell(CellKind.ASYMMETRIC, "Li3N", "SS", 0.3, 0.1, 0.5),
        new Cell(CellKind.ASYMMETRIC, "LPSC", "SS", 0.5, 0.1, 0.1),
        new Cell(CellKind.SYMMETRIC, "LPS", "Li", 2.0, 0.5, 1.5),
        new Cell(CellKind.FULL, "LPSC", "NCM622|Li-In", 1.0, 0.25, 4.2),
    };

    List<ChannelPlan> channels() {
        final SplittableRandom rng = new SplittableRandom(seed);
        final int n = stations * perStation;
        final int[] breakdownAt = chooseBreakdowns(n, rng);
        final int currentChangeAt = pickHealthy(n, breakdownAt, rng, CellKind.ASYMMETRIC);
        final int gapAt = pickHealthy(n, breakdownAt, rng, null);
        final List<ChannelPlan> out = new ArrayList<>(n);
        int story = 0;
        for (int i = 0; i < n; i++) {
            final int station = i / perStation + 1;
            final int slot = i % perStation + 1;
            final Cell cell = CELLS[i % CELLS.length];
            final CellSpec spec = cell.spec(PRESSURES_MPA[rng.nextInt(PRESSURES_MPA.length)]);
            final SimulatorConfig.Builder config = SimulatorConfig.builder(spec).seed(rng.nextLong()).cycles(cycles)
                    .sampling(samplingFor(station, rng)).inject(cell.confounders());
            if (contains(breakdownAt, i)) {
                config.inject(story(cell, story++, 2 + rng.nextInt(5)));
            }
            if (i == currentChangeAt) {
                config.inject(new Injection.CurrentChange(Math.min(cycles, 5), 2.0));
            }
            if (i == gapAt) {
                config.inject(new Injection.LoggingGap(Math.min(cycles, 3), Direction.CHARGE, 0.3, 600_000));
            }
            final String id = String.format("st%d-ch%02d", station, slot);
            out.add(new ChannelPlan(new ChannelInfo("station-" + station, id, "sim-" + seed + "-" + id, spec),
                    config.build()));
        }
        return out;
    }

    /** Breakdown stories go to Li/SSE/CC and Li/SSE/Li cells, spread over the floor. */
    private int[] chooseBreakdowns(final int n, final SplittableRandom rng) {
        final List<Integer> eligible = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (CELLS[i % CELLS.length].kind != CellKind.FULL) {
                eligible.add(i);
            }
        }
        final int count = Math.min(breakdowns, eligible.size());
        final int[] chosen = new int[count];
        for (int k = 0; k < count; k++) {
            chosen[k] = eligible.remove(rng.nextInt(eligible.size()));
        }
        return chosen;
    }

    private static int pickHealthy(final int n, final int[] taken, final SplittableRandom rng, final CellKind kind) {
        for (int attempt = 0; attempt < 4 * n; attempt++) {
            final int i = rng.nextInt(n);
            if (!contains(taken, i) && (kind == null || CELLS[i % CELLS.length].kind == kind)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean contains(final int[] values, final int value) {
        for (final int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    private List<Injection> story(final Cell cell, final int index, final int first) {
        if (cell.kind == CellKind.SYMMETRIC) {
            return Scenarios.symmetricHidden(first);
        }
        final int kind = index % 4;
        if (kind == 0) {
            return Scenarios.paperLpscStory(first);
        }
        if (kind == 1) {
            return Scenarios.overCurrent(first + 2);
        }
        if (kind == 2) {
            final List<Injection> out = new ArrayList<>(Scenarios.recoverableSoftShorts(first, 3, 2));
            out.addAll(Scenarios.suddenHardShort(first + 7, 12.0));
            return out;
        }
        return Scenarios.suddenHardShort(first + 3, 5.0);
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

    /** A cell type of the mix. */
    private static final class Cell {
        final CellKind kind;
        final String electrolyte;
        final String collector;
        final double currentDensity;
        final double arealCapacity;
        final double cutoffHigh;

        Cell(final CellKind kind, final String electrolyte, final String collector, final double currentDensity,
                final double arealCapacity, final double cutoffHigh) {
            this.kind = kind;
            this.electrolyte = electrolyte;
            this.collector = collector;
            this.currentDensity = currentDensity;
            this.arealCapacity = arealCapacity;
            this.cutoffHigh = cutoffHigh;
        }

        CellSpec spec(final double pressure) {
            final boolean full = kind == CellKind.FULL;
            final double low = full ? 3.0 : kind == CellKind.SYMMETRIC ? -1.0 : -0.5;
            final double high = kind == CellKind.SYMMETRIC ? 1.0 : cutoffHigh;
            return new CellSpec(kind, CellSpec.PELLET_AREA_CM2, electrolyte, collector, currentDensity,
                    arealCapacity, low, high, pressure,
                    full ? CeDirection.DISCHARGE_OVER_CHARGE : CeDirection.CHARGE_OVER_DISCHARGE, null);
        }

        /** Normal first cycles that look abnormal: interphase formation (LGPS, Li3YCl6), Li-Au alloying. */
        List<Injection> confounders() {
            if (kind != CellKind.ASYMMETRIC) {
                return List.of();
            }
            switch (electrolyte + "/" + collector) {
                case "LGPS/SS":
                    return List.of(new Injection.FirstCycleCe(1.39));
                case "Li3YCl6/SS":
                    return List.of(new Injection.FirstCycleCe(20.0));
                case "LPSC/Au@Cu":
                    return List.of(new Injection.FirstCycleCe(100.76));
                default:
                    return List.of();
            }
        }
    }
}
