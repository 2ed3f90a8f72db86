package io.cellfloor.domain;

import java.util.Random;
import java.util.function.Consumer;
import java.util.function.DoubleUnaryOperator;

/**
 * Synthetic Li/LPSC/SS traces for detection tests: plating with a nucleation dip that recovers to its plateau, a
 * strip that rises sharply to the 1.5 V cut-off when its Li runs out, rests that relax as a healthy cell's do, and
 * whatever a {@link Shape} adds (drops, fluctuations, leaks, a hard short, noise, a current change). Times are
 * logged every {@code intervalS} plus each step's first and last instant, as cyclers do.
 */
final class LiCell {
    /** Li / LPSC / SS, 1 mA/cm2 on the paper's pellet (0.785 mA), 0.2 mAh/cm2 per plating (720 s). */
    static final CellSpec SPEC = new CellSpec(CellKind.ASYMMETRIC, CellSpec.PELLET_AREA_CM2, "LPSC", "SS", 1.0, 0.2,
            -0.5, 1.5, 100, CeDirection.CHARGE_OVER_DISCHARGE, null);
    static final double I = SPEC.nominalCurrentA();
    static final double PLATING_S = 720;
    static final double OHMIC_V = 0.020;
    static final double REST_S = 120;

    /** Where the samples go. */
    interface Feed {
        void accept(long timeMs, double currentA, double voltageV);
    }

    private final Feed feed;
    private final Random random = new Random(5);
    private long t;
    private double lastV = 2.2;
    private double intervalS = 2;
    private double noiseV;

    LiCell(final CycleAssembler assembler) {
        this((t, i, v) -> assembler.accept(t, i, v, Sample.NO_INDEX, null));
    }

    LiCell(final Feed feed) {
        this.feed = feed;
    }

    /** What one cycle looks like; the defaults are a healthy cycle. */
    static final class Shape {
        double ce = 60;
        double plateauV = 0.050;
        double nucleationV = 0.060;
        double currentFactor = 1;
        DoubleUnaryOperator platingOverlay = s -> 1.0;
        DoubleUnaryOperator strippingOverlay = s -> 1.0;
        boolean leak;
        double shortOhm = Double.NaN;

        /** |V| pulled {@code depth} of the way to 0 V from {@code atS} for {@code forS} seconds of the plating. */
        Shape platingDrop(final double atS, final double forS, final double depth) {
            platingOverlay = s -> s >= atS && s < atS + forS ? 1 - depth : 1.0;
            return this;
        }

        Shape strippingDrop(final double atS, final double forS, final double depth) {
            strippingOverlay = s -> s >= atS && s < atS + forS ? 1 - depth : 1.0;
            return this;
        }

        /** Brief excursions of the plating towards 0 V: {@code depth} for 6 s at each of {@code atS}. */
        Shape platingFluctuation(final double depth, final double... atS) {
            platingOverlay = s -> {
                for (final double a : atS) {
                    if (s >= a && s < a + 6) {
                        return 1 - depth;
                    }
                }
                return 1.0;
            };
            return this;
        }
    }

    LiCell interval(final double seconds) {
        this.intervalS = seconds;
        return this;
    }

    LiCell noise(final double volts) {
        this.noiseV = volts;
        return this;
    }

    LiCell healthy(final int cycles) {
        for (int k = 0; k < cycles; k++) {
            cycle(s -> { });
        }
        return this;
    }

    LiCell cycle(final Consumer<Shape> tweak) {
        final Shape shape = new Shape();
        tweak.accept(shape);
        final double i = I * shape.currentFactor;
        final double plateau = shape.plateauV * (0.6 + 0.4 * shape.currentFactor);
        final boolean shorted = !Double.isNaN(shape.shortOhm);
        final double start = lastV;
        final double nucleation = shape.nucleationV;
        final double platingS = PLATING_S / shape.currentFactor;
        final double ohmic = OHMIC_V * shape.currentFactor;
        step(-i, platingS, s -> shorted ? -i * shape.shortOhm
                : (-ohmic - (plateau - ohmic + nucleation * dip(s / 20)) * (1 - Math.exp(-s / 2))
                + start * Math.exp(-s / 2)) * shape.platingOverlay.applyAsDouble(s));
        rest(REST_S, shorted ? lastV : lastV + ohmic, 0.0, 10);
        final double stripS = shorted ? 2.5 * platingS : shape.ce / 100 * platingS;
        final double afterPlating = lastV;
        step(i, stripS, s -> shorted ? i * shape.shortOhm
                : (ohmic + (plateau - ohmic) * (1 - Math.exp(-s / 2)) + afterPlating * Math.exp(-s / 2))
                * shape.strippingOverlay.applyAsDouble(s) + (1.5 - plateau) * Math.exp(-(stripS - s) / 10));
        final double open = shorted ? lastV : lastV - ohmic;
        rest(REST_S, open, shorted || shape.leak ? 0.0 : 0.85 * open, shorted ? 1 : 120);
        return this;
    }

    /** y^2 e^(2(1-y)): the nucleation dip, peaking at y = 1. */
    private static double dip(final double y) {
        return y > 16 ? 0 : y * y * Math.exp(2 * (1 - y));
    }

    LiCell rest(final double seconds, final double fromV, final double toV, final double tauS) {
        return step(0, seconds, s -> toV + (fromV - toV) * Math.exp(-s / tauS));
    }

    /** A constant-current (or rest) step whose voltage follows {@code v(seconds since the step began)}. */
    LiCell step(final double currentA, final double seconds, final DoubleUnaryOperator v) {
        final long end = t + Math.round(seconds * 1000);
        final long begin = t;
        long now = t;
        while (true) {
            final double volts = v.applyAsDouble((now - begin) / 1000.0) + noiseV * random.nextGaussian();
            feed.accept(now, currentA, volts);
            lastV = volts;
            if (now == end) {
                break;
            }
            now = Math.min(end, now + Math.round(intervalS * 1000));
        }
        t = end + 1;
        return this;
    }

    /** Nothing is logged for {@code seconds}. */
    LiCell silence(final double seconds) {
        t += Math.round(seconds * 1000);
        return this;
    }

    long now() {
        return t;
    }
}
