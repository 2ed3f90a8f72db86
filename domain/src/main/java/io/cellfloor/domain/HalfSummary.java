package io.cellfloor.domain;

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
 * @param ownSideFraction the fraction of the half, by time, during which V had the half's own sign (a Li plating
 *                        below 0 V, a strip above it); 1 for full cells, whose voltage is read as |V|
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
        int lowSamples,
        double ownSideFraction) {

    boolean endedLow() {
        return lowFraction > 0;
    }
}
