package io.cellfloor.sim.detect;

import io.cellfloor.domain.BreakdownEvent;
import io.cellfloor.domain.Cycle;
import io.cellfloor.domain.CycleAssembler;
import io.cellfloor.domain.CycleRules;
import io.cellfloor.domain.CycleState;
import io.cellfloor.domain.DetectionRules;
import io.cellfloor.domain.Sample;
import io.cellfloor.domain.StateCodec;
import io.cellfloor.sim.CellSimulator;
import io.cellfloor.sim.InjectedEvent;
import io.cellfloor.sim.SimulatorConfig;
import io.cellfloor.sim.TruthCycle;
import java.util.ArrayList;
import java.util.List;

/**
 * One simulated channel fed through the domain's assembler as the topology feeds it: batches of {@value #BATCH}
 * samples with the channel state encoded and decoded between them, so every scenario also exercises the state
 * round trip. Keeps the cycles and the simulator's ground truth side by side.
 */
record DetectionRun(SimulatorConfig config, List<Cycle> cycles, List<TruthCycle> truth, List<InjectedEvent> injected,
                    SampleLog samples) {
    static final long START_MS = 1_700_000_000_000L;
    static final int BATCH = 500;

    static DetectionRun of(final SimulatorConfig config) {
        return of(config, DetectionRules.DEFAULTS);
    }

    static DetectionRun of(final SimulatorConfig config, final DetectionRules rules) {
        final CellSimulator sim = new CellSimulator(config, START_MS);
        final List<Cycle> cycles = new ArrayList<>();
        final SampleLog log = new SampleLog();
        byte[] stored = StateCodec.encode(new CycleState());
        while (sim.hasNext()) {
            final CycleState state = StateCodec.decodeCycleState(stored);
            final CycleAssembler a = new CycleAssembler(CycleRules.DEFAULTS, rules, config.spec(), state, cycles::add);
            for (int k = 0; k < BATCH && sim.hasNext(); k++) {
                final Sample s = sim.next();
                log.add(s.timeMs(), s.voltageV());
                if (a.check(s.timeMs(), s.currentA(), s.voltageV()) == null) {
                    a.accept(s.timeMs(), s.currentA(), s.voltageV(), s.cycleIndex(), s.stepType());
                }
            }
            if (!sim.hasNext()) {
                a.finish();
            }
            stored = StateCodec.encode(state);
        }
        return new DetectionRun(config, List.copyOf(cycles), sim.truth(), sim.events(), log);
    }

    /** Every event reported, filed under the cycle it names. */
    List<BreakdownEvent> eventsOf(final int cycle) {
        final List<BreakdownEvent> out = new ArrayList<>();
        for (final Cycle c : cycles) {
            for (final BreakdownEvent e : c.events()) {
                if (e.cycleNumber() == cycle) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    List<BreakdownEvent> allEvents() {
        final List<BreakdownEvent> out = new ArrayList<>();
        cycles.forEach(c -> out.addAll(c.events()));
        return out;
    }

    Cycle cycle(final int n) {
        return cycles.get(n - 1);
    }
}
