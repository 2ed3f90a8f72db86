package io.cellfloor.cli;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code cellfloor} command in a JVM of its own, for the fault tests that kill a process as an operator or the
 * kernel would: {@link #kill()} is {@code kill -9} (SIGKILL on Linux), so no shutdown hook, no close and no last
 * commit or checkpoint runs; {@link #stop()} is the SIGTERM a supervisor sends. The child runs on the test
 * classpath and logs to a file, where the command prints the metrics port it picked ({@code --metrics-port 0});
 * the file is truncated at each start.
 */
final class ChildJvm implements AutoCloseable {
    private static final Pattern METRICS_PORT = Pattern.compile("metrics on :(\\d+)/metrics");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path log;
    private int metricsPort;

    private ChildJvm(final Process process, final Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code cellfloor <args>} (the CLI's {@link Main}) with its output in {@code log}. */
    static ChildJvm start(final Path log, final String... args) throws IOException {
        final List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // the commands read these from the environment over their config file; the test's settings must win
        builder.environment().keySet().removeIf(k -> k.startsWith("KAFKA_") || k.startsWith("CELLFLOOR_")
                || k.equals("SCHEMA_REGISTRY_URL"));
        return new ChildJvm(builder.start(), log);
    }

    /** A log file for a child of {@code test}, kept after the test (in {@code target/child-logs}) to read why. */
    static Path log(final Class<?> test, final String name) throws IOException {
        return Files.createDirectories(Path.of("target", "child-logs", test.getSimpleName())).resolve(name + ".log");
    }

    /** SIGKILL, and waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM (the command's shutdown hook closes it cleanly); its exit status. */
    int stop(final Duration atMost) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the child did not stop within " + atMost + "; its log:\n" + log());
        }
        return process.exitValue();
    }

    boolean alive() {
        return process.isAlive();
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (final IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /**
     * A counter or gauge from the child's Prometheus endpoint, summed over its labels, 0 when absent; waits for the
     * endpoint's port to appear in the log first.
     */
    double metric(final String name) throws IOException, InterruptedException {
        if (metricsPort == 0) {
            await().atMost(Duration.ofSeconds(60)).until(() -> !alive() || METRICS_PORT.matcher(log()).find());
            final Matcher m = METRICS_PORT.matcher(log());
            if (!m.find()) {
                throw new AssertionError("the child stopped before serving metrics; its log:\n" + log());
            }
            metricsPort = Integer.parseInt(m.group(1));
        }
        final String body = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort
                + "/metrics")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
        double sum = 0;
        for (final String line : body.split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
