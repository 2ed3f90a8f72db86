package io.cellfloor.sim;

import io.cellfloor.domain.CeDirection;
import io.cellfloor.domain.CellKind;
import io.cellfloor.domain.CellSpec;
import io.cellfloor.domain.Sample;
import java.util.ArrayList;
import java.util.List;

/** Cells, runs and a reference coulomb counter shared by the simulator tests. */
final class SimFixtures {
    static final long START_MS = 1_700_000_000_000L;

    private SimFixtures() {
    }

    /** Li/LPSC/SS at 1 mA/cm2, 0.2 mAh/cm2: 12-minute plating, cut-off 1.5 V. */
    static CellSpec lpscOnSs() {
        return asymmetric("LPSC", "SS", 1.0, 0.2, 1.5);
    }

    static CellSpec asymmetric(final String sse, final String cc, final double currentDensity,
            final double arealCapacity, final double cutoffHigh) {
        return new CellSpec(CellKind.ASYMMETRIC, CellSpec.PELLET_AREA_CM2, sse, cc, currentDensity, arealCapacity,
                -0.5, cutoffHigh, 100, CeDirection.CHARGE_OVER_DISCHARGE, null);
    }

    static CellSpec symmetric() {
        return new CellSpec(CellKind.SYMMETRIC, CellSpec.PELLET_AREA_CM2, "LPSC", "Li", 1.0, 0.2, -1.0, 1.0, 100,
                CeDirection.CHARGE_OVER_DISCHARGE, null);
    }

    static CellSpec full() {
        return new CellSpec(CellKind.FULL, CellSpec.PELLET_AREA_CM2, "LPSC", "NCM811|Li-In", 2.0, 0.5, 3.0, 4.2, 100,
                CeDirection.DISCHARGE_OVER_CHARGE, null);
    }

    static SimulatorConfig.Builder config(final CellSpec spec) {
        return SimulatorConfig.builder(spec).seed(11).cycles(5);
    }

    /** Runs a simulator to the end. */
    static Run run(final SimulatorConfig config) {
        final CellSimulator simulator = new CellSimulator(config, START_MS);
        final List<Sample> samples = new ArrayList<>();
        while (simulator.hasNext()) {
            samples.add(simulator.next());
        }
        return new Run(samples, simulator.truth(), simulator.events());
    }

    /** The samples of one run with its truth. */
    record Run(List<Sample> samples, List<TruthCycle> truth, List<InjectedEvent> events) {

        List<Sample> within(final long fromMs, final long toMs) {
            final List<Sample> out = new ArrayList<>();
            for (final Sample s : samples) {
                if (s.timeMs() >= fromMs && s.timeMs() <= toMs) {
                    out.add(s);
                }
            }
            return out;
        }

        List<Sample> of(final TruthHalfCycle half) {
            return within(half.startMs(), half.endMs());
        }

        TruthCycle cycle(final int n) {
            return truth.get(n - 1);
        }
    }

    /** Trapezoidal coulomb count of |I| over consecutive samples, in Ah. */
    static double trapezoidAh(final List<Sample> samples) {
        double ah = 0;
        for (int k = 1; k < samples.size(); k++) {
            final Sample a = samples.get(k - 1);
            final Sample b = samples.get(k);
            ah += 0.5 * (Math.abs(a.currentA()) + Math.abs(b.currentA())) * (b.timeMs() - a.timeMs()) / 3_600_000.0;
        }
        return ah;
    }

    static double median(final List<Sample> samples) {
        final double[] v = samples.stream().mapToDouble(Sample::voltageV).sorted().toArray();
        return v[v.length / 2];
    }

    static double min(final List<Sample> samples) {
        return samples.stream().mapToDouble(Sample::voltageV).min().orElseThrow();
    }

    static double max(final List<Sample> samples) {
        return samples.stream().mapToDouble(Sample::voltageV).max().orElseThrow();
    }

    static Sample last(final List<Sample> samples) {
        return samples.get(samples.size() - 1);
    }
}
