package io.cellfloor.bench.suite;

import java.util.ArrayList;
import java.util.List;

/**
 * A full cell (layered oxide against graphite) under CC-CV charge and CC discharge, with a capacity that fades
 * slowly and then faster after a knee, a resistance that grows with it, and a small share of the charge current
 * lost to side reactions. None of it is a breakdown: every label is STABLE, the knee cycles are confounders.
 */
final class FullChannel {
    private static final double TICK_S = 2.0;
    private static final double CV_V = 4.2;
    private static final double SIDE_REACTION = 0.003;

    private final Scenario s;
    private final ArbinLog log;
    private final int kneeCycle;
    private double t;
    private double v;
    private double q;

    FullChannel(final Scenario scenario, final ArbinLog log, final int kneeCycle) {
        this.s = scenario;
        this.log = log;
        this.kneeCycle = kneeCycle;
    }

    List<CycleLabel> run() {
        final List<CycleLabel> labels = new ArrayList<>();
        v = ocv(0);
        rest(1, 1, 600, 0);
        for (final CycleRecipe r : s.cycles()) {
            labels.add(cycle(r));
        }
        log.flushPending();
        return labels;
    }

    private CycleLabel cycle(final CycleRecipe r) {
        final int n = r.cycle();
        final double capacityC = s.arealCapacityMAhCm2() * s.areaCm2() * 3.6 * fade(n);
        final double currentA = r.currentDensityMAcm2() * s.areaCm2() / 1000.0;
        final double ohm = (0.05 / currentA) * (1 + 0.004 * n + (n > kneeCycle ? 0.03 * (n - kneeCycle) : 0));
        double charged = 0;
        double minV = Double.POSITIVE_INFINITY;
        double maxV = Double.NEGATIVE_INFINITY;
        while (true) {
            v = ocv(q / capacityC) + currentA * ohm;
            if (v >= CV_V) {
                break;
            }
            q += currentA * (1 - SIDE_REACTION) * TICK_S;
            charged += currentA * TICK_S;
            maxV = Math.max(maxV, v);
            emit(2, n, currentA);
        }
        while (true) {
            final double i = (CV_V - ocv(q / capacityC)) / ohm;
            if (i < currentA / 20) {
                break;
            }
            v = CV_V;
            q += i * (1 - SIDE_REACTION) * TICK_S;
            charged += i * TICK_S;
            maxV = Math.max(maxV, v);
            emit(3, n, i);
        }
        rest(4, n, 600, capacityC);
        double discharged = 0;
        while (true) {
            v = ocv(q / capacityC) - currentA * ohm;
            if (v <= s.cutoffLowV() || q <= 0) {
                break;
            }
            q -= currentA * TICK_S;
            discharged += currentA * TICK_S;
            minV = Math.min(minV, v);
            emit(5, n, -currentA);
        }
        rest(6, n, 600, capacityC);
        final String confounder = n > kneeCycle ? "capacity knee" : null;
        return new CycleLabel(n, false, List.of(), 0, "STABLE", confounder, 100.0 * discharged / charged,
                charged / 3.6, discharged / 3.6, "CUTOFF", r.currentDensityMAcm2(), Double.NaN, Double.NaN, minV,
                maxV);
    }

    private double fade(final int n) {
        final double past = Math.max(0, n - kneeCycle);
        return 1 - 0.001 * n - 0.0015 * Math.pow(past, 1.6);
    }

    private static double ocv(final double soc) {
        final double x = Math.max(0, Math.min(1.05, soc));
        return 3.05 + 0.95 * x + 0.18 * x * x * x - 0.3 * Math.exp(-x / 0.02);
    }

    private void rest(final int step, final int n, final double seconds, final double capacityC) {
        final double target = capacityC > 0 ? ocv(q / capacityC) : v;
        for (double tau = 0; tau < seconds; tau += TICK_S) {
            v = target + (v - target) * Math.exp(-TICK_S / 60.0);
            emit(step, n, 0);
        }
    }

    private void emit(final int step, final int cycle, final double currentA) {
        log.tick(t, step, cycle, currentA, v);
        t += TICK_S;
    }
}
