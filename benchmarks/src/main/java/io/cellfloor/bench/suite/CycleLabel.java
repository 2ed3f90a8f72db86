package io.cellfloor.bench.suite;

import java.util.List;
import java.util.Locale;

/**
 * The truth about one cycle, written by the generator from what it injected: whether a breakdown was injected and
 * which kinds, the stage after the cycle, the confounder present, and the cycler's own coulomb count (CE from the
 * capacities integrated at every internal tick). {@code stripEnd} says how the strip ended: CUTOFF, TIME (a leak
 * kept it from the cut-off) or CAPACITY (symmetric cells and full cells' discharge limit).
 */
record CycleLabel(int cycle, boolean breakdown, List<String> kinds, double leakFraction, String stage,
                  String confounder, double cePercent, double platingMAh, double strippingMAh, String stripEnd,
                  double currentDensityMAcm2, double plateauPlatingV, double plateauStripV, double minV,
                  double maxV) {

    CycleLabel {
        kinds = List.copyOf(kinds);
    }

    private static String number(final double value) {
        return Double.isNaN(value) ? "null" : String.format(Locale.ROOT, "%.5f", value);
    }

    String toJson() {
        return String.format(Locale.ROOT, "{\"cycle\":%d,\"breakdown\":%s,\"kinds\":[%s],\"leakFraction\":%.4f,"
                        + "\"stage\":\"%s\",\"confounder\":%s,\"cePercent\":%.4f,\"platingMAh\":%.6f,"
                        + "\"strippingMAh\":%.6f,\"stripEnd\":\"%s\",\"currentDensityMAcm2\":%.3f,"
                        + "\"plateauPlatingV\":%s,\"plateauStripV\":%s,\"minV\":%.5f,\"maxV\":%.5f}",
                cycle, breakdown, String.join(",", kinds.stream().map(k -> "\"" + k + "\"").toList()), leakFraction,
                stage, confounder == null ? "null" : "\"" + confounder + "\"", cePercent, platingMAh, strippingMAh,
                stripEnd, currentDensityMAcm2, number(plateauPlatingV), number(plateauStripV), minV, maxV);
    }
}
