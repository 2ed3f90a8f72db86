package io.cellfloor.sim.detect;

import io.cellfloor.domain.CeDirection;
import io.cellfloor.domain.CellKind;
import io.cellfloor.domain.CellSpec;
import io.cellfloor.sim.Injection;
import java.util.List;

/** The cells of the detection scenarios: every construction the paper and the floor run, with their normal oddities. */
final class Cells {
    private Cells() {
    }

    /** A cell and the confounders that are normal for it (a first-cycle CE set by interphase or alloying). */
    record Cell(String name, CellSpec spec, List<Injection> normal) {
    }

    static final List<Cell> ASYMMETRIC = List.of(
            asymmetric("LPSC/SS paper", "LPSC", "SS", 0.1, 0.1, 1.5),
            asymmetric("LPSC/SS 1 mA", "LPSC", "SS", 1.0, 0.2, 1.5),
            asymmetric("LPSC/Cu", "LPSC", "Cu", 0.5, 0.1, 1.5),
            asymmetric("LPSC/C@Cu", "LPSC", "C@Cu", 1.0, 0.2, 1.5),
            new Cell("LPSC/Au@Cu", spec(CellKind.ASYMMETRIC, "LPSC", "Au@Cu", 1.0, 0.2, 1.5),
                    List.of(new Injection.FirstCycleCe(100.76))),
            asymmetric("LPS/SS 2 mA", "LPS", "SS", 2.0, 0.5, 1.5),
            new Cell("LGPS/SS", spec(CellKind.ASYMMETRIC, "LGPS", "SS", 1.0, 0.2, 1.5),
                    List.of(new Injection.FirstCycleCe(1.39))),
            new Cell("Li3YCl6/SS", spec(CellKind.ASYMMETRIC, "Li3YCl6", "SS", 0.5, 0.1, 1.5),
                    List.of(new Injection.FirstCycleCe(20.0))),
            asymmetric("Li3N/SS 0.5 V", "Li3N", "SS", 0.3, 0.1, 0.5),
            asymmetric("LPSC/SS 0.1 V", "LPSC", "SS", 0.5, 0.1, 0.1),
            asymmetric("liquid/Cu 3 mA", "liquid", "Cu", 3.0, 0.5, 1.5));

    static final List<Cell> SYMMETRIC = List.of(
            new Cell("LPSC/Li", spec(CellKind.SYMMETRIC, "LPSC", "Li", 1.0, 0.2, 1.0), List.of()),
            new Cell("LGPS/Li", spec(CellKind.SYMMETRIC, "LGPS", "Li", 0.5, 0.2, 1.0), List.of()),
            new Cell("LPS/Li", spec(CellKind.SYMMETRIC, "LPS", "Li", 2.0, 0.5, 1.0), List.of()));

    static final List<Cell> FULL = List.of(
            new Cell("NCM811|Li-In", spec(CellKind.FULL, "LPSC", "NCM811|Li-In", 2.0, 0.5, 4.2), List.of()),
            new Cell("NCM622|Li-In", spec(CellKind.FULL, "LPSC", "NCM622|Li-In", 1.0, 0.25, 4.2), List.of()));

    private static Cell asymmetric(final String name, final String sse, final String cc, final double mAcm2,
                                   final double mAhCm2, final double cutoff) {
        return new Cell(name, spec(CellKind.ASYMMETRIC, sse, cc, mAcm2, mAhCm2, cutoff), List.of());
    }

    static CellSpec spec(final CellKind kind, final String sse, final String cc, final double mAcm2,
                         final double mAhCm2, final double cutoffHigh) {
        final boolean full = kind == CellKind.FULL;
        final double low = full ? 3.0 : kind == CellKind.SYMMETRIC ? -1.0 : -0.5;
        return new CellSpec(kind, CellSpec.PELLET_AREA_CM2, sse, cc, mAcm2, mAhCm2, low, cutoffHigh, 100,
                full ? CeDirection.DISCHARGE_OVER_CHARGE : CeDirection.CHARGE_OVER_DISCHARGE, null);
    }
}
