package io.cellfloor.sim;

import io.cellfloor.domain.Direction;
import io.cellfloor.domain.EndReason;
import java.util.SplittableRandom;

/**
 * A Li/SSE/CC cycle: plate the areal capacity (duration = capacity / current), rest, strip until the voltage
 * reaches the high cut-off at t = CE x plated / I, rest. After a strip that reached the cut-off the collector holds
 * no Li and its open-circuit voltage stays high; a leak pulls it to 0 V, and a shorted cell never reaches the
 * cut-off.
 */
final class AsymmetricPlanner extends CyclePlanner {
    /** Li plated on the collector: the open-circuit voltage of Li against Li. */
    private static final double LI_ON_COLLECTOR_OCV = 0.0;

    AsymmetricPlanner(final SimulatorConfig config, final long startMs) {
        super(config, startMs);
    }

    @Override
    protected TruthCycle planCycle(final int cycle, final SplittableRandom baseline, final SplittableRandom faults) {
        final double current = currentA(cycle);
        final long plateMs = Units.durationMs(spec.nominalCapacityAh(), current);
        final long plateStart = nextStartMs();
        plate(cycle, current, plateMs, faults);
        final TruthHalfCycle plating = TruthHalfCycle.of(Direction.DISCHARGE, plateStart, plateMs, -current,
                EndReason.CAPACITY);
        rest(cycle, model.restMs(), openCircuitAfter(-current), LI_ON_COLLECTOR_OCV, 10 * model.settleTauMs());

        final double baseCe = baselineCePct(cycle, baseline);
        final Injection.Leakage leak = injections.first(cycle, Injection.Leakage.class);
        final double wantedCe = leak != null ? leak.cePct() : baseCe;
        final long limitMs = Math.round(model.maxStripFactor() * plateMs);
        final double wantedMs = wantedCe / 100.0 * plateMs;
        final boolean timeLimited = shorted() || wantedMs > limitMs;
        final long stripMs = timeLimited ? limitMs : Math.max(1L, Math.round(wantedMs));
        final double leakFraction = leak == null ? 0.0 : Math.max(0.0, 1.0 - baseCe / wantedCe);
        final long stripStart = nextStartMs();
        strip(cycle, current, stripMs, !timeLimited, leakFraction, faults);
        final TruthHalfCycle stripping = TruthHalfCycle.of(Direction.CHARGE, stripStart, stripMs, current,
                timeLimited ? EndReason.TIME : EndReason.CUTOFF);
        restAfterStrip(cycle, current, timeLimited, leak != null);

        if (leak != null) {
            leakageEvent(cycle, stripping, 100.0 * stripMs / plateMs);
        }
        cycleEvents(cycle, plating, stripping);
        return TruthCycle.of(cycle, plating, stripping);
    }

    private void plate(final int cycle, final double current, final long plateMs, final SplittableRandom faults) {
        final FastWindows fast = new FastWindows();
        if (shorted()) {
            step(cycle, Direction.DISCHARGE, plateMs, -current, ohmicShort(-current, fast), fast,
                    SimStep.ENDS_ON_TIME, 0);
            return;
        }
        final Excursions overlay = disturbances(cycle, Direction.DISCHARGE, true, plateMs, -current, fast, faults);
        final long settle = model.settleTauMs();
        final long nucleationTau = model.nucleationTauMs();
        fast.add(0, 8 * settle, settle / 4).add(0, 8 * nucleationTau, nucleationTau / 8);
        final PlateauProfile profile = new PlateauProfile(lastV(), -current * ohmicOhm(),
                -polarisationV(cycle, current), model.driftWithinHalf(), plateMs, -nucleationV(cycle, current),
                nucleationTau, settle, overlay);
        step(cycle, Direction.DISCHARGE, plateMs, -current, profile, fast, SimStep.ENDS_ON_TIME, 0);
    }

    private void strip(final int cycle, final double current, final long stripMs, final boolean toCutoff,
            final double leakFraction, final SplittableRandom faults) {
        final FastWindows fast = new FastWindows();
        if (shorted()) {
            step(cycle, Direction.CHARGE, stripMs, current, ohmicShort(current, fast), fast, SimStep.ENDS_ON_TIME, 0);
            return;
        }
        final Excursions overlay = disturbances(cycle, Direction.CHARGE, false, stripMs, current, fast, faults);
        final long settle = model.settleTauMs();
        fast.add(0, 8 * settle, settle / 4);
        // a leak shunts part of the current past the interface: the strip plateau sits lower
        final VoltageProfile plateau = new PlateauProfile(lastV(), current * ohmicOhm(),
                polarisationV(cycle, current) * (1.0 - 0.5 * leakFraction), model.driftWithinHalf(), stripMs, 0.0,
                model.nucleationTauMs(), settle, overlay);
        if (!toCutoff) {
            step(cycle, Direction.CHARGE, stripMs, current, plateau, fast, SimStep.ENDS_ON_TIME, 0);
            return;
        }
        final long riseTau = Math.max(100L, Math.min(20_000L, stripMs / 50));
        fast.add(Math.max(0, stripMs - 12 * riseTau), stripMs, riseTau / 3);
        step(cycle, Direction.CHARGE, stripMs, current,
                new CutoffRiseProfile(plateau, stripMs, spec.cutoffHighV(), riseTau), fast, SimStep.ENDS_RISING,
                spec.cutoffHighV());
    }

    private void restAfterStrip(final int cycle, final double current, final boolean timeLimited,
            final boolean leaking) {
        final double start = openCircuitAfter(current);
        if (shorted()) {
            rest(cycle, model.restMs(), start, 0.0, SHORT_TAU_MS);
        } else if (leaking) {
            rest(cycle, model.restMs(), start, 0.0, model.relaxTauMs());
        } else if (timeLimited) {
            rest(cycle, model.restMs(), start, LI_ON_COLLECTOR_OCV, 10 * model.settleTauMs());
        } else {
            rest(cycle, model.restMs(), start, start * model.cutoffRelaxFraction(), model.relaxTauMs());
        }
    }

    /** |V_min - V_plateau| at plating onset: grows mildly with current, falls over cycling (paper: 83.7 -> 59.8). */
    private double nucleationV(final int cycle, final double current) {
        final double late = model.nucleationLateFraction();
        final double cycling = late + (1.0 - late) * Math.exp(-(cycle - 1) / 20.0);
        return model.nucleationV() * Math.pow(densityMAcm2(current) / 0.1, 0.2) * cycling;
    }
}
