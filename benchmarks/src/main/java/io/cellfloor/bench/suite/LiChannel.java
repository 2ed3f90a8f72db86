package io.cellfloor.bench.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Galvanostatic Li plating and stripping on a Li/SSE/CC cell (or Li/SSE/Li when symmetric), tick by tick.
 * The cell is a Thevenin source: the collector's potential E vs Li (0 V once Li covers it; the alloying plateau,
 * the bare collector's relaxed potential, or a double layer charging after the Li is used up) behind the
 * overpotential of the ionic path R = eta / I. A dendrite contact or a permanent short is a resistance R_p across
 * the terminals, so V = (E + R I) / (1 + R / R_p) and only the ionic part of the current plates or strips Li.
 * That alone makes the signatures: V pulled towards 0 V while the contact lasts, a strip that needs extra charge
 * to reach the cut-off (CE above 100 %) or never reaches it, a rest voltage pulled to 0 V.
 */
final class LiChannel {
    private static final double TICK_S = 0.25;
    private static final double FRESH_OCV_V = 1.9;
    private static final double RISE_RATE_V_PER_S = 0.05;

    private final Scenario s;
    private final ArbinLog log;
    private double t;
    private double qLi;
    private double v;
    private boolean bare = true;

    LiChannel(final Scenario scenario, final ArbinLog log) {
        this.s = scenario;
        this.log = log;
        this.v = scenario.isSymmetric() ? 0.0 : FRESH_OCV_V;
        this.bare = !scenario.isSymmetric();
    }

    /** Runs every cycle of the scenario; returns one label per cycle, stages from {@link StageLabels}. */
    List<CycleLabel> run() {
        final List<String> stages = StageLabels.of(s.cycles());
        final List<CycleLabel> labels = new ArrayList<>();
        rest(1, 1, 600, null, Double.POSITIVE_INFINITY, false);
        for (int i = 0; i < s.cycles().size(); i++) {
            labels.add(cycle(s.cycles().get(i), stages.get(i)));
        }
        log.flushPending();
        return labels;
    }

    private CycleLabel cycle(final CycleRecipe r, final String stage) {
        final int n = r.cycle();
        final double currentA = r.currentDensityMAcm2() * s.areaCm2() / 1000.0;
        final double targetC = s.arealCapacityMAhCm2() * s.areaCm2() * 3.6;
        final double halfS = targetC / currentA;
        final double eta = s.electrode().overpotentialAt(r.currentDensityMAcm2());
        final CycleTally tally = new CycleTally(eta);
        final double firstPart = r.pauseInPlating() || r.eisInPlating() ? halfS * 0.45 : halfS;
        plate(r, 2, firstPart, 0, currentA, eta, targetC, tally, true);
        if (r.pauseInPlating()) {
            rest(3, n, 900, r, r.persistentShortOhm(), false);
        }
        if (r.eisInPlating()) {
            rest(4, n, 240, r, r.persistentShortOhm(), false);
            pulse(n, currentA, eta, r.persistentShortOhm());
            rest(4, n, 60, r, r.persistentShortOhm(), false);
        }
        if (firstPart < halfS) {
            plate(r, 5, halfS - firstPart, firstPart, currentA, eta, targetC, tally, false);
        }
        qLi -= r.lossFraction() * tally.ionicPlatedC;
        if (s.restAfterPlateS() > 0) {
            rest(7, n, s.restAfterPlateS(), r, r.persistentShortOhm(), false);
        }
        final String end = strip(r, n, currentA, eta, halfS, tally);
        rest(9, n, s.restAfterStripS(), r, r.persistentShortOhm(), true);
        final double ce = 100.0 * tally.strippedC / tally.platedC;
        return new CycleLabel(n, r.hasBreakdown(), kinds(r), tally.leakC / tally.platedC, stage, r.confounder(), ce,
                tally.platedC / 3.6, tally.strippedC / 3.6, end, r.currentDensityMAcm2(), tally.platePlateau(),
                tally.stripPlateau(), tally.minV, tally.maxV);
    }

    private void plate(final CycleRecipe r, final int step, final double seconds, final double offsetS,
                       final double currentA, final double eta, final double targetC, final CycleTally tally,
                       final boolean fresh) {
        final Electrode e = s.electrode();
        final double startV = v;
        final double nucleation = s.isSymmetric() ? e.nucleationV() * 0.4 : fresh ? e.nucleationV()
                : e.nucleationV() * 0.3;
        for (double tau = 0; tau < seconds; tau += TICK_S) {
            final double f = tally.ionicPlatedC / targetC;
            final double collector = collectorWhilePlating(startV, tau, f, eta, fresh);
            final double bump = tau / e.nucleationS() * Math.exp(1 - tau / e.nucleationS());
            final double overpotential = eta + nucleation * bump;
            final double rIon = overpotential / currentA;
            final double rShort = shortAt(r, Half.PLATE, offsetS + tau, rIon);
            v = (collector - rIon * currentA) / (1 + rIon / rShort);
            final double ionicA = (collector - v) / rIon;
            qLi += ionicA * TICK_S;
            tally.ionicPlatedC += ionicA * TICK_S;
            tally.leakC += Math.abs(currentA - ionicA) * TICK_S;
            tally.platedC += currentA * TICK_S;
            tally.plating(v, tau, offsetS + tau, rShort);
            bare = false;
            emit(step, r.cycle(), -currentA);
        }
    }

    private double collectorWhilePlating(final double startV, final double tau, final double f, final double eta,
                                         final boolean fresh) {
        if (s.isSymmetric()) {
            return 0;
        }
        final Electrode e = s.electrode();
        final double settle = Math.exp(-tau / 4.0);
        if (e.alloyFraction() <= 0) {
            return startV * settle;
        }
        final double fa = e.alloyFraction();
        final double alloy = f < fa ? eta + (e.alloyStartV() - eta) * Math.pow(1 - f / fa, 1.5)
                : eta * Math.exp(-(f - fa) / 0.05);
        return fresh ? alloy + (startV - alloy) * settle : Math.min(alloy, eta * 0.2) + startV * settle;
    }

    private String strip(final CycleRecipe r, final int n, final double currentA, final double eta,
                         final double halfS, final CycleTally tally) {
        final Electrode e = s.electrode();
        final double riseC = e.riseFraction() * s.arealCapacityMAhCm2() * s.areaCm2() * 3.6;
        final double etaStrip = eta * 0.9;
        final double rIon = etaStrip / currentA;
        final double limitS = s.isSymmetric() ? halfS : halfS * 2.5;
        double depletedE = Double.NaN;
        for (double tau = 0; tau < limitS; tau += TICK_S) {
            final double rShort = shortAt(r, Half.STRIP, tau, rIon);
            final double collector;
            if (s.isSymmetric()) {
                collector = 0.1 * etaStrip * Math.pow(tau / halfS, 6);
            } else if (qLi > 0 && Double.isNaN(depletedE)) {
                collector = Math.min(s.cutoffHighV() + 0.02, e.riseV() * Math.log1p(riseC / qLi));
            } else {
                final double from = Double.isNaN(depletedE) ? v : depletedE;
                depletedE = Double.isInfinite(rShort) ? from + RISE_RATE_V_PER_S * TICK_S
                        : currentA * rShort + (from - currentA * rShort)
                        * Math.exp(-TICK_S * RISE_RATE_V_PER_S / (currentA * (rShort + rIon)));
                collector = depletedE;
            }
            v = (collector + rIon * currentA) / (1 + rIon / rShort);
            final double ionicA = (v - collector) / rIon;
            if (Double.isNaN(depletedE)) {
                qLi -= ionicA * TICK_S;
            }
            tally.leakC += Math.abs(currentA - ionicA) * TICK_S;
            tally.strippedC += currentA * TICK_S;
            tally.stripping(v, tau, rShort);
            emit(8, n, currentA);
            if (!s.isSymmetric() && v >= s.cutoffHighV()) {
                bare = qLi <= riseC * 1e-3;
                return "CUTOFF";
            }
        }
        bare = !s.isSymmetric() && qLi <= riseC * 1e-3;
        return s.isSymmetric() ? "CAPACITY" : "TIME";
    }

    private void pulse(final int n, final double currentA, final double eta, final double shortOhm) {
        final double rIon = eta / currentA;
        for (double tau = 0; tau < 10; tau += TICK_S) {
            v = (-rIon * 3 * currentA * 0.8) / (1 + rIon / shortOhm);
            emit(6, n, -3 * currentA);
        }
    }

    private void rest(final int step, final int n, final double seconds, final CycleRecipe r, final double shortOhm,
                      final boolean afterStrip) {
        for (double tau = 0; tau < seconds; tau += TICK_S) {
            final boolean leaking = Double.isFinite(shortOhm) || restContact(r, afterStrip, tau);
            final double target;
            final double tauS;
            if (leaking) {
                target = 0;
                tauS = 20;
            } else if (bare) {
                target = Math.min(s.electrode().restHighV(), 0.85 * v + 0.15 * s.electrode().restHighV());
                tauS = 150;
            } else {
                target = afterStrip ? 0.002 : -0.001;
                tauS = 10;
            }
            v = target + (v - target) * Math.exp(-TICK_S / tauS);
            emit(step, n, 0);
        }
    }

    private static boolean restContact(final CycleRecipe r, final boolean afterStrip, final double tau) {
        return r != null && afterStrip && r.contacts().stream().anyMatch(c -> c.activeAt(Half.REST_AFTER_STRIP, tau));
    }

    private static double shortAt(final CycleRecipe r, final Half half, final double tau, final double rIon) {
        double conductance = Double.isFinite(r.persistentShortOhm()) ? 1 / r.persistentShortOhm() : 0;
        for (final Contact c : r.contacts()) {
            if (c.activeAt(half, tau)) {
                conductance += c.depth() / (rIon * (1 - c.depth()));
            }
        }
        return conductance == 0 ? Double.POSITIVE_INFINITY : 1 / conductance;
    }

    private void emit(final int step, final int cycle, final double currentA) {
        log.tick(t, step, cycle, currentA, v);
        t += TICK_S;
    }

    static List<String> kinds(final CycleRecipe r) {
        final List<String> kinds = new ArrayList<>();
        for (final Half h : Half.values()) {
            final List<Contact> in = r.contacts().stream().filter(c -> c.half() == h).toList();
            if (in.isEmpty()) {
                continue;
            }
            if (h == Half.REST_AFTER_STRIP) {
                kinds.add("REST_VOLTAGE_COLLAPSE");
            } else if (in.size() >= 3) {
                kinds.add("VOLTAGE_FLUCTUATION");
            } else {
                kinds.add("VOLTAGE_DROP");
            }
        }
        if (r.hasPersistentShort()) {
            kinds.add(r.phase() == Phase.HARD ? "HARD_SHORT" : "LEAK");
        }
        return kinds.stream().distinct().toList();
    }
}
