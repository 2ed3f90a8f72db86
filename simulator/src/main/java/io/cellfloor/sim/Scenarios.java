package io.cellfloor.sim;

import io.cellfloor.domain.Direction;
import java.util.ArrayList;
import java.util.List;

/**
 * Labelled breakdown stories to inject into a channel, following the stages of the paper's Fig. 3d: stable, then
 * recoverable soft breakdowns, then breakdowns in most cycles with erratic CE, then a hard short. The cycle
 * numbers are relative to {@code first}, the first breakdown cycle.
 */
public final class Scenarios {
    private Scenarios() {
    }

    /**
     * The paper's Li/LPSC/SS cell compressed (Figs. 2c, 3a): a recoverable soft short at {@code first}, a CE jump
     * to 64.6 % next cycle, fluctuation, CE 142.9 %, erratic CE with fluctuation in every cycle, hard short at
     * {@code first + 8}.
     */
    public static List<Injection> paperLpscStory(final int first) {
        final List<Injection> out = new ArrayList<>();
        out.add(new Injection.SoftShort(first, Direction.DISCHARGE, 0.55, 90_000, 0.85, true));
        out.add(new Injection.Leakage(first + 1, 64.6));
        out.add(new Injection.Fluctuation(first + 3, Direction.DISCHARGE, 4, 0.6));
        out.add(new Injection.Leakage(first + 4, 142.9));
        for (int c = first + 5; c < first + 8; c++) {
            out.add(new Injection.Fluctuation(c, Direction.DISCHARGE, 6 + (c - first), 0.8));
            out.add(new Injection.Leakage(c, 110.0 + 25.0 * (c - first - 5)));
        }
        out.add(new Injection.HardShort(first + 8, 0.4, 15.0));
        return out;
    }

    /** Soft shorts every {@code every} cycles from {@code first}, each recovering: a cell in the recoverable stage. */
    public static List<Injection> recoverableSoftShorts(final int first, final int count, final int every) {
        final List<Injection> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            final double at = 0.2 + 0.15 * (k % 4);
            out.add(new Injection.SoftShort(first + k * every, Direction.DISCHARGE, at, 30_000 + 15_000L * k, 0.7,
                    true));
        }
        return out;
    }

    /** Above the critical current density: a strip that leaks so much it never reaches the cut-off, then a short. */
    public static List<Injection> overCurrent(final int first) {
        return List.of(new Injection.Fluctuation(first, Direction.DISCHARGE, 5, 0.7),
                new Injection.Leakage(first, Double.POSITIVE_INFINITY),
                new Injection.HardShort(first + 2, 0.2, 8.0));
    }

    /** A sudden hard short without warning. */
    public static List<Injection> suddenHardShort(final int cycle, final double resistanceOhm) {
        return List.of(new Injection.HardShort(cycle, 0.5, resistanceOhm));
    }

    /**
     * What a symmetric cell hides: voltage drops in both polarisations and growing fluctuation while its CE stays
     * at 100 %, then a hard short.
     */
    public static List<Injection> symmetricHidden(final int first) {
        return List.of(new Injection.SoftShort(first, Direction.DISCHARGE, 0.4, 60_000, 0.8, true),
                new Injection.SoftShort(first + 2, Direction.CHARGE, 0.6, 120_000, 0.9, true),
                new Injection.Fluctuation(first + 4, Direction.DISCHARGE, 5, 0.7),
                new Injection.Fluctuation(first + 5, Direction.CHARGE, 8, 0.8),
                new Injection.HardShort(first + 7, 0.3, 10.0));
    }
}
