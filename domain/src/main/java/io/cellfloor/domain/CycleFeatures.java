package io.cellfloor.domain;

/**
 * Per-cycle quantities that describe the cell's behaviour, NaN where they cannot be measured (a missing half,
 * too few samples).
 *
 * @param nucleationOverpotentialV |V_min - V_plateau| at the onset of plating (Li/CC cells)
 * @param platingOverpotentialV    median |V| of the plating (discharge) half under current
 * @param strippingOverpotentialV  median |V| of the stripping (charge) half under current, before the end rise
 * @param dcResistanceOhm          |dV / dI| across the current reversal into the second half-cycle
 * @param platingNoiseRatio        voltage noise of the discharge half over the channel's own baseline noise
 * @param strippingNoiseRatio      the same for the charge half
 * @param minAbsVoltageUnderCurrentV smallest |V| while current flowed
 * @param loggingIntervalS         median time between samples
 * @param maxVoltageStepV          largest |dV| between consecutive samples under current: with the logging
 *                                 interval it tells "no breakdown seen" from "could not have been seen"
 */
public record CycleFeatures(
        double nucleationOverpotentialV,
        double platingOverpotentialV,
        double strippingOverpotentialV,
        double dcResistanceOhm,
        double platingNoiseRatio,
        double strippingNoiseRatio,
        double minAbsVoltageUnderCurrentV,
        double loggingIntervalS,
        double maxVoltageStepV) {

    public static final CycleFeatures NONE = new CycleFeatures(Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
}
