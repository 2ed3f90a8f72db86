package io.cellfloor.domain;

import java.util.ArrayList;
import java.util.List;

/** Collects what an assembler emits and answers the questions detection tests ask. */
final class Detected {
    final List<Cycle> cycles = new ArrayList<>();
    final CycleState state = new CycleState();

    CycleAssembler assembler(final CellSpec cell) {
        return new CycleAssembler(CycleRules.DEFAULTS, DetectionRules.DEFAULTS, cell, state, cycles::add);
    }

    /** Every event reported, whichever cycle carried it. */
    List<BreakdownEvent> events() {
        final List<BreakdownEvent> out = new ArrayList<>();
        cycles.forEach(c -> out.addAll(c.events()));
        return out;
    }

    List<BreakdownEvent> events(final BreakdownType type) {
        return events().stream().filter(e -> e.type() == type).toList();
    }

    Cycle cycle(final int number) {
        return cycles.get(number - 1);
    }
}
