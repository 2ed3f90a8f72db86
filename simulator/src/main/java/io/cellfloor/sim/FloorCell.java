package io.cellfloor.sim;

import io.cellfloor.domain.CeDirection;
import io.cellfloor.domain.CellKind;
import io.cellfloor.domain.CellSpec;
import java.util.List;

/** A cell type of the generated floor, with the confounders normal for it. */
final class FloorCell {
    /** The cells of the floor, cycled through by channel position (11 asymmetric, 3 symmetric, 2 full per 16). */
    static final FloorCell[] MIX = {
        new FloorCell(CellKind.ASYMMETRIC, "LPSC", "SS", 1.0, 0.2, 1.5),
        new FloorCell(CellKind.ASYMMETRIC, "LPSC", "Cu", 0.5, 0.1, 1.5),
        new FloorCell(CellKind.ASYMMETRIC, "LPSC", "C@Cu", 1.0, 0.2, 1.5),
        new FloorCell(CellKind.ASYMMETRIC, "LPSC", "Au@Cu", 1.0, 0.2, 1.5),
        new FloorCell(CellKind.SYMMETRIC, "LPSC", "Li", 1.0, 0.2, 1.5),
        new FloorCell(CellKind.ASYMMETRIC, "LPS", "SS", 2.0, 0.5, 1.5),
        new FloorCell(CellKind.ASYMMETRIC, "LGPS", "SS", 1.0, 0.2, 1.5),
        new FloorCell(CellKind.FULL, "LPSC", "NCM811|Li-In", 2.0, 0.5, 4.2),
        new FloorCell(CellKind.ASYMMETRIC, "LPS", "C@Cu", 1.0, 0.3, 1.5),
        new FloorCell(CellKind.ASYMMETRIC, "Li3YCl6", "SS", 0.5, 0.1, 1.5),
        new FloorCell(CellKind.SYMMETRIC, "LGPS", "Li", 0.5, 0.2, 1.5),
        new FloorCell(CellKind.ASYMMETRIC, "LPSC", "SS", 0.1, 0.1, 1.5),
        new FloorCell(CellKind.ASYMMETRIC, "Li3N", "SS", 0.3, 0.1, 0.5),
        new FloorCell(CellKind.ASYMMETRIC, "LPSC", "SS", 0.5, 0.1, 0.1),
        new FloorCell(CellKind.SYMMETRIC, "LPS", "Li", 2.0, 0.5, 1.5),
        new FloorCell(CellKind.FULL, "LPSC", "NCM622|Li-In", 1.0, 0.25, 4.2),
    };

    final CellKind kind;
    final String electrolyte;
    final String collector;
    final double currentDensity;
    final double arealCapacity;
    final double cutoffHigh;

    FloorCell(final CellKind kind, final String electrolyte, final String collector, final double currentDensity,
            final double arealCapacity, final double cutoffHigh) {
        this.kind = kind;
        this.electrolyte = electrolyte;
        this.collector = collector;
        this.currentDensity = currentDensity;
        this.arealCapacity = arealCapacity;
        this.cutoffHigh = cutoffHigh;
    }

    CellSpec spec(final double pressure) {
        final boolean full = kind == CellKind.FULL;
        final double low = full ? 3.0 : kind == CellKind.SYMMETRIC ? -1.0 : -0.5;
        final double high = kind == CellKind.SYMMETRIC ? 1.0 : cutoffHigh;
        return new CellSpec(kind, CellSpec.PELLET_AREA_CM2, electrolyte, collector, currentDensity,
                arealCapacity, low, high, pressure,
                full ? CeDirection.DISCHARGE_OVER_CHARGE : CeDirection.CHARGE_OVER_DISCHARGE, null);
    }

    /** Normal first cycles that look abnormal: interphase formation (LGPS, Li3YCl6), Li-Au alloying. */
    List<Injection> confounders() {
        if (kind != CellKind.ASYMMETRIC) {
            return List.of();
        }
        switch (electrolyte + "/" + collector) {
            case "LGPS/SS":
                return List.of(new Injection.FirstCycleCe(1.39));
            case "Li3YCl6/SS":
                return List.of(new Injection.FirstCycleCe(20.0));
            case "LPSC/Au@Cu":
                return List.of(new Injection.FirstCycleCe(100.76));
            default:
                return List.of();
        }
    }
}
