package io.cellfloor.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The per-pass rates of cellfloor's full system and of the trivial exactly-once app ({@link TrivialExactlyOnce}) that
 * drained the same samples in the same pass, one after the other. On a shared machine the rates of one app swing
 * with the load from pass to pass; the ratio within a pass, both apps timed seconds apart, is the figure that
 * carries, so the summary gives the median of the per-pass ratios beside the medians of the rates.
 */
final class SideBySide {
    private final List<Pass> passes = new ArrayList<>();

    /** One pass: which app ran first, and both apps' rates. */
    private record Pass(int number, boolean fullFirst, Rates full, Rates trivial) {
        double ratio(final ToDoubleFunction<Rates> figure) {
            return figure.applyAsDouble(full) / figure.applyAsDouble(trivial);
        }
    }

    /** Records a pass and returns its one-line report. */
    String add(final int pass, final boolean fullFirst, final Rates full, final Rates trivial) {
        final Pass p = new Pass(pass, fullFirst, full, trivial);
        passes.add(p);
        return String.format(Locale.ROOT, "side by side, pass %d (%s first): full system %.2f M processed, "
                        + "%.2f M committed, %.2f M views current; trivial %.2f M processed, %.2f M committed; "
                        + "full/trivial %.3f processed, %.3f committed, %.3f views current against committed",
                pass, fullFirst ? "full system" : "trivial", full.processed() / 1e6, full.committed() / 1e6,
                full.current() / 1e6, trivial.processed() / 1e6, trivial.committed() / 1e6,
                p.ratio(Rates::processed), p.ratio(Rates::committed), p.ratio(Rates::current));
    }

    /** Medians over the warm passes (the cold one, with start-up and JIT inside, left out). */
    String warmSummary() {
        final List<Pass> warm = passes.stream().filter(p -> p.number() > 1).toList();
        if (warm.isEmpty()) {
            return "side by side: no warm pass";
        }
        return String.format(Locale.ROOT, "side by side, medians of %d warm passes: full system %.2f M "
                        + "processed, %.2f M committed, %.2f M views current; trivial %.2f M processed, %.2f M "
                        + "committed; full/trivial per pass %.3f processed, %.3f committed, %.3f views current",
                warm.size(),
                median(warm, p -> p.full().processed()) / 1e6, median(warm, p -> p.full().committed()) / 1e6,
                median(warm, p -> p.full().current()) / 1e6,
                median(warm, p -> p.trivial().processed()) / 1e6, median(warm, p -> p.trivial().committed()) / 1e6,
                median(warm, p -> p.ratio(Rates::processed)), median(warm, p -> p.ratio(Rates::committed)),
                median(warm, p -> p.ratio(Rates::current)));
    }

    static double median(final double... values) {
        final double[] sorted = values.clone();
        Arrays.sort(sorted);
        final int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double median(final List<Pass> warm, final ToDoubleFunction<Pass> figure) {
        return median(warm.stream().mapToDouble(figure).toArray());
    }
}
