package io.cellfloor.bench.suite;

import java.util.List;

/**
 * One generated channel: the cell as an operator would declare it in a CellTest, how it behaves
 * ({@link Electrode}; ignored for full cells), how the cycler logs, and the recipe of every cycle.
 */
record Scenario(String name, String family, String kind, String electrolyte, String collector, double areaCm2,
                double arealCapacityMAhCm2, double cutoffLowV, double cutoffHighV, double stackPressureMPa,
                Electrode electrode, Logging logging, double restAfterPlateS, double restAfterStripS,
                List<CycleRecipe> cycles, long seed) {

    Scenario {
        cycles = List.copyOf(cycles);
    }

    boolean isFull() {
        return kind.equals("FULL");
    }

    boolean isSymmetric() {
        return kind.equals("SYMMETRIC");
    }

    /** The nominal current density (the first cycle's), as the CellTest declares it. */
    double currentDensityMAcm2() {
        return cycles.get(0).currentDensityMAcm2();
    }

    /** The CellTest an operator would write for this channel. */
    String cellTestYaml() {
        return "kind: " + kind + "\n"
                + "areaCm2: " + areaCm2 + "\n"
                + "electrolyte: " + electrolyte + "\n"
                + "collector: " + collector + "\n"
                + "currentDensityMAcm2: " + currentDensityMAcm2() + "\n"
                + "arealCapacityMAhCm2: " + arealCapacityMAhCm2 + "\n"
                + "cutoffLowV: " + cutoffLowV + "\n"
                + "cutoffHighV: " + cutoffHighV + "\n"
                + "stackPressureMPa: " + stackPressureMPa + "\n"
                + "ceDirection: " + (isFull() ? "DISCHARGE_OVER_CHARGE" : "CHARGE_OVER_DISCHARGE") + "\n";
    }
}
