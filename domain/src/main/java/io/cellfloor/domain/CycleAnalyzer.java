package io.cellfloor.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the detectors over a closed cycle and keeps the channel's baselines and stage: the features of the cycle,
 * its breakdown events, the stage after it, and the reservoir protocol's result when it ends here. Called by
 * {@link CycleAssembler} once per cycle; everything it remembers lives in {@link DetectionState}.
 *
 * <p>Detection answers "not applicable" rather than guess where it does not understand the protocol (see
 * {@link #applicability}).
 *
 * <p>Events are reported with the cycle they belong to. Cut at the cycler's index, the rest after the strip is part of
 * its cycle and is judged with it. Cut by direction, a cycle closes the moment its second half ends, before its rest
 * is seen; a collapse seen in that rest is reported with the next cycle, under its own cycle number (holding every
 * cycle back until its rest ended would delay every cycle's report by the rest, up to {@link RestRules#watchMs()}).
 */
final class CycleAnalyzer {
    private final DetectionRules rules;
    private final CellSpec cell;
    private final CellKind kind;
    private final DetectionState d;

    CycleAnalyzer(final DetectionRules rules, final CellSpec cell, final DetectionState state) {
        this.rules = rules;
        this.cell = cell;
        this.kind = cell == null ? null : cell.kind();
        this.d = state;
    }

    /** What detection adds to a cycle. */
    record Result(CycleFeatures features, List<BreakdownEvent> events, CellStage stage, StageChange stageChange,
                  AverageCeResult averageCe) {
    }

    Result analyze(final int cycleNumber, final HalfCycle first, final HalfCycle second, final HalfSummary s1,
                   final HalfSummary s2, final double cePercent, final boolean complete, final long startMs,
                   final long endMs) {
        final HalfCycle chargeHalf = first != null && first.direction() == Direction.CHARGE ? first : second;
        final EndReason chargeEnd = chargeHalf == null || chargeHalf.direction() != Direction.CHARGE ? null
                : chargeHalf.endReason();
        final String notApplicable = applicability(s1, s2);
        if (notApplicable != null) {
            d.takeRestDueBy(cycleNumber);
            return new Result(FeatureReport.of(s1, s2, d.noiseBaselineV(), notApplicable, null), List.of(),
                    d.stage(), null, null);
        }
        final List<BreakdownEvent> events = new ArrayList<>(2);
        final boolean late = restEvents(cycleNumber, events);
        final BreakdownEvent hardShort = ShortConfirmation.judge(cycleNumber, s1, s2, chargeEnd, cell, d,
                rules.voltage());
        if (hardShort != null) {
            events.add(hardShort);
        }
        voltageEvents(cycleNumber, s1, hardShort, events);
        voltageEvents(cycleNumber, s2, hardShort, events);
        final double cycleCurrent = s1 != null ? s1.currentA() : s2 != null ? s2.currentA() : Double.NaN;
        final double lastCurrent = d.lastCycleCurrentA();
        final boolean currentStep = Math.abs(cycleCurrent - lastCurrent) > rules.ce().currentChangeFraction()
                * lastCurrent;
        final boolean gap = (first != null && first.gapCount() > 0) || (second != null && second.gapCount() > 0);
        final boolean measured = complete && !gap && Double.isFinite(cePercent);
        final boolean firstMeasured = measured && d.countMeasured();
        final AverageCeResult average = averageCe(first, second);
        BreakdownEvent ceJump = null;
        if (cell == null || cell.averageCe() == null || (d.averageCe().done() && average == null)) {
            ceJump = CeJumpDetector.judge(cycleNumber, startMs, endMs, measured ? cePercent : Double.NaN, kind,
                    firstMeasured, chargeEnd, d.ce(), rules.ce(), currentStep);
        }
        if (currentStep) {
            // a deliberate change of current density: judged once against the old baseline (a leak that opens with
            // the step is not learnt as the new normal), then CE starts a new baseline at the new current
            d.ce().clear();
        }
        if (ceJump != null) {
            events.add(ceJump);
        }
        final BreakdownEvent drift = drift(cycleNumber, s1, s2, measured && !firstMeasured ? cePercent : Double.NaN,
                chargeEnd);
        if (drift != null && hardShort == null) {
            events.add(drift); // a confirmed hard short already says more than a gradual fall of resistance
        }
        if (average != null && average.determinable()
                && average.cePercent() > 100.0 + rules.averageCe().allowancePct()) {
            events.add(new BreakdownEvent(BreakdownType.AVERAGE_CE_ABOVE_100, cycleNumber, null, startMs, endMs,
                    Math.min(1.0, (average.cePercent() - 100.0) / 10.0 + 0.5), false, Map.of(
                            "averageCePercent", average.cePercent(), "reservoirMAh", average.reservoirMAh(),
                            "cycledMAh", average.cycledMAh(), "finalStripMAh", average.finalStripMAh())));
        }
        final boolean own = events.stream().anyMatch(e -> e.cycleNumber() == cycleNumber);
        final boolean ceHealthy = events.stream().noneMatch(e -> e.cycleNumber() == cycleNumber && touchesCe(e));
        learn(cycleNumber, s1, s2, own, measured && ceHealthy, firstMeasured, cePercent, cycleCurrent);
        final int recent = d.remember(own, late);
        final double severity = severity(events, cycleNumber);
        final double previous = Math.max(d.lastSeverity(), severity(events, cycleNumber - 1));
        // a late event completes the cycle before: its persistence is judged on the cycles up to that one
        final boolean judgeLate = late && !own;
        final StageChange change = StageMachine.next(d.stage(), cycleNumber, judgeLate ? recent >>> 1 : recent,
                own || late, judgeLate ? previous : severity, judgeLate ? d.beforeLastSeverity() : previous, events,
                rules.stage());
        d.severities(previous, own ? severity : 0);
        if (change != null) {
            d.stage(change.to());
        }
        final String normal = firstMeasured && ceJump == null ? FirstCycle.describe(kind, cePercent) : null;
        return new Result(FeatureReport.of(s1, s2, d.noiseBaselineV(), null, normal), events, d.stage(), change,
                average);
    }

    /**
     * A declared Li cell's resistance falling below its early level ({@link DriftCusum}); not full cells, whose
     * plateau is the electrodes' open-circuit voltage, not an overpotential over a resistance.
     */
    private BreakdownEvent drift(final int cycleNumber, final HalfSummary s1, final HalfSummary s2,
                                 final double cePercent, final EndReason chargeEnd) {
        if (kind == null || kind == CellKind.FULL) {
            return null;
        }
        final boolean symmetric = kind == CellKind.SYMMETRIC;
        return d.drift().observe(cycleNumber, s1, s2, symmetric ? Double.NaN : cePercent,
                symmetric || chargeEnd != EndReason.CUTOFF, rules.voltage().currentStepFraction(), rules.drift());
    }

    /** Null when detection applies, else why not: without a cell test, only a plating below 0 V is judged. */
    private String applicability(final HalfSummary s1, final HalfSummary s2) {
        if (cell != null) {
            return null; // a declared Li/SSE/CC, Li/Li or full cell
        }
        for (final HalfSummary s : new HalfSummary[] {s1, s2}) {
            if (s != null && s.direction() == Direction.DISCHARGE && s.ownSideFraction() >= 0.5) {
                d.sawLiTrace(); // a plating below 0 V: Li plating/stripping, whatever the file says
            }
        }
        return d.liTrace() ? null : "not applicable: no cell test, and no plating below 0 V so far: not a Li "
                + "plating/stripping trace (a commercial or anode half-cell, CC-CV, multi-rate or pulse protocol); "
                + "soft-breakdown signatures are defined for Li/SSE/CC, Li/Li and declared full cells";
    }

    /** The largest severity among the events belonging to {@code cycle}, 0 when none. */
    private static double severity(final List<BreakdownEvent> events, final int cycle) {
        double max = 0;
        for (final BreakdownEvent e : events) {
            if (e.cycleNumber() == cycle) {
                max = Math.max(max, e.severity());
            }
        }
        return max;
    }

    /** Judges a finished rest due by this cycle; returns whether it found a collapse belonging to the cycle before. */
    private boolean restEvents(final int cycleNumber, final List<BreakdownEvent> events) {
        final RestObservation rest = d.takeRestDueBy(cycleNumber);
        if (rest == null) {
            return false; // nothing watched, or the rest belongs to a later cycle
        }
        final BreakdownEvent collapse = RestCollapseDetector.judge(rest, kind, d.restDecayV(),
                cell == null ? Double.NaN : cell.cutoffHighV(), rules.rest());
        if (collapse == null) {
            learnRest(rest);
            return false;
        }
        events.add(collapse);
        d.ce().forget(rest.cycleNumber()); // its CE, normal or not, is not a healthy baseline
        return rest.cycleNumber() == cycleNumber - 1;
    }

    private void voltageEvents(final int cycleNumber, final HalfSummary half, final BreakdownEvent hardShort,
                               final List<BreakdownEvent> events) {
        final BreakdownEvent fluctuation = FluctuationDetector.judge(cycleNumber, half, d.noiseBaselineV(),
                rules.voltage());
        if (fluctuation != null) {
            events.add(fluctuation);
            return;
        }
        final BreakdownEvent drop = VoltageDropDetector.judge(cycleNumber, half, rules.voltage());
        if (drop != null && !(hardShort != null && !drop.recovered() && half.endedLow())) {
            events.add(drop); // an unrecovered drop into a hard short is the short's onset, reported with it
        }
    }

    private AverageCeResult averageCe(final HalfCycle first, final HalfCycle second) {
        final AverageCeProtocol protocol = cell == null ? null : cell.averageCe();
        if (protocol == null) {
            return null;
        }
        final AverageCeResult a = d.averageCe().accept(first, protocol, rules.averageCe());
        final AverageCeResult b = d.averageCe().accept(second, protocol, rules.averageCe());
        if (a != null || b != null) {
            d.ce().clear(); // the protocol's cycles say nothing about the cell's own CE baseline
        }
        return a != null ? a : b;
    }

    /**
     * Whether an event says the cycle's CE is not the cell's own: charge went through a leak or a short. A drop or
     * fluctuation in the voltage alone leaves the coulombs, and the CE baseline, as they were.
     */
    private static boolean touchesCe(final BreakdownEvent e) {
        return e.type() != BreakdownType.VOLTAGE_DROP && e.type() != BreakdownType.VOLTAGE_FLUCTUATION;
    }

    private void learn(final int cycleNumber, final HalfSummary s1, final HalfSummary s2, final boolean breakdown,
                       final boolean ceHealthy, final boolean firstMeasured, final double cePercent,
                       final double cycleCurrent) {
        if (!breakdown) {
            learnHalf(s1);
            learnHalf(s2);
        }
        learnEarly(s1);
        learnEarly(s2);
        final boolean protocol = cell != null && cell.averageCe() != null && !d.averageCe().done();
        if (ceHealthy && !firstMeasured && kind != CellKind.SYMMETRIC && !protocol) {
            d.ce().add(cycleNumber, cePercent, rules.ce().historyCycles());
        }
        if (cycleCurrent > 0) {
            d.lastCycleCurrentA(cycleCurrent);
        }
    }

    /**
     * The early-life reference takes the plateau of any half that did not end low, even in a cycle with a breakdown:
     * a cell that breaks down from its first cycle still has an electrolyte to compare with. Its plateau leaves the
     * excursions out, and a leak only lowers what is learnt (the comparison becomes more cautious, never less).
     */
    private void learnEarly(final HalfSummary half) {
        if (half != null && !half.endedLow()) {
            d.early().learn(half.direction(), half.plateauV(), half.currentA(), rules.voltage().currentStepFraction());
        }
    }

    private void learnHalf(final HalfSummary half) {
        if (half == null || half.excursions() > 0 || half.endedLow()) {
            return;
        }
        if (half.plateauV() > 0) {
            d.learnPlateau(half.direction(), half.plateauV(), half.currentA());
        }
        if (half.noiseV() > 0) {
            d.learnNoise(half.noiseV(), rules.voltage().noiseBaselineHalves());
        }
    }

    private void learnRest(final RestObservation rest) {
        if (kind == CellKind.FULL && rest.after() == Direction.CHARGE) {
            d.learnRestDecay(Math.max(0, rest.startV() - rest.endV()), rules.rest().baselineRests());
        }
    }
}
