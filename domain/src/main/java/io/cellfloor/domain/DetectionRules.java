package io.cellfloor.domain;

/**
 * All thresholds of soft-breakdown detection, one set per deployment (or per test where a cell needs its own);
 * {@link #DEFAULTS} documents each value and why in the component records.
 */
public record DetectionRules(VoltageRules voltage, CeRules ce, RestRules rest, StageRules stage,
                             AverageCeRules averageCe) {

    public static final DetectionRules DEFAULTS = new DetectionRules(VoltageRules.DEFAULTS, CeRules.DEFAULTS,
            RestRules.DEFAULTS, StageRules.DEFAULTS, AverageCeRules.DEFAULTS);
}
