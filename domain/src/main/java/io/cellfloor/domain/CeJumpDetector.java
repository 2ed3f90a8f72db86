package io.cellfloor.domain;

import java.util.Arrays;
import java.util.Map;

/**
 * CE jump (SCIENCE.md): the cycle's CE departs abruptly from the channel's recent baseline, or a Li/SSE/CC cell
 * strips more than it plated. The baseline is the channel's recent level and local trend (medians of its last
 * healthy cycles), so a CE that falls steadily over the first cycles (LPSC on SS, 65.1 %
 * to 56.3 %), settles exponentially (bare Cu) or rises (LGPS) is followed rather than flagged; the threshold is a
 * multiple of the channel's robust cycle-to-cycle scatter, never below the floors of {@link CeRules}.
 */
final class CeJumpDetector {
    private static final double MAD_TO_SIGMA = 1.4826;

    private CeJumpDetector() {
    }

    /**
     * @param kind        the cell's kind, or null when unknown
     * @param firstCycle  whether this is the channel's first complete cycle (interphase formation, alloying)
     * @param chargeEnd   how the charge half (the strip of a Li/SSE/CC cell) ended
     * @return the jump, or null
     */
    static BreakdownEvent judge(final int cycleNumber, final long startMs, final long endMs, final double cePercent,
                                final CellKind kind, final boolean firstCycle, final EndReason chargeEnd,
                                final CeHistory history, final CeRules rules) {
        return judge(cycleNumber, startMs, endMs, cePercent, kind, firstCycle, chargeEnd, history, rules, false);
    }

    /**
     * As above; {@code currentStep}: this cycle runs at a new current and {@code history} was learnt at the old one,
     * so the threshold is widened by {@link CeRules#currentStepAllowancePct()} (the shift a change of current alone
     * can cause).
     */
    static BreakdownEvent judge(final int cycleNumber, final long startMs, final long endMs, final double cePercent,
                                final CellKind kind, final boolean firstCycle, final EndReason chargeEnd,
                                final CeHistory history, final CeRules rules, final boolean currentStep) {
        if (!Double.isFinite(cePercent)) {
            return null; // CE not measured: a half is missing, incomplete or cut by a logging gap
        }
        if (kind == CellKind.SYMMETRIC) {
            return null; // Li/Li: both halves are time-limited, CE is 100 % by construction
        }
        final boolean alloying = firstCycle && chargeEnd == EndReason.CUTOFF && cePercent <= rules.firstCycleMaxPct();
        if (kind == CellKind.ASYMMETRIC && cePercent > rules.plausibleMaxPct() && !alloying) {
            return absolute(cycleNumber, startMs, endMs, cePercent, chargeEnd, "plausibleMaxPercent",
                    rules.plausibleMaxPct()); // more Li stripped than plated: charge went through a leak
        }
        if (kind == CellKind.ASYMMETRIC && cePercent > 100.0 && chargeEnd != EndReason.CUTOFF) {
            return absolute(cycleNumber, startMs, endMs, cePercent, chargeEnd, "plausibleMaxPercent", 100.0);
            // over 100 % and the strip never reached the cut-off: the Li ran out into a leak
        }
        if (firstCycle) {
            return null; // the first cycle's CE is set by interphase formation or alloying, not by breakdown
        }
        if (history.size() < rules.minHistory()) {
            return null; // too few healthy cycles for a baseline
        }
        final boolean full = kind == CellKind.FULL;
        final double[] line = fit(history, rules.trendCycles());
        final int lastCycle = history.cycle(history.size() - 1);
        final int ahead = Math.min(cycleNumber - lastCycle, rules.extrapolationCycles());
        final double trend = Math.max(0.0, line[0] + line[1] * ahead);
        final double last = history.ce(history.size() - 1);
        // the trend may explain a departure in its own direction, never manufacture one: a CE settling along a
        // curve departs from any straight extrapolation of it, always towards where it came from
        final double upFrom = Math.max(last, Math.max(line[0], trend));
        final double downFrom = Math.min(last, Math.min(line[0], trend));
        final double up = cePercent - upFrom;
        final double down = downFrom - cePercent;
        if (up <= 0 && down <= 0) {
            return null; // between where it came from and where its trend leads
        }
        final double deviation = up > 0 ? up : -down;
        final double predicted = up > 0 ? upFrom : downFrom;
        final double sigma = Math.max(line[2], full ? rules.fullMinSigmaPct() : rules.minSigmaPct())
                * uncertainty(history.size(), Math.min(history.size(), rules.trendCycles()) - 1, ahead);
        final double threshold = Math.max(full ? rules.fullFloorPct() : rules.floorPct(), rules.jumpSigmas() * sigma)
                + (currentStep ? rules.currentStepAllowancePct() : 0);
        if (Math.abs(deviation) <= threshold) {
            return null; // within the channel's own scatter around its level and trend
        }
        return new BreakdownEvent(BreakdownType.CE_JUMP, cycleNumber, null, startMs, endMs,
                Math.min(1.0, Math.abs(deviation) / (3 * threshold)), false, Map.of(
                        "cePercent", cePercent,
                        "baselinePercent", predicted,
                        "deviationPoints", deviation,
                        "thresholdPoints", threshold,
                        "scatterPoints", sigma,
                        "baselineCycles", (double) history.size(),
                        "currentStep", currentStep ? 1.0 : 0.0));
    }

    private static BreakdownEvent absolute(final int cycleNumber, final long startMs, final long endMs,
                                           final double cePercent, final EndReason chargeEnd, final String limitName,
                                           final double limit) {
        return new BreakdownEvent(BreakdownType.CE_JUMP, cycleNumber, null, startMs, endMs,
                Math.min(1.0, (cePercent - 100.0) / 50.0 + 0.5), false, Map.of(
                        "cePercent", cePercent,
                        limitName, limit,
                        "strippingReachedCutoff", chargeEnd == EndReason.CUTOFF ? 1.0 : 0.0));
    }

    /**
     * How much wider than the cycle-to-cycle scatter the spread of a new CE around the prediction is: the new cycle's
     * own scatter, the level's (a median of up to three: 1.57 / n) and the trend's over {@code ahead} cycles (a
     * median of k cycle-to-cycle slopes, each of variance 2): the trend is uncertain whichever way the test looks.
     */
    static double uncertainty(final int entries, final int slopes, final int ahead) {
        final double level = 1.57 / Math.min(3, entries);
        final double trend = slopes < 1 ? 0 : ahead * ahead * 3.14 / slopes;
        return Math.sqrt(1 + level + trend);
    }

    /**
     * {level at the last entry's cycle, slope, robust sigma}. The slope is the median of the consecutive slopes among
     * the last {@code trendCycles} entries, the level the median of the last three entries carried forward along it:
     * local, so that a CE settling exponentially is followed, and robust to one odd cycle among them.
     */
    static double[] fit(final CeHistory h, final int trendCycles) {
        final int n = h.size();
        final int from = Math.max(0, n - trendCycles);
        final double[] work = new double[Math.max(3, n)];
        int m = 0;
        for (int i = from; i + 1 < n; i++) {
            work[m++] = (h.ce(i + 1) - h.ce(i)) / (h.cycle(i + 1) - h.cycle(i));
        }
        final double slope = m == 0 ? 0 : median(work, m);
        final int last = h.cycle(n - 1);
        int k = 0;
        for (int i = Math.max(0, n - 3); i < n; i++) {
            work[k++] = h.ce(i) + slope * (last - h.cycle(i));
        }
        return new double[] {median(work, k), slope, secondDifferenceSigma(h)};
    }

    /** 1.4826 x MAD of the second differences / sqrt 6: white-noise sigma, blind to a trend and its curvature. */
    private static double secondDifferenceSigma(final CeHistory h) {
        final int n = h.size() - 2;
        if (n < 1) {
            return 0;
        }
        final double[] d2 = new double[n];
        for (int i = 0; i < n; i++) {
            d2[i] = h.ce(i + 2) - 2 * h.ce(i + 1) + h.ce(i);
        }
        final double mid = median(d2.clone(), n);
        for (int i = 0; i < n; i++) {
            d2[i] = Math.abs(d2[i] - mid);
        }
        return MAD_TO_SIGMA * median(d2, n) / Math.sqrt(6.0);
    }

    private static double median(final double[] values, final int n) {
        Arrays.sort(values, 0, n);
        return (n & 1) == 1 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
    }
}
