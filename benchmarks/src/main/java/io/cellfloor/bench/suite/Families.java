package io.cellfloor.bench.suite;

import java.util.ArrayList;
import java.util.List;

/**
 * The scenario families of the suite, each reported on its own. Every channel's parameters come from the paper
 * (LPSC on SS: 65 % first CE falling to the 50s; LGPS: first CE of a few percent; Au@Cu: first CE above 100 %;
 * impedance 154 to 32 ohm) or from what real cyclers do, never from a detector's thresholds.
 */
final class Families {
    private static final double AREA = 0.785;

    private Families() {
    }

    static List<Scenario> all(final long seed) {
        final List<Scenario> all = new ArrayList<>();
        long s = seed * 1_000;
        final Electrode ss = Electrode.bare(0.045, 0.1, 0.03);
        final Electrode cu = Electrode.bare(0.035, 0.1, 0.025);

        all.add(li("healthy-lpsc-ss", "healthy", "LPSC", "SS", 0.1, ss, 1.5, Logging.every(10, 5, 0.3),
                new Story(++s, 25, 0.1, 0.1).loss(0.349, 0.42, 0.02).build(), s));
        all.add(li("healthy-lps-cu", "healthy", "LPS", "Cu", 0.5, cu, 1.5, Logging.every(30, 2, 0.2),
                new Story(++s, 30, 0.5, 0.5).loss(0.2, 0.04, 0.01).build(), s));
        all.add(li("healthy-lpsc-cu-2s", "healthy", "LPSC", "Cu", 0.5, cu, 1.5, Logging.every(2, 1, 0.1),
                new Story(++s, 30, 1.0, 0.5).loss(0.15, 0.03, 0.01).build(), s));

        all.add(li("change-healthy", "logging on change only", "LPSC", "SS", 0.1, ss, 1.5,
                Logging.onChangeOnly(5, 0.3), new Story(++s, 25, 0.1, 0.1).loss(0.35, 0.42, 0.02)
                        .confound("logging on change only", n -> true).build(), s));
        all.add(li("change-story", "logging on change only", "LPS", "SS", 0.25, ss, 1.5,
                Logging.onChangeOnly(3, 0.2), new Story(++s, 30, 0.5, 0.25).loss(0.3, 0.4, 0.02)
                        .isolated(7, 13).persistent(19, 26).hard(27, 30).build(), s));

        final Electrode gold = cu.alloying(0.12, 0.3).longRise(0.02, 0.1);
        all.add(li("au-cu-05v", "alloying, slow 0 V crossing", "LPSC", "Au@Cu", 0.1, gold, 0.5,
                Logging.every(10, 5, 0.3), new Story(++s, 25, 0.1, 0.1).loss(-0.095, 0.12, 0.01)
                        .confound("alloy plateau above 0 V", n -> true).build(), s));
        all.add(li("c-cu", "alloying, slow 0 V crossing", "LPSC", "C@Cu", 0.5, cu.alloying(0.08, 0.2), 1.5,
                Logging.every(20, 2, 0.2), new Story(++s, 30, 0.5, 0.5).loss(-0.008, 0.05, 0.01)
                        .confound("intercalation above 0 V", n -> true).build(), s));
        all.add(li("au-cu-story", "alloying, slow 0 V crossing", "LPS", "Au@Cu", 0.25, cu.alloying(0.12, 0.3), 1.5,
                Logging.every(10, 3, 0.2), new Story(++s, 30, 0.5, 0.25).loss(-0.01, 0.1, 0.01)
                        .confound("alloy plateau above 0 V", n -> true).isolated(10, 16).persistent(23, 30).build(),
                s));

        final Electrode lgps = ss.longRise(0.3, 0.1);
        all.add(li("lgps-7pct", "low first CE, long rise", "LGPS", "SS", 0.1, lgps, 1.5, Logging.every(5, 5, 0.3),
                new Story(++s, 25, 0.1, 0.1).loss(0.93, 0.35, 0.05).confound("long end-of-strip rise", n -> true)
                        .build(), s));
        all.add(li("lgps-14pct", "low first CE, long rise", "LGPS", "SS", 0.1, lgps, 1.5, Logging.every(10, 5, 0.3),
                new Story(++s, 25, 0.1, 0.1).loss(0.86, 0.35, 0.05).confound("long end-of-strip rise", n -> true)
                        .build(), s));
        all.add(li("lgps-story", "low first CE, long rise", "LGPS", "SS", 0.1, lgps, 1.5, Logging.every(10, 5, 0.3),
                new Story(++s, 30, 0.1, 0.1).loss(0.985, 0.35, 0.05).confound("long end-of-strip rise", n -> true)
                        .isolated(12).build(), s));

        all.add(li("cutoff-01v", "0.1 V and 0.5 V cut-offs", "LPSC", "SS", 0.1, ss, 0.1, Logging.every(10, 3, 0.3),
                new Story(++s, 25, 0.1, 0.1).loss(0.3, 0.1, 0.02).confound("rest near 0 V after a low cut-off",
                        n -> true).build(), s));
        all.add(li("cutoff-05v", "0.1 V and 0.5 V cut-offs", "LPS", "Cu", 0.25, cu.longRise(0.02, 0.1), 0.5,
                Logging.every(10, 3, 0.2), new Story(++s, 30, 0.5, 0.25).loss(0.2, 0.05, 0.01)
                        .confound("rest near 0 V after a low cut-off", n -> true).build(), s));
        all.add(li("cutoff-01v-story", "0.1 V and 0.5 V cut-offs", "LPSC", "SS", 0.25, ss, 0.1,
                Logging.every(10, 3, 0.3), new Story(++s, 30, 0.5, 0.25).loss(0.3, 0.1, 0.02)
                        .confound("rest near 0 V after a low cut-off", n -> true).isolated(9, 15).build(), s));

        all.add(li("ccd-a", "stepped current density", "LPSC", "SS", 0.1, ss, 1.5, Logging.every(5, 2, 0.2),
                new Story(++s, 30, 0.1, 0.1).steps(3, 0.1, 0.2, 0.3, 0.5, 0.75, 1.0, 1.5, 2.0, 2.5, 3.0)
                        .loss(0.3, 0.3, 0.02).isolated(22).persistent(25, 27).hard(28, 8).build(), s));
        all.add(li("ccd-b", "stepped current density", "LPS", "Cu", 0.1, cu, 1.5, Logging.every(5, 2, 0.2),
                new Story(++s, 24, 0.25, 0.1).steps(3, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0)
                        .loss(0.1, 0.06, 0.01).isolated(14).persistent(19, 21).hard(22, 10).build(), s));

        all.add(li("pause-healthy", "steps inside plating", "LPSC", "SS", 0.5, ss, 1.5, Logging.every(10, 5, 0.3),
                new Story(++s, 25, 0.5, 0.5).loss(0.35, 0.42, 0.02).interrupt(n -> n % 3 == 0, n -> n % 5 == 0)
                        .build(), s));
        all.add(li("pause-story", "steps inside plating", "LPS", "Cu", 0.25, cu, 1.5, Logging.every(10, 3, 0.2),
                new Story(++s, 30, 0.5, 0.25).loss(0.15, 0.05, 0.01).interrupt(n -> n % 4 == 0, n -> n % 7 == 0)
                        .isolated(9, 17).persistent(24, 30).build(), s));

        all.add(li("soft-from-1", "short from cycle 1", "LPSC", "SS", 0.25, ss, 1.5, Logging.every(10, 3, 0.3),
                new Story(++s, 16, 0.5, 0.25).loss(0.3, 0.35, 0.02).persistent(1, 12).hard(13, 30).build(), s, 150));
        all.add(li("hard-from-1", "short from cycle 1", "LPSC", "SS", 0.25, ss, 1.5, Logging.every(10, 3, 0.3),
                new Story(++s, 10, 0.5, 0.25).loss(0.3, 0.35, 0.02).hard(1, 20).build(), s, 200));

        final Electrode paperCell = Electrode.bare(154 * 0.5 * AREA / 1000, 0.5, 0.03);
        all.add(li("gradual-154-32", "gradual short", "LPSC", "SS", 0.25, paperCell, 1.5, Logging.every(10, 3, 0.3),
                new Story(++s, 28, 0.5, 0.25).loss(0.35, 0.42, 0.02).gradual(6, 20, 154, 10_000, 32).build(), s));
        all.add(li("gradual-180-40", "gradual short", "LPS", "SS", 0.25,
                Electrode.bare(180 * 0.5 * AREA / 1000, 0.5, 0.03), 1.5, Logging.every(30, 3, 0.3),
                new Story(++s, 30, 0.5, 0.25).loss(0.3, 0.4, 0.02).gradual(9, 20, 180, 10_000, 40).build(), s));

        final Electrode fast = Electrode.bare(0.09, 3.0, 0.04);
        all.add(li("ohmic-25", "20-30 ohm short at 3 mA/cm2", "LPSC", "SS", 0.5, fast, 1.5, Logging.every(5, 3, 0.3),
                new Story(++s, 15, 3.0, 0.5).loss(0.3, 0.3, 0.02).hard(6, 25).build(), s));
        all.add(li("ohmic-20-30", "20-30 ohm short at 3 mA/cm2", "LPS", "Cu", 0.5, fast, 1.5, Logging.every(5, 3, 0.3),
                new Story(++s, 16, 3.0, 0.5).loss(0.1, 0.05, 0.01).isolated(4).hard(8, 30).hard(12, 20).build(), s));

        all.add(full("full-knee-a", 50, 35, 2.0, Logging.every(30, 5, 0.5), ++s));
        all.add(full("full-knee-b", 40, 25, 4.0, Logging.every(60, 10, 0.5), ++s));

        final Electrode li = Electrode.bare(0.03, 0.1, 0.01);
        all.add(sym("sym-healthy", li, 0.1, Logging.every(10, 2, 0.2), new Story(++s, 30, 0.1, 0.1)
                .loss(0, 0, 0).build(), s));
        all.add(sym("sym-story", li, 0.25, Logging.every(10, 2, 0.2), new Story(++s, 30, 0.5, 0.25)
                .loss(0, 0, 0).isolated(8, 14).persistent(20, 26).hard(27, 5).build(), s));
        return all;
    }

    private static Scenario li(final String name, final String family, final String electrolyte,
                               final String collector, final double areal, final Electrode e, final double cutoff,
                               final Logging logging, final List<CycleRecipe> cycles, final long seed) {
        return li(name, family, electrolyte, collector, areal, e, cutoff, logging, cycles, seed, 50);
    }

    private static Scenario li(final String name, final String family, final String electrolyte,
                               final String collector, final double areal, final Electrode e, final double cutoff,
                               final Logging logging, final List<CycleRecipe> cycles, final long seed,
                               final double pressure) {
        return new Scenario(name, family, "ASYMMETRIC", electrolyte, collector, AREA, areal, -1.0, cutoff, pressure,
                e, logging, 300, 1200, cycles, seed);
    }

    private static Scenario sym(final String name, final Electrode e, final double areal, final Logging logging,
                                final List<CycleRecipe> cycles, final long seed) {
        return new Scenario(name, "symmetric Li/Li", "SYMMETRIC", "LPSC", "Li", AREA, areal, -1.0, 1.0, 50, e,
                logging, 0, 600, cycles, seed);
    }

    private static Scenario full(final String name, final int count, final int knee, final double j,
                                 final Logging logging, final long seed) {
        final List<CycleRecipe> cycles = new Story(seed, count, j, 4.0).loss(0, 0, 0)
                .confound("capacity knee", n -> n > knee).build();
        return new Scenario(name, "full cell with a knee", "FULL", "liquid", "Al", 1.0, 4.0, 2.75, 4.2, 0, null,
                logging, 600, 600, cycles, seed);
    }
}
