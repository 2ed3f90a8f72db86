package io.cellfloor.domain;

/**
 * Thresholds of the rest-voltage check (SCIENCE.md: the cheap signal that works at any logging rate).
 *
 * @param collapseRatio Li/SSE/CC: after a strip that reached the cut-off a healthy collector holds no Li and its
 *                      open-circuit voltage only relaxes a little (simulator: to ~90 % within the rest); a leakage path
 *                      pulls it towards 0 V (to ~37 % within a 2-minute rest). Below this fraction of the voltage at the
 *                      start of the rest, it has collapsed
 * @param minStartV     rests that start below this are not judged (nothing to collapse from)
 * @param decayMinV     full cells: an open-circuit decay after charge smaller than this is never a self-discharge
 *                      signature (healthy relaxation is tens of mV)
 * @param decayFactor   ... and it must exceed this multiple of the channel's own healthy decay
 * @param baselineRests the channel's healthy decay is the mean over its first this-many healthy rests
 * @param watchMs       only the first this-many ms of a rest are watched (a test parked at open circuit for days
 *                      self-discharges without a short)
 * @param minStripCutoffV Li/SSE/CC: the rest is evidence only after a strip whose cut-off is at least this high. Only a
 *                      strip driven well above the Li-alloy and Li potentials leaves a bare collector; with a 0.1 V or
 *                      0.5 V cut-off Li (or Li alloyed into an Au, Ag or C coating) stays on the collector and holds
 *                      the rest near 0 V vs Li, as Li does: a Li-covered electrode, not a short. Li-Au and Li-Ag
 *                      alloys delithiate up to ~0.6-0.8 V, so 1.0 V is the lowest cut-off that says "no Li left"
 */
public record RestRules(double collapseRatio, double minStartV, double decayMinV, double decayFactor,
                        int baselineRests, long watchMs, double minStripCutoffV) {

    public static final RestRules DEFAULTS = new RestRules(0.5, 0.02, 0.15, 4.0, 4, 1_800_000, 1.0);
}
