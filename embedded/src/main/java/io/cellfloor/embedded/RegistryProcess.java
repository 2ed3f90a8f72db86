package io.cellfloor.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Confluent-compatible Schema Registry (Apicurio Registry, in-memory) as a child process, for end-to-end
 * tests and the product's demo mode.
 *
 * <p>Why a process: the Confluent registry is not on Maven Central and there is no Docker on the build machines;
 * the {@code registry-server} module packages Apicurio, whose {@code /apis/ccompat/v7} speaks Confluent's REST API,
 * into one jar. Running it in its own JVM keeps its Quarkus classpath away from ours.
 *
 * <pre>{@code
 * try (RegistryProcess registry = RegistryProcess.start(workDir)) {
 *     config.put("schema.registry.url", registry.url());
 * }
 * }</pre>
 *
 * <p>The jar comes from the system property {@value #JAR_PROPERTY} (surefire and the launcher set it). The registry
 * listens on 127.0.0.1 on a free port, applies the global compatibility rule BACKWARD (cellfloor's schema policy),
 * and writes its log to {@code registry.log} in the work directory (one work directory per registry). Start takes
 * about three seconds and 200 MB: use one per test class. {@link #close()} stops it; a shutdown hook stops it too
 * if the JVM exits first, so a demo stopped with Ctrl-C leaves no registry behind.
 */
public final class RegistryProcess implements AutoCloseable {

    /** System property naming the registry jar built by {@code registry-server}. */
    public static final String JAR_PROPERTY = "cellfloor.registry.jar";

    private static final Logger LOG = LoggerFactory.getLogger(RegistryProcess.class);
    private static final String BUILD_HINT = "build it with ./mvnw -pl registry-server package";
    private static final String API_PATH = "/apis/ccompat/v7";
    private static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final int START_ATTEMPTS = 3;
    private static final int LOG_TAIL_LINES = 30;

    private final Process process;
    private final int port;
    private final Path logFile;
    private final Thread shutdownHook;

    private RegistryProcess(final Process process, final int port, final Path logFile) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
        this.shutdownHook = new Thread(process::destroy, "cellfloor-registry-shutdown-" + port);
    }

    /**
     * Starts the registry from the jar named by {@value #JAR_PROPERTY} and waits until it answers.
     *
     * @param workDir created if missing; receives {@code registry.log}
     * @throws IllegalStateException when the property is unset, the jar is missing, or the registry does not come up
     */
    public static RegistryProcess start(final Path workDir) {
        return start(jarFromSystemProperty(), workDir, DEFAULT_STARTUP_TIMEOUT);
    }

    /**
     * Starts the registry from the given jar and waits up to {@code startupTimeout} until it answers.
     *
     * <p>A port picked free can be taken by someone else before the registry binds it; such a start is retried on a
     * new port a couple of times.
     */
    public static RegistryProcess start(final Path jar, final Path workDir, final Duration startupTimeout) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                "Schema registry jar " + jar.toAbsolutePath() + " not found: " + BUILD_HINT);
        }
        final Path logFile = workDir.resolve("registry.log");
        try {
            Files.createDirectories(workDir);
        } catch (final IOException e) {
            throw new UncheckedIOException("Cannot create the registry work directory " + workDir, e);
        }
        for (int attempt = 1; ; attempt++) {
            final RegistryProcess registry = launch(jar, FreePorts.pick(), logFile);
            try {
                registry.awaitReady(startupTimeout);
                LOG.info("Schema registry ready at {} (log: {})", registry.url(), logFile);
                return registry;
            } catch (final PortTakenException e) {
                registry.close();
                if (attempt == START_ATTEMPTS) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
                LOG.warn("Schema registry port {} was taken meanwhile; retrying on another port", registry.port);
            } catch (final RuntimeException e) {
                registry.close();
                throw e;
            }
        }
    }

    /** The Confluent-compatible base URL for {@code schema.registry.url}: {@code http://127.0.0.1:<port>/apis/ccompat/v7}. */
    public String url() {
        return "http://127.0.0.1:" + port + API_PATH;
    }

    /** Where the registry's own output goes; read it when a registry call fails unexpectedly. */
    public Path logFile() {
        return logFile;
    }

    /** Whether the child process is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the registry (gracefully, then forcibly after ten seconds). Its schemas are gone: storage is in memory. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Schema registry on port {} did not stop within {}; killing it", port, STOP_TIMEOUT);
                process.destroyForcibly();
            }
        } catch (final InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (final IllegalStateException alreadyShuttingDown) {
            // the hook is running or about to: it only repeats the destroy above
        }
    }

    private static Path jarFromSystemProperty() {
        final String jar = System.getProperty(JAR_PROPERTY);
        if (jar == null || jar.isBlank()) {
            throw new IllegalStateException("System property " + JAR_PROPERTY
                + " is not set: point it at registry-server/target/cellfloor-registry-runner.jar (" + BUILD_HINT + ")");
        }
        return Path.of(jar);
    }

    private static RegistryProcess launch(final Path jar, final int port, final Path logFile) {
        final List<String> command = new ArrayList<>(List.of(javaBinary(),
            "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Dquarkus.http.port=" + port,
            "-Dquarkus.http.host=127.0.0.1",
            "-Dregistry.rules.global.compatibility=BACKWARD",
            "-jar", jar.toAbsolutePath().toString()));
        final ProcessBuilder builder = new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()));
        try {
            final RegistryProcess registry = new RegistryProcess(builder.start(), port, logFile);
            Runtime.getRuntime().addShutdownHook(registry.shutdownHook);
            return registry;
        } catch (final IOException e) {
            throw new UncheckedIOException("Cannot start the schema registry with: " + String.join(" ", command), e);
        }
    }

    /** The JVM running us, so the registry needs no separate Java install. */
    private static String javaBinary() {
        final Path fromHome = Path.of(System.getProperty("java.home"), "bin", "java");
        if (Files.isExecutable(fromHome)) {
            return fromHome.toString();
        }
        return ProcessHandle.current().info().command()
            .orElseThrow(() -> new IllegalStateException("Cannot find the java binary under " + fromHome));
    }

    private void awaitReady(final Duration timeout) {
        final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        final HttpRequest probe = HttpRequest.newBuilder(URI.create(url() + "/subjects"))
            .timeout(Duration.ofSeconds(2)).GET().build();
        // a deadline on the monotonic clock: this waits for a real process, there is nothing to fake
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                final String tail = logTail();
                // what Quarkus prints when the port is bound by someone else
                if (tail.contains("Port " + port + " seems to be in use")) {
                    throw new PortTakenException("Schema registry could not bind port " + port + ":\n" + tail);
                }
                throw new IllegalStateException("Schema registry exited with code " + process.exitValue()
                    + " before it was ready; last lines of " + logFile + ":\n" + tail);
            }
            if (answers(client, probe)) {
                return;
            }
            pause();
        }
        throw new IllegalStateException("Schema registry did not answer " + probe.uri() + " within " + timeout
            + "; last lines of " + logFile + ":\n" + logTail());
    }

    private static boolean answers(final HttpClient client, final HttpRequest probe) {
        try {
            return client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (final ConnectException | HttpTimeoutException notYetListening) {
            return false;
        } catch (final IOException e) {
            LOG.debug("Schema registry not ready yet: {}", e.toString());
            return false;
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the schema registry to start", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the schema registry to start", e);
        }
    }

    private String logTail() {
        return LogTail.of(logFile, LOG_TAIL_LINES);
    }

    /** The registry lost the race for its port; the caller retries on another one. */
    private static final class PortTakenException extends RuntimeException {
        PortTakenException(final String message) {
            super(message);
        }
    }
}
