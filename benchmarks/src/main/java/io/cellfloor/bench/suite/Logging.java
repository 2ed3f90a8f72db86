package io.cellfloor.bench.suite;

/**
 * How the cycler logs: a point every {@code intervalS} seconds (infinite: on voltage change only) and whenever the
 * measured voltage moved {@code deltaV} since the last logged point, with Gaussian measurement noise. Step starts
 * and ends are always logged, as Arbin does.
 */
record Logging(double intervalS, double deltaV, double noiseV) {
    static Logging every(final double intervalS, final double deltaMv, final double noiseMv) {
        return new Logging(intervalS, deltaMv / 1000.0, noiseMv / 1000.0);
    }

    static Logging onChangeOnly(final double deltaMv, final double noiseMv) {
        return new Logging(Double.POSITIVE_INFINITY, deltaMv / 1000.0, noiseMv / 1000.0);
    }

    String describe() {
        return (Double.isInfinite(intervalS) ? "on change only" : "every " + (int) intervalS + " s") + " and dV "
                + Math.round(deltaV * 1000) + " mV";
    }
}
