package io.cellfloor.domain;

/**
 * Thresholds of the voltage-trace detectors (drop, fluctuation, hard short) and of the per-half features. The
 * defaults were chosen on the simulator's calibrated traces (see {@code ingest/.../detect/DetectionQuality}) and the
 * paper's numbers; each is a ratio to the channel's own levels wherever a fixed number would not carry across cells
 * whose plateaus range from 20 mV (Li/SSE/CC at 0.1 mA/cm2) to 4 V (full cells).
 *
 * @param onsetGuardMs       nothing in the first this-many ms of a half-cycle counts as a drop or as the plateau: the
 *                           open-circuit voltage decays, plating crosses 0 V, the nucleation dip peaks (the paper's
 *                           and the simulator's dips peak within ~20 s)
 * @param decimateMs         the plateau median takes at most one sample per this-many ms, so that the dense points a
 *                           dV-triggered cycler logs in fast transients cannot outvote the plateau, and so that its
 *                           cost (the only per-sample arithmetic with divisions) is paid every 20 s of data, not every
 *                           sample; three of them must agree before the plateau is trusted, so it is never trusted on
 *                           less than 40 s of settled voltage
 * @param armingBand         the in-half plateau level is trusted once three such samples agree within this fraction
 *                           and do not fall by more than half of it: a nucleation dip still recovering fails the test,
 *                           a settled plateau passes it
 * @param armAfterMs         ... and not before this long into the half-cycle: a noisy reading can make three points of
 *                           a recovering dip agree by chance (the simulator's and the paper's dips are gone within
 *                           ~1.5 minutes) when the half has shown a nucleation peak above the level since its 0 V
 *                           crossing (a half without one has nothing to recover from); until then only the channel's
 *                           last healthy plateau is a reference
 * @param excursionDepth     an excursion starts when |V| falls below the plateau by this fraction (towards 0 V); half of
 *                           it is the hysteresis for the return. 0.25: the simulator's and the paper's soft shorts pull
 *                           |V| 70-90 % of the way to 0, fluctuations 20-80 %; normal plateaus drift under 10 % per half
 * @param noiseSigmas        ... and by at least this many standard deviations of the channel's voltage noise, so that a
 *                           noisy channel on a small plateau does not count its own noise (6: a Gaussian reading
 *                           crosses it once in 1e9)
 * @param minNoiseV          noise below this is taken as this (readings quantised to 0.1 mV would otherwise have none)
 * @param riseBand           samples more than this fraction above the plateau (end-of-strip rise, dips) are left out of
 *                           the noise estimate and the largest-step feature
 * @param currentStepFraction a change of |I| by more than this fraction within a half-cycle is a step of the protocol:
 *                           the plateau is learnt again and no drop is counted across it
 * @param fluctuationMinExcursions this many excursions in one half-cycle are a fluctuation rather than a single drop
 * @param noiseBaselineHalves the channel's noise baseline is the mean over its first this-many healthy half-cycles
 * @param hardShortRatio     a hard-shorted half sits at |V| = |I| x R_short, below this fraction of the channel's last
 *                           healthy plateau (simulator: 8-30 %; an infinitely leaky strip keeps ~64 %)
 * @param hardShortLowFraction the cycle's last half must sit that low for at least this fraction of its duration
 * @param hardShortResistanceSpread |V|/|I| of the two shorted halves must agree within this factor (ohmic)
 * @param nucleationWindowMs the nucleation minimum is looked for in the first this-many ms of a plating half-cycle
 * @param dcrMaxIntervalMs   the DC resistance is taken only when the points either side of the current step are at
 *                           most this far apart (further apart, polarisation would be counted as resistance)
 * @param shortAsrOhmCm2     a Li/SSE cell whose plateaus both ways sit below this area-specific resistance carries its
 *                           current through an electronic path: the paper's sulfide pellets (0.5-1 mm at 1-5 mS/cm)
 *                           alone are 10-100 ohm cm2 before any interface, and a healthy Li/SSE cell on this floor runs
 *                           at 30 ohm cm2 or more even at 3 mA/cm2; a 20 ohm short on a 0.785 cm2 pellet is 16
 */
public record VoltageRules(
        long onsetGuardMs,
        long decimateMs,
        double armingBand,
        long armAfterMs,
        double excursionDepth,
        double noiseSigmas,
        double minNoiseV,
        double riseBand,
        double currentStepFraction,
        int fluctuationMinExcursions,
        int noiseBaselineHalves,
        double hardShortRatio,
        double hardShortLowFraction,
        double hardShortResistanceSpread,
        long nucleationWindowMs,
        long dcrMaxIntervalMs,
        double shortAsrOhmCm2) {

    public static final VoltageRules DEFAULTS = new VoltageRules(30_000, 20_000, 0.10, 90_000, 0.25, 6.0, 50e-6, 0.20, 0.10,
            2, 4, 0.4, 0.9, 4.0, 300_000, 5_000, 20.0);

    public VoltageRules {
        if (!(excursionDepth > 0 && excursionDepth < 1) || !(hardShortRatio > 0 && hardShortRatio < 1)) {
            throw new IllegalArgumentException("excursion depth and hard-short ratio must be within (0, 1), got "
                    + excursionDepth + " and " + hardShortRatio);
        }
        if (fluctuationMinExcursions < 2 || noiseBaselineHalves < 1) {
            throw new IllegalArgumentException("a fluctuation needs >= 2 excursions and the noise baseline >= 1 half,"
                    + " got " + fluctuationMinExcursions + " and " + noiseBaselineHalves);
        }
    }
}
