package io.cellfloor.cli;

import java.nio.file.Path;

/**
 * What the demo runs: the size and pace of the simulated floor, how long, where its state lives, its ports, and
 * whether it opens the dashboard in a browser (only when started from a terminal; {@code --browser no} never).
 */
record DemoSettings(int channels, double speedUp, int cycles, int seconds, Path stateDir, int metricsPort,
                    int partitions, int httpPort, boolean openBrowser) {

    static DemoSettings from(final Options o) {
        final DemoSettings s = new DemoSettings(o.integer("channels", 64), o.number("speed-up", 600),
                o.integer("cycles", 30), o.integer("seconds", 0), Path.of(o.text("state-dir", "state/demo")),
                o.integer("metrics-port", 9464), o.integer("partitions", 4),
                o.integer("http-port", envPort(System.getenv("CELLFLOOR_HTTP_PORT"))),
                !"no".equals(o.text("browser", "auto")) && System.console() != null);
        if (s.channels < 1 || s.cycles < 1 || !(s.speedUp > 0) || s.seconds < 0 || s.partitions < 1
                || s.httpPort < 0 || s.httpPort > 65_535) {
            throw new IllegalArgumentException("demo needs channels >= 1, cycles >= 1, speed-up > 0, seconds >= 0"
                    + ", partitions >= 1 and an HTTP port 0-65535; got " + s);
        }
        return s;
    }

    /** {@code CELLFLOOR_HTTP_PORT} when set, else 8080; {@code --http-port} wins over both. */
    private static int envPort(final String value) {
        if (value == null || value.isBlank()) {
            return 8080;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("CELLFLOOR_HTTP_PORT must be a number, got '" + value + "'", e);
        }
    }
}
