package io.cellfloor.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time of the JVM's threads between two snapshots, grouped by thread name without its numbers, so the
 * throughput benchmark can say who used the two cores: the stream threads, their producers, or the in-JVM broker.
 */
final class ThreadCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ThreadCpu() {
    }

    /** CPU nanoseconds per live thread id, with its group name. */
    static Map<Long, Map.Entry<String, Long>> snapshot() {
        final Map<Long, Map.Entry<String, Long>> out = new HashMap<>();
        for (final ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (t != null) {
                final long cpu = THREADS.getThreadCpuTime(t.getThreadId());
                if (cpu >= 0) {
                    out.put(t.getThreadId(), Map.entry(group(t.getThreadName()), cpu));
                }
            }
        }
        out.put(-1L, Map.entry("whole process (JIT, GC included)", PROCESS.getProcessCpuTime()));
        out.put(-2L, Map.entry("JIT compiler threads", vmThreadsNs("Compiler")));
        out.put(-3L, Map.entry("GC threads", vmThreadsNs("GC", "G1")));
        return out;
    }

    /** CPU ms per thread group between the two snapshots, largest groups first, and the total. */
    static String between(final Map<Long, Map.Entry<String, Long>> before,
                          final Map<Long, Map.Entry<String, Long>> after) {
        final Map<String, Long> ns = new TreeMap<>();
        after.forEach((id, e) -> {
            final Map.Entry<String, Long> b = before.get(id);
            ns.merge(e.getKey(), e.getValue() - (b == null ? 0 : b.getValue()), Long::sum);
        });
        final long process = ns.remove("whole process (JIT, GC included)");
        final StringBuilder out = new StringBuilder(String.format("CPU over the run: process=%,d ms, threads=%,d ms;",
                process / 1_000_000, ns.values().stream().mapToLong(Long::longValue).sum() / 1_000_000));
        ns.entrySet().stream().filter(e -> e.getValue() >= 10_000_000)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> out.append(String.format(" %s=%,d", e.getKey(), e.getValue() / 1_000_000)));
        return out.toString();
    }

    /** CPU of the JVM's own threads whose (Linux) name contains one of {@code names}; 0 where there is no /proc. */
    private static long vmThreadsNs(final String... names) {
        long ticks = 0;
        try (Stream<Path> tasks = Files.list(
                Path.of("/proc/self/task"))) {
            for (final Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    final String comm = Files.readString(task.resolve("comm")).trim();
                    if (Arrays.stream(names).anyMatch(comm::contains)) {
                        final String stat = Files.readString(task.resolve("stat"));
                        final String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                } catch (final IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (final IOException noProc) {
            return 0;
        }
        return ticks * 10_000_000L;
    }

    private static String group(final String name) {
        return name.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "")
                .replaceAll("\\d+", "#");
    }
}
