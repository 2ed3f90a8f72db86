package io.cellfloor.cli;

import java.nio.file.Path;

/**
 * What the demo runs: the size and pace of the simulated floor, how far in the past its simulated time starts
 * (it catches up with now at {@code speedUp}, then keeps pace with the wall clock), how long, where its state lives,
 * its ports, whether it opens the dashboard in a browser (only when started from a terminal; {@code --browser no}
 * never), and whether Kafka's and the clients' log lines go to the console ({@code verbose}) or to
 * {@code <stateDir>/cellfloor.log}. {@link DemoCommand} reads it from the command line.
 */
record DemoSettings(int channels, double speedUp, int cycles, int seconds, Path stateDir, int metricsPort,
                    int partitions, int httpPort, boolean openBrowser, double historyHours, boolean verbose) {

    DemoSettings {
        if (channels < 1 || cycles < 1 || !(speedUp > 0) || seconds < 0 || partitions < 1 || httpPort < 0
                || httpPort > 65_535 || !(historyHours >= 0)) {
            throw new IllegalArgumentException("demo needs channels >= 1, cycles >= 1, speed-up > 0, seconds >= 0"
                    + ", partitions >= 1, history >= 0 h and an HTTP port 0-65535; got channels=" + channels
                    + ", speedUp=" + speedUp + ", cycles=" + cycles + ", seconds=" + seconds + ", partitions="
                    + partitions + ", httpPort=" + httpPort + ", historyHours=" + historyHours);
        }
    }

    /** {@code CELLFLOOR_HTTP_PORT} when set, else 8080; {@code --http-port} wins over both. */
    static int envPort(final String value) {
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
