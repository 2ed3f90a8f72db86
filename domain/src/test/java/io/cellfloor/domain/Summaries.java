package io.cellfloor.domain;

/** Hand-made half-cycle summaries for the pure detector tests. */
final class Summaries {
    static final long START = 1_000_000;
    static final long END = 1_720_000;

    private Summaries() {
    }

    /** A healthy plating plateau at 50 mV. */
    static HalfSummary healthy(final Direction d) {
        return new HalfSummary(d, START, END, 7.85e-4, 0.050, 0.050, 3e-4, 0.048, 0.002, 2.0, 2.0, Double.NaN, 25.0,
                0, 0, 0, 0, Double.NaN, false, false, 0, 0, 0, 0, Double.NaN, 0, 1.0);
    }

    /** A clean half at {@code currentA} whose plateau sits at {@code plateauV}, with this DC resistance into it. */
    static HalfSummary at(final Direction d, final double currentA, final double plateauV, final double dcrOhm) {
        return new HalfSummary(d, START, END, currentA, plateauV, plateauV, 3e-4, 0.95 * plateauV, 0.002, 2.0, 2.0,
                Double.NaN, dcrOhm, 0, 0, 0, 0, Double.NaN, false, false, 0, 0, 0, 0, Double.NaN, 0, 1.0);
    }

    static HalfSummary withExcursions(final int count, final double depth, final boolean recovered) {
        return new HalfSummary(Direction.DISCHARGE, START, END, 7.85e-4, 0.050, 0.050, 3e-4, 0.05 * (1 - depth),
                0.002, 2.0, 2.0, Double.NaN, 25.0, count, START + 300_000, START + 360_000, depth, 0.05 * (1 - depth),
                recovered, false, START + 100_000, START + 600_000, 0, 0, Double.NaN, 0, 1.0);
    }

    /**
     * A half that sat at |V| = |I| x {@code ohm} for the last {@code lowFraction} of it.
     */
    static HalfSummary shorted(final Direction d, final double lowFraction, final double ohm, final int samples) {
        final long lowSince = END - Math.round(lowFraction * (END - START));
        return new HalfSummary(d, START, END, 7.85e-4, Double.NaN, 0.050, Double.NaN, 7.85e-4 * ohm, 0.0001, 2.0, 2.0,
                Double.NaN, ohm, 1, lowSince, END, 0.8, 7.85e-4 * ohm, false, false, lowSince, END, lowFraction,
                lowSince, ohm, samples, 1.0);
    }
}
