package io.cellfloor.domain;

/**
 * Per-cycle quantities that describe the cell's behaviour, NaN where they cannot be measured (a missing half,
 * too few samples, a half shorter than the onset guard). Voltages are magnitudes. For full cells "plating" is the
 * discharge half and "stripping" the charge half.
 *
 * @param nucleationOverpotentialV |V_min - V_plateau| at the onset of plating (Li/SSE/CC cells only): the highest |V|
 *                                 in the first minutes of plating minus the plating plateau
 * @param platingOverpotentialV    median |V| of the plating (discharge) plateau: after the onset, outside
 *                                 excursions, decimated so dense transient points cannot outvote it
 * @param strippingOverpotentialV  median |V| of the stripping (charge) plateau, before the end rise
 * @param dcResistanceOhm          |dV / dI| across the current step into the second half-cycle (from the last point
 *                                 before it), NaN when the points either side are too far apart
 * @param platingNoiseRatio        voltage noise of the discharge plateau (robust high-frequency residual) over the
 *                                 channel's own baseline, learnt over its first healthy half-cycles
 * @param strippingNoiseRatio      the same for the charge half
 * @param minAbsVoltageUnderCurrentV smallest |V| while current flowed, after each half's onset
 * @param loggingIntervalS         time-weighted mean interval between samples: the length of the logging interval a
 *                                 random instant falls in (dense dV-triggered points do not shorten it)
 * @param maxVoltageStepV          largest |dV| between consecutive plateau samples: with the logging interval it tells
 *                                 "no breakdown seen" from "could not have been seen"
 * @param openingDcResistanceOhm   |dV / dI| across the current step into the first half-cycle
 * @param maxLoggingIntervalS      longest interval between consecutive samples under current (gaps included)
 * @param notApplicable            why soft-breakdown detection does not apply to this channel (no cell test and a trace
 *                                 that is not Li plating/stripping), or null when it does: an answer, not a failure
 * @param normalBehaviour          a named normal behaviour seen in this cycle that a naive detector would take for a
 *                                 breakdown (a first-cycle CE set by interphase formation or alloying), or null
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
        double maxVoltageStepV,
        double openingDcResistanceOhm,
        double maxLoggingIntervalS,
        String notApplicable,
        String normalBehaviour) {

    public static final CycleFeatures NONE = new CycleFeatures(Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, null, null);
}
