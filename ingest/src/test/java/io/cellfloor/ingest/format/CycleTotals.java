package io.cellfloor.ingest.format;

import io.cellfloor.domain.Sample;
import java.util.ArrayList;
import java.util.List;

/**
 * One cycle of a read file: the instrument's capacities (from the samples' capacity columns, per the package
 * convention) beside a coulomb count of our own (trapezoidal rule over the sample times), for cross-checks.
 *
 * @param instrumentChargeAh the largest charge capacity the cycle's samples carry, minus the first
 * @param countedChargeAh the trapezoidal integral of positive current over the cycle
 */
record CycleTotals(int cycleIndex, int samples, double instrumentChargeAh, double instrumentDischargeAh,
                   double countedChargeAh, double countedDischargeAh, double maxChargeAh, double maxDischargeAh) {

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

    private static CycleTotals total(final List<Sample> run) {
        double charge = 0;
        double discharge = 0;
        double maxCharge = nanToZero(run.get(0).chargeAh());
        double maxDischarge = nanToZero(run.get(0).dischargeAh());
        for (int i = 1; i < run.size(); i++) {
            final Sample a = run.get(i - 1);
            final Sample b = run.get(i);
            final double as = 0.5 * (a.currentA() + b.currentA()) * (b.timeMs() - a.timeMs()) / 1000.0;
            if (as > 0) {
                charge += as;
            } else {
                discharge -= as;
            }
            maxCharge = Math.max(maxCharge, nanToZero(b.chargeAh()));
            maxDischarge = Math.max(maxDischarge, nanToZero(b.dischargeAh()));
        }
        final Sample first = run.get(0);
        return new CycleTotals(first.cycleIndex(), run.size(), maxCharge - nanToZero(first.chargeAh()),
                maxDischarge - nanToZero(first.dischargeAh()), charge / 3600, discharge / 3600, maxCharge,
                maxDischarge);
    }

    private static double nanToZero(final double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
