package io.cellfloor.cli;

import java.nio.file.Path;

/** What the demo runs: the size and pace of the simulated floor, how long, and where its state lives. */
record DemoSettings(int channels, double speedUp, int cycles, int seconds, Path stateDir, int metricsPort,
                    int partitions) {

    static DemoSettings from(final Options o) {
        final DemoSettings s = new DemoSettings(o.integer("channels", 64), o.number("speed-up", 600),
                o.integer("cycles", 30), o.integer("seconds", 0), Path.of(o.text("state-dir", "state/demo")),
                o.integer("metrics-port", 9464), o.integer("partitions", 4));
        if (s.channels < 1 || s.cycles < 1 || !(s.speedUp > 0) || s.seconds < 0 || s.partitions < 1) {
            throw new IllegalArgumentException("demo needs channels >= 1, cycles >= 1, speed-up > 0, seconds >= 0 "
                    + "and partitions >= 1; got " + s);
        }
        return s;
    }
}
