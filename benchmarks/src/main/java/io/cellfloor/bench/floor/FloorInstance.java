package io.cellfloor.bench.floor;

import io.cellfloor.streams.app.CellfloorRuntime;
import io.cellfloor.streams.config.StreamsAppConfig;
import io.cellfloor.streams.query.QuerySettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * One streams instance of the floor-scale benchmark, in a JVM of its own so that its heap and RSS are its own and
 * {@code kill -9} kills only it. Started by {@link FloorScale} with the benchmarks jar's classpath; talks to it
 * through lines on stdout that start with {@value #PREFIX} (everything else is the app's log):
 * {@code READY <host:port>} once the query API listens, {@code HEAP <bytes>} (heap used after a full GC) for each
 * {@code gc} line read on stdin, {@code STOPPED} when the apps stop by themselves. It exits when its stdin closes,
 * so it does not outlive a benchmark that was stopped.
 *
 * <p>Arguments: {@code key=value} settings of the streams app (bootstrap servers, registry, state dir,
 * application id, ...), as {@link StreamsAppConfig#parse} takes them.
 */
public final class FloorInstance {
    static final String PREFIX = "FLOOR ";

    private FloorInstance() {
    }

    public static void main(final String[] args) throws IOException {
        final Map<String, String> settings = new HashMap<>();
        for (final String a : args) {
            final int eq = a.indexOf('=');
            settings.put(a.substring(0, eq), a.substring(eq + 1));
        }
        final CellfloorRuntime runtime = CellfloorRuntime.of(StreamsAppConfig.parse(settings))
                .query(new QuerySettings("127.0.0.1", 0, "127.0.0.1", null))
                .onStopped(() -> say("STOPPED"))
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> runtime.close(Duration.ofSeconds(10)),
                "floor-instance-shutdown"));
        say("READY " + runtime.query().advertised());
        final BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if ("gc".equals(line.trim())) {
                say("HEAP " + usedAfterGc());
            }
        }
        // stdin closed: the benchmark that started this JVM is gone, and its brokers with it
        System.exit(0);
    }

    private static long usedAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static synchronized void say(final String line) {
        System.out.println(PREFIX + line);
        System.out.flush();
    }
}
