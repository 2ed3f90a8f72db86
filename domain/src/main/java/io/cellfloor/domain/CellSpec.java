package io.cellfloor.domain;

import java.util.Locale;
import java.util.Objects;

/**
 * What the floor knows about the cell on one channel: its construction and the conditions it is cycled under.
 * Every comparison across the floor groups by these fields.
 *
 * @param averageCe the reservoir protocol, or null when the test does not run one
 */
public record CellSpec(
        CellKind kind,
        double areaCm2,
        String electrolyte,
        String collector,
        double currentDensityMAcm2,
        double arealCapacityMAhCm2,
        double cutoffLowV,
        double cutoffHighV,
        double stackPressureMPa,
        CeDirection ceDirection,
        AverageCeProtocol averageCe) {

    /** The paper's pellet: 10 mm diameter. */
    public static final double PELLET_AREA_CM2 = Math.PI * 0.5 * 0.5;

    public CellSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ceDirection, "ceDirection");
        if (!(areaCm2 > 0)) {
            throw new IllegalArgumentException("electrode area must be > 0 cm2, got " + areaCm2);
        }
        if (!(cutoffHighV > cutoffLowV)) {
            throw new IllegalArgumentException("cut-off voltages must satisfy low < high, got low=" + cutoffLowV
                    + " V, high=" + cutoffHighV + " V");
        }
    }

    /** The nominal current in A: current density times area. */
    public double nominalCurrentA() {
        return currentDensityMAcm2 * areaCm2 / 1000.0;
    }

    /** The nominal capacity of one half-cycle in Ah: areal capacity times area. */
    public double nominalCapacityAh() {
        return arealCapacityMAhCm2 * areaCm2 / 1000.0;
    }

    /** The dimensions every comparison on the floor groups by (SCIENCE.md), as one readable key. */
    public String cohort() {
        return String.format(Locale.ROOT, "%s | %s | %s mA/cm2 | %s mAh/cm2 | %s V | %s MPa", electrolyte, collector,
                number(currentDensityMAcm2), number(arealCapacityMAhCm2), number(cutoffHighV), number(stackPressureMPa));
    }

    private static String number(final double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
