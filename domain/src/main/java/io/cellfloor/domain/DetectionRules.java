package io.cellfloor.domain;

/**
 * All thresholds of soft-breakdown detection, one set per deployment (or per test where a cell needs its own);
 * {@link #DEFAULTS} documents each value and why in the component records.
 */
public record DetectionRules(VoltageRules voltage, CeRules ce, RestRules rest, StageRules stage,
                             AverageCeRules averageCe, DriftRules drift) {

    public static final DetectionRules DEFAULTS = new DetectionRules(VoltageRules.DEFAULTS, CeRules.DEFAULTS,
            RestRules.DEFAULTS, StageRules.DEFAULTS, AverageCeRules.DEFAULTS, DriftRules.DEFAULTS);

    /** The rules before the drift statistics were added, with their defaults. */
    public DetectionRules(final VoltageRules voltage, final CeRules ce, final RestRules rest, final StageRules stage,
                          final AverageCeRules averageCe) {
        this(voltage, ce, rest, stage, averageCe, DriftRules.DEFAULTS);
    }
}
