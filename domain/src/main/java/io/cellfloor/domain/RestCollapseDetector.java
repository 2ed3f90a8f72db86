package io.cellfloor.domain;

import java.util.Map;

/**
 * Rest-voltage collapse (SCIENCE.md), cheap and blind to the logging rate. A Li/SSE/CC cell at open circuit after a
 * strip that reached the cut-off holds no Li on its collector and stays high; a leakage path pulls it towards 0 V.
 * A full cell's open-circuit voltage after charge that decays much faster than the channel's own healthy rests is the
 * self-discharge signature of an internal short. Li/Li rests always relax to 0 V and tell nothing.
 */
final class RestCollapseDetector {
    private RestCollapseDetector() {
    }

    /**
     * @param healthyDecayV the channel's mean open-circuit decay after charge (full cells), NaN until learnt
     * @param stripCutoffV  the strip's cut-off voltage from the cell test, NaN when unknown
     * @return the collapse seen in this rest, or null
     */
    static BreakdownEvent judge(final RestObservation rest, final CellKind kind, final double healthyDecayV,
                                final double stripCutoffV, final RestRules rules) {
        if (rest == null) {
            return null; // no rest, or too few points in it
        }
        if (rest.after() != Direction.CHARGE) {
            return null; // only the rest after a strip (or a charge) holds the voltage a leak pulls down
        }
        if (kind == CellKind.ASYMMETRIC) {
            return asymmetric(rest, stripCutoffV, rules);
        }
        if (kind == CellKind.FULL) {
            return full(rest, healthyDecayV, rules);
        }
        return null; // Li/Li or unknown: the rest voltage says nothing about a leak
    }

    private static BreakdownEvent asymmetric(final RestObservation rest, final double stripCutoffV,
                                             final RestRules rules) {
        if (!rest.afterCutoff()) {
            return null; // the strip did not reach the cut-off: Li may be left and hold the voltage near 0
        }
        if (!(stripCutoffV >= rules.minStripCutoffV())) {
            return null; // a low cut-off leaves Li (or a Li alloy) on the collector: its rest sits near 0 V anyway
        }
        if (rest.startV() < rules.minStartV()) {
            return null; // nothing high to collapse from
        }
        final double ratio = rest.endV() / rest.startV();
        if (ratio >= rules.collapseRatio()) {
            return null; // the collector held its voltage
        }
        return event(rest, 1.0 - ratio, Map.of("startV", rest.startV(), "endV", rest.endV(), "ratio", ratio,
                "restS", rest.durationS()));
    }

    private static BreakdownEvent full(final RestObservation rest, final double healthyDecayV, final RestRules rules) {
        final double decay = rest.startV() - rest.endV();
        final double limit = healthyDecayV > 0
                ? Math.max(rules.decayMinV(), rules.decayFactor() * healthyDecayV) : rules.decayMinV();
        if (!(decay > limit)) {
            return null; // decayed no faster than this channel's healthy rests
        }
        return event(rest, Math.min(1.0, decay / (4 * limit)), Map.of("startV", rest.startV(), "endV", rest.endV(),
                "decayV", decay, "limitV", limit, "restS", rest.durationS()));
    }

    private static BreakdownEvent event(final RestObservation rest, final double severity,
                                        final Map<String, Double> evidence) {
        return new BreakdownEvent(BreakdownType.REST_VOLTAGE_COLLAPSE, rest.cycleNumber(), Direction.REST,
                rest.startMs(), rest.endMs(), Math.min(1.0, severity), false, evidence);
    }
}
