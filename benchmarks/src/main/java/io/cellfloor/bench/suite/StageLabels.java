package io.cellfloor.bench.suite;

import java.util.ArrayList;
import java.util.List;

/**
 * Stage after each cycle as the paper defines it (Fig. 3d), from the phases the generator injected: stable until
 * the first breakdown; recoverable from the first breakdown while contacts stay isolated and the cell cycles
 * normally in between; irrecoverable once interconnected dendrites leak in consecutive cycles with growing
 * severity, which a reader of the data can know at the second such cycle; hard short from the first cycle with a
 * permanent ohmic path carrying most of the current. Stages only move forward.
 */
final class StageLabels {
    static final List<String> ORDER = List.of("STABLE", "RECOVERABLE", "IRRECOVERABLE", "HARD_SHORT");

    private StageLabels() {
    }

    static List<String> of(final List<CycleRecipe> cycles) {
        final List<String> stages = new ArrayList<>();
        int stage = 0;
        int persistentRun = 0;
        for (final CycleRecipe c : cycles) {
            persistentRun = c.phase() == Phase.PERSISTENT || c.phase() == Phase.HARD ? persistentRun + 1 : 0;
            if (c.phase() == Phase.HARD) {
                stage = 3;
            } else if (c.phase() == Phase.PERSISTENT && persistentRun >= 2) {
                stage = Math.max(stage, 2);
            } else if (c.hasBreakdown()) {
                stage = Math.max(stage, 1);
            }
            stages.add(ORDER.get(stage));
        }
        return stages;
    }
}
