package io.cellfloor.bench.suite;

/**
 * The collector's and electrolyte's behaviour in a Li/SSE/CC cell. {@code overpotentialV}: growth overpotential at
 * the reference current density (it grows with the square root of current density, ohmic plus kinetic);
 * {@code nucleationV}/{@code nucleationS}: extra dip at the onset of plating and when it peaks; {@code alloyFraction}:
 * share of each plating that alloys or intercalates above 0 V (Au, C coatings), from {@code alloyStartV} down,
 * then crossing 0 V slowly; {@code riseFraction}/{@code riseV}: scale of the end-of-strip rise (large for LGPS's
 * mixed conducting interphase); {@code restHighV}: where a bare collector relaxes at open circuit.
 */
record Electrode(double overpotentialV, double referenceMAcm2, double nucleationV, double nucleationS,
                 double alloyFraction, double alloyStartV, double riseFraction, double riseV, double restHighV) {

    static Electrode bare(final double overpotentialV, final double referenceMAcm2, final double nucleationV) {
        return new Electrode(overpotentialV, referenceMAcm2, nucleationV, 25, 0, 0, 0.002, 0.07, 1.05);
    }

    Electrode alloying(final double fraction, final double startV) {
        return new Electrode(overpotentialV, referenceMAcm2, nucleationV * 0.3, nucleationS * 3, fraction, startV,
                riseFraction, riseV, restHighV);
    }

    Electrode longRise(final double fraction, final double v) {
        return new Electrode(overpotentialV, referenceMAcm2, nucleationV, nucleationS, alloyFraction, alloyStartV,
                fraction, v, restHighV);
    }

    double overpotentialAt(final double currentDensityMAcm2) {
        return overpotentialV * Math.sqrt(currentDensityMAcm2 / referenceMAcm2);
    }
}
