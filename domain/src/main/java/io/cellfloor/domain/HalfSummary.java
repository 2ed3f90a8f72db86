package io.cellfloor.domain;

import java.nio.ByteBuffer;

/**
 * What one half-cycle's voltage trace said, condensed by {@link HalfCycleProbe} as the samples went by: the features
 * of the half and the raw findings the detectors judge when its cycle closes. Times are epoch ms; voltages are |V|.
 *
 * @param currentA        |I| the half ran at (its last constant-current level)
 * @param plateauV        median |V| of the settled plateau (after the onset, outside excursions, before the end rise)
 * @param referenceV      the plateau excursions were measured against: the lower of this half's and the channel's
 *                        last healthy plateau in this direction
 * @param noiseV          robust standard deviation of the high-frequency voltage residual on the plateau
 * @param minAbsV         smallest |V| after the onset
 * @param maxStepV        largest |dV| between consecutive plateau points
 * @param loggingIntervalS time-weighted mean logging interval: the length of the interval a random instant falls in
 * @param maxIntervalS    longest interval between consecutive points (logging gaps included)
 * @param nucleationV     plating onset: highest |V| in the first minutes minus the plateau (NaN when not a plating)
 * @param dcResistanceOhm |dV/dI| across the current step into this half
 * @param excursions      excursions of |V| towards 0 V; the deepest one is described by the exc* components
 * @param excAtOnset      the deepest excursion was there from the first settled point: the half sat below the channel's
 *                        healthy plateau from its start rather than falling to it
 * @param firstExcursionMs start of the first excursion
 * @param lastExcursionEndMs end of the last one
 * @param lowFraction     the fraction of the half at its end during which |V| sat below the hard-short ratio of the
 *                        channel's healthy plateau (0 when it ended above it)
 * @param lowSinceMs      when that low tail began
 * @param lowResistanceOhm mean |V|/|I| over the low tail
 * @param lowSamples      how many samples the low tail holds
 */
record HalfSummary(
        Direction direction,
        long startMs,
        long endMs,
        double currentA,
        double plateauV,
        double referenceV,
        double noiseV,
        double minAbsV,
        double maxStepV,
        double loggingIntervalS,
        double maxIntervalS,
        double nucleationV,
        double dcResistanceOhm,
        int excursions,
        long excStartMs,
        long excEndMs,
        double excDepth,
        double excMinAbsV,
        boolean excRecovered,
        boolean excAtOnset,
        long firstExcursionMs,
        long lastExcursionEndMs,
        double lowFraction,
        long lowSinceMs,
        double lowResistanceOhm,
        int lowSamples) {

    boolean endedLow() {
        return lowFraction > 0;
    }

    void write(final ByteBuffer b) {
        b.put((byte) direction.ordinal()).putLong(startMs).putLong(endMs).putDouble(currentA).putDouble(plateauV)
                .putDouble(referenceV).putDouble(noiseV).putDouble(minAbsV).putDouble(maxStepV)
                .putDouble(loggingIntervalS).putDouble(maxIntervalS).putDouble(nucleationV).putDouble(dcResistanceOhm)
                .putInt(excursions);
        if (excursions > 0) {
            b.putLong(excStartMs).putLong(excEndMs).putDouble(excDepth).putDouble(excMinAbsV)
                    .put((byte) (excRecovered ? 1 : 0)).put((byte) (excAtOnset ? 1 : 0)).putLong(firstExcursionMs).putLong(lastExcursionEndMs);
        }
        b.putDouble(lowFraction);
        if (lowFraction > 0) {
            b.putLong(lowSinceMs).putDouble(lowResistanceOhm).putInt(lowSamples);
        }
    }

    static HalfSummary read(final ByteBuffer b) {
        final Direction direction = Direction.values()[b.get()];
        final long start = b.getLong();
        final long end = b.getLong();
        final double current = b.getDouble();
        final double plateau = b.getDouble();
        final double reference = b.getDouble();
        final double noise = b.getDouble();
        final double min = b.getDouble();
        final double step = b.getDouble();
        final double interval = b.getDouble();
        final double maxInterval = b.getDouble();
        final double nucleation = b.getDouble();
        final double dcr = b.getDouble();
        final int excursions = b.getInt();
        final boolean any = excursions > 0;
        final long excStart = any ? b.getLong() : 0;
        final long excEnd = any ? b.getLong() : 0;
        final double depth = any ? b.getDouble() : 0;
        final double excMin = any ? b.getDouble() : Double.NaN;
        final boolean recovered = any && b.get() == 1;
        final boolean atOnset = any && b.get() == 1;
        final long first = any ? b.getLong() : 0;
        final long last = any ? b.getLong() : 0;
        final double low = b.getDouble();
        final long lowSince = low > 0 ? b.getLong() : 0;
        final double lowR = low > 0 ? b.getDouble() : Double.NaN;
        final int lowN = low > 0 ? b.getInt() : 0;
        return new HalfSummary(direction, start, end, current, plateau, reference, noise, min, step, interval,
                maxInterval, nucleation, dcr, excursions, excStart, excEnd, depth, excMin, recovered, atOnset, first, last, low,
                lowSince, lowR, lowN);
    }
}
