package io.cellfloor.sim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Disturbances laid over a step's voltage: each pulls V a fraction {@code depth} of the way to a target (0 V for
 * soft shorts and fluctuations, I x R_short for a hard short), switching on and off with first-order time
 * constants. Sorted by onset so that evaluation stops at the first one still in the future.
 */
final class Excursions {
    static final Excursions NONE = new Builder().build();

    private final long[] onsetMs;
    private final long[] endMs;
    private final double[] depth;
    private final double[] targetV;
    private final double[] invTauOn;
    private final double[] invTauOff;
    private final double[] weightAtEnd;
    private final boolean[] recovers;

    private Excursions(final List<Excursion> sorted) {
        final int n = sorted.size();
        onsetMs = new long[n];
        endMs = new long[n];
        depth = new double[n];
        targetV = new double[n];
        invTauOn = new double[n];
        invTauOff = new double[n];
        weightAtEnd = new double[n];
        recovers = new boolean[n];
        for (int i = 0; i < n; i++) {
            final Excursion e = sorted.get(i);
            onsetMs[i] = e.onsetMs;
            endMs[i] = e.endMs;
            depth[i] = e.depth;
            targetV[i] = e.targetV;
            invTauOn[i] = 1.0 / e.tauOnMs;
            invTauOff[i] = 1.0 / e.tauOffMs;
            weightAtEnd[i] = 1.0 - Math.exp(-(e.endMs - e.onsetMs) * invTauOn[i]);
            recovers[i] = e.recovers;
        }
    }

    boolean isEmpty() {
        return onsetMs.length == 0;
    }

    double apply(final long tMs, final double v) {
        double out = v;
        for (int i = 0; i < onsetMs.length; i++) {
            if (tMs < onsetMs[i]) {
                break;
            }
            final double w;
            if (tMs < endMs[i]) {
                final double x = (tMs - onsetMs[i]) * invTauOn[i];
                w = x > 36 ? 1.0 : 1.0 - Math.exp(-x);
            } else if (!recovers[i]) {
                w = weightAtEnd[i];
            } else {
                final double y = (tMs - endMs[i]) * invTauOff[i];
                if (y > 36) {
                    continue;
                }
                w = weightAtEnd[i] * Math.exp(-y);
            }
            out += w * depth[i] * (targetV[i] - out);
        }
        return out;
    }

    /** Collects excursions and the fast windows in which the cycler's dV trigger has to look closely. */
    static final class Builder {
        private final List<Excursion> items = new ArrayList<>();

        Builder add(final long onsetMs, final long endMs, final double depth, final double targetV,
                final long tauOnMs, final long tauOffMs, final boolean recovers, final FastWindows fast) {
            items.add(new Excursion(onsetMs, Math.max(onsetMs + 1, endMs), depth, targetV, tauOnMs, tauOffMs,
                    recovers));
            fast.add(onsetMs, onsetMs + 8 * tauOnMs, tauOnMs / 4);
            if (recovers) {
                fast.add(endMs, endMs + 8 * tauOffMs, tauOffMs / 4);
            }
            return this;
        }

        Excursions build() {
            items.sort(Comparator.comparingLong(e -> e.onsetMs));
            return new Excursions(items);
        }
    }

    private record Excursion(long onsetMs, long endMs, double depth, double targetV, long tauOnMs, long tauOffMs,
            boolean recovers) {
    }
}
