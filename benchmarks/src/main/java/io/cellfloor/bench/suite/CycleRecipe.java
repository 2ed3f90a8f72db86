package io.cellfloor.bench.suite;

import java.util.List;

/**
 * What the generator does in one cycle: the current density, the dendrite contacts and any persistent short it
 * injects, the cycler steps that interrupt a plating (a pause, an EIS measurement, a DC pulse), the fraction of
 * plated Li that is lost (interphase, dead Li; negative when a coating releases extra Li), and the name of the
 * normal behaviour that could fool a detector in this cycle ({@code null} when none).
 */
record CycleRecipe(int cycle, double currentDensityMAcm2, Phase phase, List<Contact> contacts,
                   double persistentShortOhm, double lossFraction, boolean pauseInPlating, boolean eisInPlating,
                   String confounder) {

    CycleRecipe {
        contacts = List.copyOf(contacts);
    }

    static CycleRecipe normal(final int cycle, final double currentDensity, final double loss) {
        return new CycleRecipe(cycle, currentDensity, Phase.NORMAL, List.of(), Double.POSITIVE_INFINITY, loss, false,
                false, null);
    }

    boolean hasBreakdown() {
        return phase != Phase.NORMAL;
    }

    boolean hasPersistentShort() {
        return Double.isFinite(persistentShortOhm);
    }

    CycleRecipe withPhase(final Phase p, final List<Contact> c, final double shortOhm) {
        return new CycleRecipe(cycle, currentDensityMAcm2, p, c, shortOhm, lossFraction, pauseInPlating, eisInPlating,
                confounder);
    }

    CycleRecipe withConfounder(final String name) {
        return new CycleRecipe(cycle, currentDensityMAcm2, phase, contacts, persistentShortOhm, lossFraction,
                pauseInPlating, eisInPlating, name);
    }

    CycleRecipe withInterruptions(final boolean pause, final boolean eis) {
        return new CycleRecipe(cycle, currentDensityMAcm2, phase, contacts, persistentShortOhm, lossFraction, pause,
                eis, pause || eis ? "step inside plating" : confounder);
    }
}
