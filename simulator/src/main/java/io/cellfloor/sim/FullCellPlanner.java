package io.cellfloor.sim;

import io.cellfloor.domain.Direction;
import io.cellfloor.domain.EndReason;
import java.util.SplittableRandom;

/**
 * A full-cell cycle: constant-current charge to the upper cut-off, rest, discharge to the lower cut-off, rest;
 * CE = discharge / charge. A leak makes the charge take longer (CE drops) and the open-circuit voltage after it
 * decay fast, the classic self-discharge signature of an internal short; a hard-shorted cell never reaches the
 * upper cut-off and falls below the lower one at once.
 */
final class FullCellPlanner extends CyclePlanner {
    /** How far below the cut-off a charge that ends on its time limit stays. */
    private static final double SHORT_OF_CUTOFF_V = 0.15;
    /** A shorted discharge ends at the first check of the low cut-off. */
    private static final long SHORTED_DISCHARGE_MS = 1_000L;
    private static final double RELAX_AFTER_CHARGE_V = 0.03;
    private static final double RELAX_AFTER_DISCHARGE_V = 0.25;
    private static final double LEAK_RELAX_V = 0.4;

    FullCellPlanner(final SimulatorConfig config, final long startMs) {
        super(config, startMs);
    }

    @Override
    protected TruthCycle planCycle(final int cycle, final SplittableRandom baseline, final SplittableRandom faults) {
        final double current = currentA(cycle);
        final double capacityAh = spec.nominalCapacityAh() * Math.max(0.05, 1.0 - model.fadePerCycle() * (cycle - 1));
        final long nominalMs = Units.durationMs(capacityAh, current);
        final double baseCe = baselineCePct(cycle, baseline);
        final Injection.Leakage leak = injections.first(cycle, Injection.Leakage.class);
        final double wantedChargeMs = leak == null ? nominalMs : nominalMs * baseCe / leak.cePct();
        final long limitMs = Math.round(model.maxStripFactor() * nominalMs);

        final boolean shortsNow = !shorted() && injections.first(cycle, Injection.HardShort.class) != null;
        final boolean chargeTimeLimited = shorted() || shortsNow || wantedChargeMs > limitMs;
        final long chargeMs = chargeTimeLimited ? limitMs : Math.max(1L, Math.round(wantedChargeMs));
        final long chargeStart = nextStartMs();
        final FastWindows chargeFast = new FastWindows();
        final Excursions chargeOverlay = shorted() ? Excursions.NONE
                : disturbances(cycle, Direction.CHARGE, true, chargeMs, current, chargeFast, faults);
        charge(cycle, current, chargeMs, chargeTimeLimited, chargeOverlay, chargeFast);
        final TruthHalfCycle charge = TruthHalfCycle.of(Direction.CHARGE, chargeStart, chargeMs, current,
                chargeTimeLimited ? EndReason.TIME : EndReason.CUTOFF);
        final double afterCharge = openCircuitAfter(current);
        if (shorted()) {
            rest(cycle, model.restMs(), afterCharge, 0.0, SHORT_TAU_MS);
        } else if (leak != null) {
            rest(cycle, model.restMs(), afterCharge, afterCharge - LEAK_RELAX_V, model.relaxTauMs() / 2);
        } else {
            rest(cycle, model.restMs(), afterCharge, afterCharge - RELAX_AFTER_CHARGE_V, model.relaxTauMs());
        }
        if (leak != null) {
            leakageEvent(cycle, charge, leak.cePct());
        }

        final long dischargeStart = nextStartMs();
        final long dischargeMs = shorted() ? SHORTED_DISCHARGE_MS
                : Math.max(1L, Math.round(baseCe / 100.0 * nominalMs));
        discharge(cycle, current, dischargeMs, faults);
        final TruthHalfCycle discharge = TruthHalfCycle.of(Direction.DISCHARGE, dischargeStart, dischargeMs, -current,
                EndReason.CUTOFF);
        final double afterDischarge = openCircuitAfter(-current);
        rest(cycle, model.restMs(), afterDischarge, shorted() ? 0.0 : afterDischarge + RELAX_AFTER_DISCHARGE_V,
                shorted() ? SHORT_TAU_MS : model.relaxTauMs());
        cycleEvents(cycle, charge, discharge);
        return TruthCycle.of(cycle, charge, discharge);
    }

    private void charge(final int cycle, final double current, final long chargeMs, final boolean timeLimited,
            final Excursions overlay, final FastWindows fast) {
        if (shorted() && overlay.isEmpty()) {
            step(cycle, Direction.CHARGE, chargeMs, current, ohmicShort(current, fast), fast, SimStep.ENDS_ON_TIME, 0);
            return;
        }
        final double cutoff = spec.cutoffHighV();
        final double start = Math.min(lastV() + current * ohmicOhm(), cutoff - 0.05);
        windows(fast, chargeMs);
        final double end = timeLimited ? cutoff - SHORT_OF_CUTOFF_V : cutoff;
        step(cycle, Direction.CHARGE, chargeMs, current, new FullCellProfile(start, end, chargeMs, overlay), fast,
                timeLimited ? SimStep.ENDS_ON_TIME : SimStep.ENDS_RISING, cutoff);
    }

    private void discharge(final int cycle, final double current, final long dischargeMs,
            final SplittableRandom faults) {
        final FastWindows fast = new FastWindows();
        if (shorted()) {
            step(cycle, Direction.DISCHARGE, dischargeMs, -current, ohmicShort(-current, fast), fast,
                    SimStep.ENDS_ON_TIME, 0);
            return;
        }
        final Excursions overlay = disturbances(cycle, Direction.DISCHARGE, false, dischargeMs, -current, fast,
                faults);
        final double cutoff = spec.cutoffLowV();
        final double start = Math.max(lastV() - current * ohmicOhm(), cutoff + 0.05);
        windows(fast, dischargeMs);
        step(cycle, Direction.DISCHARGE, dischargeMs, -current,
                new FullCellProfile(start, cutoff, dischargeMs, overlay), fast, SimStep.ENDS_FALLING, cutoff);
    }

    private static void windows(final FastWindows fast, final long durationMs) {
        final long startScale = Math.max(1L, Math.round(FullCellProfile.START_FRACTION * durationMs));
        final long kneeScale = Math.max(1L, Math.round(FullCellProfile.KNEE_FRACTION * durationMs));
        fast.add(0, 6 * startScale, startScale / 3).add(Math.max(0, durationMs - 10 * kneeScale), durationMs,
                kneeScale / 3);
    }
}
