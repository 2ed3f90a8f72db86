package io.cellfloor.ingest.format;

import io.cellfloor.domain.Sample;
import java.util.ArrayList;
import java.util.List;

/**
 * One cycle of a read file as the cycler counts it (a run of one {@code cycleIndex}), with the instrument's
 * capacities summed by the rule documented on {@link Sample} beside a coulomb count of our own. This is the
 * reference the domain's per-cycle capacities must reproduce, and the rule cellpy, BEEP, NewareNDA and the NREL
 * summaries share: the cycler's cycle index, and the instrument's own counts summed over the cycle.
 *
 * <p>The coulomb count is the trapezoidal rule on |I| dt, each point's half of an interval going to its own
 * direction (|I| at or below a thousandth of the cycle's largest |I| is rest and counts nothing). Between two
 * points of one direction that is the plain trapezoid; across a step change it assumes the change halfway, since
 * a log does not say when it happened (Arbin logs a step's first point 5 s in, BioLogic up to 2 s after a point
 * 20 s later than the previous one, Maccor 0.03 s in).
 *
 * @param chargeAh the instrument's charge over the cycle: increments summed, the first sample counting from 0,
 *                 a drop taken as a restart from 0
 * @param chargeBeforeFirstAh the counter on the cycle's first sample: what the instrument had counted before
 *                            the file's first point of the cycle (large where the file starts inside a step)
 * @param countedChargeAh our own trapezoidal count of charging current over the cycle's samples
 * @param counterDrops how often a counter decreased inside the cycle (0 for a source that keeps the convention)
 */
record CycleTotals(int cycleIndex, int samples, double chargeAh, double dischargeAh, double chargeBeforeFirstAh,
                   double dischargeBeforeFirstAh, double countedChargeAh, double countedDischargeAh,
                   int counterDrops) {

    /** Below this fraction of the cycle's largest |I| a sample is taken as rest. */
    static final double DEAD_BAND = 1e-3;

    /** Splits samples into runs of one cycle index and totals each run. */
    static List<CycleTotals> of(final List<Sample> samples) {
        final List<CycleTotals> out = new ArrayList<>();
        int from = 0;
        for (int i = 1; i <= samples.size(); i++) {
            if (i == samples.size() || samples.get(i).cycleIndex() != samples.get(from).cycleIndex()) {
                out.add(total(samples.subList(from, i)));
                from = i;
            }
        }
        return out;
    }

    /** The instrument's charge from the cycle's first logged point on: what a coulomb count can be held to. */
    double loggedChargeAh() {
        return chargeAh - chargeBeforeFirstAh;
    }

    double loggedDischargeAh() {
        return dischargeAh - dischargeBeforeFirstAh;
    }

    /** (counted - instrument) / instrument over the logged part, NaN where the instrument counted nothing. */
    double chargeDifference() {
        return relative(countedChargeAh, loggedChargeAh());
    }

    double dischargeDifference() {
        return relative(countedDischargeAh, loggedDischargeAh());
    }

    private static double relative(final double counted, final double instrument) {
        return instrument > 1e-9 ? (counted - instrument) / instrument : Double.NaN;
    }

    private static CycleTotals total(final List<Sample> run) {
        double peak = 0;
        for (final Sample s : run) {
            peak = Math.max(peak, Math.abs(s.currentA()));
        }
        final double deadBand = DEAD_BAND * peak;
        final Counter charge = new Counter();
        final Counter discharge = new Counter();
        double chargeAs = 0;
        double dischargeAs = 0;
        for (int i = 0; i < run.size(); i++) {
            final Sample b = run.get(i);
            charge.take(b.chargeAh());
            discharge.take(b.dischargeAh());
            if (i == 0) {
                continue;
            }
            final Sample a = run.get(i - 1);
            final double seconds = (b.timeMs() - a.timeMs()) / 1000.0;
            for (final double current : new double[] {a.currentA(), b.currentA()}) {
                if (current > deadBand) {
                    chargeAs += 0.5 * current * seconds;
                } else if (current < -deadBand) {
                    dischargeAs -= 0.5 * current * seconds;
                }
            }
        }
        final Sample first = run.get(0);
        return new CycleTotals(first.cycleIndex(), run.size(), charge.sum, discharge.sum,
                nanToZero(first.chargeAh()), nanToZero(first.dischargeAh()), chargeAs / 3600, dischargeAs / 3600,
                charge.drops + discharge.drops);
    }

    private static double nanToZero(final double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    /** Sums one counter's increments, starting from 0; a row without a value changes nothing. */
    private static final class Counter {
        private double last;
        private double sum;
        private int drops;

        void take(final double v) {
            if (Double.isNaN(v)) {
                return;
            }
            if (v < last) {
                drops++;
                sum += v;
            } else {
                sum += v - last;
            }
            last = v;
        }
    }
}
