package io.cellfloor.sim;

import io.cellfloor.domain.CellKind;
import io.cellfloor.domain.CellSpec;
import java.util.Locale;

/**
 * The electrical shape of a simulated cell: how large its overpotentials are, how it nucleates, rests and drifts.
 * Cheap closed forms only, so a sample costs a few multiplications and at most a couple of {@code exp}s.
 *
 * <p>Overpotential at current density j (mA/cm2): ohmic {@code ohmicAsrOhmCm2 x j} (vanishes at once when the
 * current stops; a consumer's DC resistance at a reversal sees it) plus polarisation
 * {@code polarisationV + polAsrOhmCm2 x j} (builds and relaxes with {@code settleTauMs}).
 *
 * @param ohmicAsrOhmCm2 area-specific ohmic resistance (ohm cm2)
 * @param polarisationV current-independent part of the plateau overpotential (V)
 * @param polAsrOhmCm2 current-dependent part of the polarisation (ohm cm2)
 * @param nucleationV nucleation overpotential |V_min - V_plateau| of the first plating at 0.1 mA/cm2 (V); grows
 *        mildly with current density; Li/Li reversal peaks use a fifth of the polarisation instead
 * @param nucleationLateFraction what the nucleation overpotential falls to over cycling (paper LGPS: 59.8/83.7)
 * @param nucleationTauMs time of the nucleation minimum after plating onset
 * @param settleTauMs time constant of the polarisation build-up and of the decay of the previous rest voltage
 * @param driftWithinHalf relative growth of the polarisation from start to end of a half-cycle
 * @param growthPerCycle relative growth of the polarisation per cycle (interphase growth)
 * @param restMs duration of each rest step
 * @param initialRestMs open-circuit rest before the first cycle (0 for none)
 * @param freshOcvV open-circuit voltage of the cell as assembled
 * @param cutoffRelaxFraction where the open-circuit voltage of an emptied collector settles, as a fraction of the
 *        voltage at the start of the rest (healthy cells "stay high and relax a little")
 * @param relaxTauMs time constant of open-circuit relaxation
 * @param maxStripFactor safety time limit of a strip (Li cells) or charge (full cells), in units of the nominal
 *        half-cycle duration
 * @param fadePerCycle full cells: relative capacity lost per cycle
 */
public record CellModel(
        double ohmicAsrOhmCm2,
        double polarisationV,
        double polAsrOhmCm2,
        double nucleationV,
        double nucleationLateFraction,
        long nucleationTauMs,
        long settleTauMs,
        double driftWithinHalf,
        double growthPerCycle,
        long restMs,
        long initialRestMs,
        double freshOcvV,
        double cutoffRelaxFraction,
        long relaxTauMs,
        double maxStripFactor,
        double fadePerCycle) {

    public CellModel {
        if (ohmicAsrOhmCm2 < 0 || polarisationV < 0 || polAsrOhmCm2 < 0 || nucleationV < 0) {
            throw new IllegalArgumentException("resistances and overpotentials must be >= 0");
        }
        if (nucleationTauMs < 1 || settleTauMs < 1 || relaxTauMs < 1 || restMs < 0 || initialRestMs < 0) {
            throw new IllegalArgumentException("time constants must be >= 1 ms and rests >= 0 ms");
        }
        if (!(maxStripFactor > 1.0)) {
            throw new IllegalArgumentException("the strip time limit must exceed the nominal half-cycle time,"
                    + " got factor " + maxStripFactor);
        }
    }

    /** Parameters typical for the cell's construction (electrolyte, collector, kind). */
    public static CellModel typical(final CellSpec spec) {
        if (spec.kind() == CellKind.FULL) {
            return new CellModel(25.0, 0.01, 10.0, 0.0, 1.0, 1_000, 20_000, 0.05, 0.002, 180_000, 60_000,
                    spec.cutoffLowV() + 0.3, 0.0, 300_000, 1.5, 0.0005);
        }
        final String sse = spec.electrolyte() == null ? "" : spec.electrolyte().toUpperCase(Locale.ROOT);
        final double pol = sse.startsWith("LI3YCL6") ? 0.060 : sse.startsWith("LGPS") ? 0.025 : 0.015;
        final double growth = sse.startsWith("LGPS") ? 0.01 : 0.002; // LGPS: "continuous increase in overpotential"
        final double nucleation = sse.startsWith("LGPS") ? 0.0837 : 0.060 * collectorNucleation(spec.collector());
        final double fresh = spec.kind() == CellKind.SYMMETRIC ? 0.0 : 2.2;
        return new CellModel(20.0, pol, 20.0, nucleation, 0.714, 20_000, 2_000, 0.08, growth, 120_000, 60_000,
                fresh, 0.85, 120_000, 2.5, 0.0);
    }

    /** Lithiophilic coatings nucleate Li more easily. */
    private static double collectorNucleation(final String collector) {
        final String cc = collector == null ? "" : collector.toUpperCase(Locale.ROOT);
        if (cc.startsWith("AU")) {
            return 0.35;
        }
        return cc.startsWith("C@") ? 0.6 : cc.equals("CU") ? 0.9 : 1.0;
    }

    /** A copy with another rest duration, for short demo cycles. */
    public CellModel withRestMs(final long newRestMs) {
        return new CellModel(ohmicAsrOhmCm2, polarisationV, polAsrOhmCm2, nucleationV, nucleationLateFraction,
                nucleationTauMs, settleTauMs, driftWithinHalf, growthPerCycle, newRestMs, initialRestMs, freshOcvV,
                cutoffRelaxFraction, relaxTauMs, maxStripFactor, fadePerCycle);
    }
}
