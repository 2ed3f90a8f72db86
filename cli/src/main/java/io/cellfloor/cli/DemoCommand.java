package io.cellfloor.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cellfloor demo}: the options of {@link Demo}, which runs a whole simulated floor on this machine. */
@Command(name = "demo", sortOptions = false,
        description = "embedded broker + schema registry + simulated floor + streams app, live output")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--channels", paramLabel = "N", defaultValue = "64",
            description = "channels of the simulated floor (default ${DEFAULT-VALUE})")
    private int channels;

    @Option(names = "--speed-up", paramLabel = "X", defaultValue = "600",
            description = "simulated time per wall-clock time (default ${DEFAULT-VALUE})")
    private double speedUp;

    @Option(names = "--history-hours", paramLabel = "H", defaultValue = "24",
            description = "simulated time starts H hours ago and catches up with now at the speed-up, then keeps pace"
                    + " with the wall clock (default ${DEFAULT-VALUE})")
    private double historyHours;

    @Option(names = "--cycles", paramLabel = "N", defaultValue = "30",
            description = "cycles per channel (default ${DEFAULT-VALUE})")
    private int cycles;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "0",
            description = "stop by itself after S seconds (default ${DEFAULT-VALUE}: until Ctrl-C)")
    private int seconds;

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = "state/demo",
            description = "broker, streams and registry state, wiped at start (default ${DEFAULT-VALUE})")
    private Path stateDir;

    @Option(names = "--metrics-port", paramLabel = "P", defaultValue = "9464",
            description = "Prometheus metrics (default ${DEFAULT-VALUE}; 0 picks a free port)")
    private int metricsPort;

    @Option(names = "--http-port", paramLabel = "P",
            description = "the dashboard and query API (default CELLFLOOR_HTTP_PORT, else 8080; 0 picks a free port)")
    private Integer httpPort;

    @Option(names = "--browser", paramLabel = "auto|no", defaultValue = "auto",
            description = "no: do not open the dashboard in a browser (auto: open it when started from a terminal)")
    private String browser;

    @Option(names = "--no-browser", description = "the same as --browser no")
    private boolean noBrowser;

    @Option(names = "--verbose",
            description = "Kafka's and the clients' log lines on the console too (else in <state-dir>/cellfloor.log)")
    private boolean verbose;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "4", hidden = true)
    private int partitions;

    /** The settings of {@code args} as the command line reads them; for tests that run the demo in their JVM. */
    static DemoSettings parse(final String... args) {
        final DemoCommand command = new DemoCommand();
        new CommandLine(command).parseArgs(args);
        return command.settings();
    }

    DemoSettings settings() {
        final int port = httpPort != null ? httpPort : DemoSettings.envPort(System.getenv("CELLFLOOR_HTTP_PORT"));
        final boolean open = !noBrowser && !"no".equals(browser) && System.console() != null;
        return new DemoSettings(channels, speedUp, cycles, seconds, stateDir, metricsPort, partitions, port, open,
                historyHours, verbose);
    }

    @Override
    public Integer call() throws Exception {
        return Demo.run(settings());
    }
}
