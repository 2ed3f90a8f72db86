package io.cellfloor.sim.detect;

import io.cellfloor.domain.CellKind;
import io.cellfloor.domain.Direction;
import io.cellfloor.sim.CeTrajectory;
import io.cellfloor.sim.CellModel;
import io.cellfloor.sim.Injection;
import io.cellfloor.sim.SamplingConfig;
import io.cellfloor.sim.Scenarios;
import io.cellfloor.sim.SimulatorConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The labelled scenario suite of the detection-quality benchmark, derived from a seed: for every kind of cell, every
 * breakdown signature and every confounder that must raise nothing, on several logging intervals and noise levels.
 * {@code repeats} copies of each combination with different draws make the suite as large as wanted.
 */
final class ScenarioSuite {
    static final List<SamplingConfig> SAMPLINGS = List.of(
            SamplingConfig.typical().withIntervalMs(1_000),
            SamplingConfig.typical().withIntervalMs(5_000),
            SamplingConfig.typical(),
            SamplingConfig.typical().withIntervalMs(30_000),
            SamplingConfig.typical().withIntervalMs(60_000).timeOnly(),
            SamplingConfig.typical().withNoise(0.0001, 1e-4),
            SamplingConfig.typical().withNoise(0.001, 1e-4),
            SamplingConfig.typical().withIntervalMs(60_000).withNoise(0.001, 1e-4));

    private static final String[] ASYMMETRIC = {"healthy", "current change", "logging gap", "drift up", "drift down",
        "soft short", "fluctuation", "leak", "leak over 100 %", "leak to the time limit", "hard short", "paper story",
        "over-current story", "recoverable then short"};
    private static final String[] SYMMETRIC = {"healthy", "current change", "logging gap", "drift up", "soft short",
        "fluctuation", "hard short", "hidden story"};
    private static final String[] FULL = {"healthy", "current change", "logging gap", "soft short", "fluctuation",
        "leak", "hard short"};
    private static final int CYCLES = 14;
    private static final int STORY_CYCLES = 18;

    private ScenarioSuite() {
    }

    static List<Scenario> generate(final long seed, final int repeats) {
        final SplittableRandom rng = new SplittableRandom(seed);
        final List<Scenario> out = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            add(out, Cells.ASYMMETRIC, ASYMMETRIC, rng);
            add(out, Cells.SYMMETRIC, SYMMETRIC, rng);
            add(out, Cells.FULL, FULL, rng);
        }
        return out;
    }

    private static void add(final List<Scenario> out, final List<Cells.Cell> cells, final String[] kinds,
                            final SplittableRandom rng) {
        for (final String kind : kinds) {
            for (final Cells.Cell cell : cells) {
                final SamplingConfig sampling = SAMPLINGS.get(rng.nextInt(SAMPLINGS.size()));
                final SimulatorConfig.Builder b = SimulatorConfig.builder(cell.spec()).seed(rng.nextLong())
                        .cycles(kind.endsWith("story") || kind.endsWith("short") ? STORY_CYCLES : CYCLES)
                        .sampling(sampling).inject(cell.normal());
                final boolean breakdown = inject(kind, cell, b, rng);
                out.add(new Scenario(cell.name() + " " + kind + " @" + sampling.intervalMs() / 1000 + "s/"
                        + Math.round(sampling.voltageNoiseV() * 1e4) / 10.0 + "mV", kind, breakdown, b.build()));
            }
        }
    }

    /** Adds the scenario's injections; returns whether it is a breakdown scenario. */
    private static boolean inject(final String kind, final Cells.Cell cell, final SimulatorConfig.Builder b,
                                  final SplittableRandom rng) {
        final CellKind cellKind = cell.spec().kind();
        final int at = 3 + rng.nextInt(8);
        switch (kind) {
            case "healthy":
                return false;
            case "current change":
                b.inject(new Injection.CurrentChange(4 + rng.nextInt(5), rng.nextBoolean() ? 2.0 : 0.5));
                return false;
            case "logging gap":
                b.inject(new Injection.LoggingGap(at, rng.nextBoolean() ? Direction.CHARGE : Direction.DISCHARGE,
                        0.1 + 0.7 * rng.nextDouble(), 600_000 + rng.nextLong(1_200_000)));
                return false;
            case "drift up":
            case "drift down":
                b.model(withGrowth(CellModel.typical(cell.spec()), kind.equals("drift up") ? 0.03 : -0.02));
                return false;
            case "soft short":
                final Direction half = cellKind == CellKind.FULL || rng.nextInt(4) == 0 ? Direction.CHARGE
                        : Direction.DISCHARGE;
                b.inject(new Injection.SoftShort(at, half, 0.2 + 0.5 * rng.nextDouble(), 20_000 + rng.nextLong(160_000),
                        0.5 + 0.4 * rng.nextDouble(), rng.nextInt(5) > 0));
                return true;
            case "fluctuation":
                b.inject(new Injection.Fluctuation(at, rng.nextBoolean() ? Direction.CHARGE : Direction.DISCHARGE,
                        3 + rng.nextInt(8), 0.5 + 0.3 * rng.nextDouble()));
                return true;
            case "leak":
                b.inject(new Injection.Leakage(at, cellKind == CellKind.FULL ? 88 + 9 * rng.nextDouble()
                        : CeTrajectory.typical(cell.spec()).meanPct(at) + 8 + 22 * rng.nextDouble()));
                return true;
            case "leak over 100 %":
                b.inject(new Injection.Leakage(at, 105 + 55 * rng.nextDouble()));
                return true;
            case "leak to the time limit":
                b.inject(new Injection.Leakage(at, Double.POSITIVE_INFINITY));
                return true;
            case "hard short":
                b.inject(new Injection.HardShort(at, 0.2 + 0.6 * rng.nextDouble(), 2 + 18 * rng.nextDouble()));
                return true;
            case "paper story":
                b.inject(Scenarios.paperLpscStory(3 + rng.nextInt(4)));
                return true;
            case "over-current story":
                b.inject(Scenarios.overCurrent(3 + rng.nextInt(4)));
                return true;
            case "recoverable then short":
                final int first = 3 + rng.nextInt(4);
                b.inject(Scenarios.recoverableSoftShorts(first, 3, 2));
                b.inject(Scenarios.suddenHardShort(first + 7, 12.0));
                return true;
            case "hidden story":
                b.inject(Scenarios.symmetricHidden(3 + rng.nextInt(4)));
                return true;
            default:
                throw new IllegalArgumentException("unknown scenario kind " + kind);
        }
    }

    private static CellModel withGrowth(final CellModel m, final double growthPerCycle) {
        return new CellModel(m.ohmicAsrOhmCm2(), m.polarisationV(), m.polAsrOhmCm2(), m.nucleationV(),
                m.nucleationLateFraction(), m.nucleationTauMs(), m.settleTauMs(), m.driftWithinHalf(), growthPerCycle,
                m.restMs(), m.initialRestMs(), m.freshOcvV(), m.cutoffRelaxFraction(), m.relaxTauMs(),
                m.maxStripFactor(), m.fadePerCycle());
    }
}
