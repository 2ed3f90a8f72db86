package io.cellfloor.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./cellfloor demo} in a background thread of the test JVM (real broker, registry process, simulated floor,
 * streams app and query server), stopped by {@link #close()}. The dashboard's address is read from the line the
 * demo prints, as a person would.
 */
final class RunningDemo implements AutoCloseable {
    private static final Pattern DASHBOARD = Pattern.compile("dashboard (http://\\S+?)/?$");

    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicInteger status = new AtomicInteger(-1);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Lines lines = new Lines();
    private final Thread thread;

    private RunningDemo(final DemoSettings settings) {
        final PrintStream out = new PrintStream(lines, true, StandardCharsets.UTF_8);
        thread = new Thread(() -> {
            try {
                status.set(Demo.runUntilStopped(settings, stop::get, out));
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "dashboard-test-demo");
        thread.setDaemon(true);
    }

    static RunningDemo start(final String... args) {
        final RunningDemo demo = new RunningDemo(DemoCommand.parse(args));
        demo.thread.start();
        return demo;
    }

    /** The dashboard's base address (no trailing slash), once the demo has printed it. */
    URI dashboard(final Duration timeout) throws InterruptedException {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (final String line : lines.snapshot()) {
                final Matcher m = DASHBOARD.matcher(line.strip());
                if (m.find()) {
                    return URI.create(m.group(1));
                }
            }
            if (!thread.isAlive()) {
                break;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the demo printed no dashboard address within " + timeout + " (failure: "
                + failure.get() + "); its output:\n" + output());
    }

    String output() {
        return String.join("\n", lines.snapshot());
    }

    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        thread.join(Duration.ofSeconds(120).toMillis());
        if (thread.isAlive()) {
            throw new AssertionError("the demo did not stop within 120 s; its output:\n" + output());
        }
        if (failure.get() != null) {
            throw new AssertionError("the demo failed; its output:\n" + output(), failure.get());
        }
        if (status.get() != 0) {
            throw new AssertionError("the demo ended with status " + status.get() + "; its output:\n" + output());
        }
    }

    /** The demo's output as lines, safe to read while the demo writes. */
    private static final class Lines extends OutputStream {
        private final ByteArrayOutputStream current = new ByteArrayOutputStream();
        private final List<String> done = new ArrayList<>();

        @Override
        public synchronized void write(final int b) {
            if (b == '\n') {
                done.add(current.toString(StandardCharsets.UTF_8));
                current.reset();
            } else {
                current.write(b);
            }
        }

        synchronized List<String> snapshot() {
            return List.copyOf(done);
        }
    }
}
