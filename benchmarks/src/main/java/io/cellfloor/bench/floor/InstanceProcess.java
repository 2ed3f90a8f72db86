package io.cellfloor.bench.floor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A {@link FloorInstance} child JVM seen from the benchmark: started with this JVM's classpath, its log kept in
 * {@code <stateDir>.log}, its protocol lines turned into answers (address, heap after GC), its RSS read from
 * {@code /proc/<pid>/status}, and {@link #kill()} as {@code kill -9} (what {@code destroyForcibly} sends on Linux).
 */
final class InstanceProcess implements AutoCloseable {
    private final Process process;
    private final Path stateDir;
    private final CompletableFuture<String> address = new CompletableFuture<>();
    /** System property: more options for the instances' JVMs, e.g. a flight recording. */
    static final String JVM_OPTIONS = "floor.child.jvm-options";
    private final BlockingQueue<Long> heaps = new LinkedBlockingQueue<>();
    private final PrintWriter stdin;

    private InstanceProcess(final Process process, final Path stateDir, final Path log) throws IOException {
        this.process = process;
        this.stateDir = stateDir;
        this.stdin = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        final Writer out = Files.newBufferedWriter(log);
        final Thread reader = new Thread(() -> read(out), "floor-instance-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    static InstanceProcess start(final String heap, final Path stateDir, final Map<String, String> settings)
            throws IOException {
        final List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
                "-cp", System.getProperty("java.class.path"), FloorInstance.class.getName()));
        final String jvmOptions = System.getProperty(JVM_OPTIONS, "").trim();
        if (!jvmOptions.isEmpty()) {
            command.addAll(1, List.of(jvmOptions.split("\\s+")));
        }
        settings.forEach((k, v) -> command.add(k + "=" + v));
        command.add("state.dir=" + stateDir);
        final Path log = Path.of(stateDir + ".log");
        final Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        return new InstanceProcess(p, stateDir, log);
    }

    private void read(final Writer log) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)); log) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith(FloorInstance.PREFIX + "READY ")) {
                    address.complete(line.substring((FloorInstance.PREFIX + "READY ").length()));
                } else if (line.startsWith(FloorInstance.PREFIX + "HEAP ")) {
                    heaps.add(Long.parseLong(line.substring((FloorInstance.PREFIX + "HEAP ").length())));
                }
                log.write(line);
                log.write('\n');
            }
        } catch (final IOException e) {
            address.completeExceptionally(e);
        }
        address.completeExceptionally(new IllegalStateException("instance " + process.pid() + " ended before "
                + "its query API listened; see " + stateDir + ".log"));
    }

    /** host:port of its query API, once it listens. */
    String address(final Duration timeout) throws Exception {
        return address.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    long pid() {
        return process.pid();
    }

    /** Heap used after a full GC in the child (it runs the GC when asked, so call it between measurements). */
    long heapAfterGc() throws InterruptedException {
        stdin.println("gc");
        final Long used = heaps.poll(60, TimeUnit.SECONDS);
        if (used == null) {
            throw new IllegalStateException("instance " + pid() + " did not report its heap within 60 s");
        }
        return used;
    }

    /** Resident set size from /proc, in bytes. */
    long rssBytes() throws IOException {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid()), "status"))) {
            final String line = lines.filter(l -> l.startsWith("VmRSS:")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no VmRSS for " + pid()));
            return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
    }

    /** Bytes under its state directory (RocksDB stores, checkpoints; active and standby tasks alike). */
    long stateBytes() throws IOException {
        try (Stream<Path> files = Files.walk(stateDir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    /** kill -9. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
