package io.cellfloor.sim.detect;

import io.cellfloor.domain.Cycle;
import java.util.List;
import java.util.Locale;

/**
 * Prints, cycle by cycle next to the simulator's truth, what detection makes of the suite's scenarios whose name
 * contains a text: the tool for finding out why the scorer counts a miss or a false alarm.
 * <pre>{@code
 * java -cp "$CP" io.cellfloor.sim.detect.ScenarioExplorer SEED REPEATS "LPSC/Cu leak" [COUNT] [features]
 * }</pre>
 */
final class ScenarioExplorer {
    private ScenarioExplorer() {
    }

    public static void main(final String[] args) {
        final List<Scenario> suite = ScenarioSuite.generate(Long.parseLong(args[0]), Integer.parseInt(args[1]));
        suite.stream().filter(s -> s.name().contains(args[2])).limit(args.length > 3 ? Integer.parseInt(args[3]) : 1)
                .forEach(s -> {
                    System.out.println("== " + s.name());
                    print(DetectionRun.of(s.config()), args.length > 4);
                });
    }

    static void print(final DetectionRun run, final boolean features) {
        run.injected().forEach(e -> System.out.println("truth " + e));
        for (final Cycle c : run.cycles()) {
            System.out.printf(Locale.ROOT, "%3d ce=%7.2f truth=%7.2f stage=%s%s%n", c.cycleNumber(), c.cePercent(),
                    c.cycleNumber() <= run.truth().size() ? run.truth().get(c.cycleNumber() - 1).cePct() : Double.NaN,
                    c.stage(), features ? " " + c.features() : "");
            c.events().forEach(e -> System.out.println("      " + e));
            if (c.stageChange() != null) {
                System.out.println("      >> " + c.stageChange());
            }
        }
    }
}
