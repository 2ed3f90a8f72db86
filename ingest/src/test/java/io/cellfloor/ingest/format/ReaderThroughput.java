package io.cellfloor.ingest.format;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;

/**
 * Not a test: rows per second of each reader, on the real exports of ../shared/data (each read repeatedly for a
 * few seconds) and on a generated Arbin-layout CSV of many rows, one thread, so the figure in BENCHMARKS.md can be
 * re-measured on any machine. Run from the module's test classpath:
 * {@code java -cp <test-classpath> io.cellfloor.ingest.format.ReaderThroughput [shared-data-dir] [generated-rows]}.
 */
public final class ReaderThroughput {
    private static final List<String> REAL = List.of("arbin/arbin_example.csv", "arbin/20160805_test001_45_cc_01.res",
            "neware/neware_uio.csv", "neware/nw_regular_export_ife_example.csv", "neware/TestFile.nda",
            "biologic/test_loopsnewoutput_MB_CE1_short10k.csv", "maccor/PredictionDiagnostics_000109_tztest.010",
            "maccor/maccor_001.txt", "batterydata/p492-13-raw.csv");

    private ReaderThroughput() {
    }

    public static void main(final String[] args) throws IOException {
        final Path data = Paths.get(args.length > 0 ? args[0] : "../shared/data");
        final long rows = args.length > 1 ? Long.parseLong(args[1]) : 5_000_000L;
        for (final String f : REAL) {
            final Path p = data.resolve(f);
            if (Files.isReadable(p)) {
                measure(f, p, 3.0);
            } else {
                System.out.println("skipped " + p + ": not found");
            }
        }
        final Path generated = Files.createTempFile("cellfloor-arbin-", ".csv");
        try {
            final long start = System.nanoTime();
            writeArbin(generated, rows);
            System.out.printf(Locale.ROOT, "generated %,d Arbin rows (%,d MB) in %.1f s%n", rows,
                    Files.size(generated) >> 20, (System.nanoTime() - start) / 1e9);
            for (int round = 1; round <= 3; round++) {
                measure("generated Arbin CSV, round " + round, generated, 0);
            }
        } finally {
            Files.deleteIfExists(generated);
        }
    }

    /** Reads {@code file} until {@code minSeconds} have passed (once when 0) and prints rows/s. */
    private static void measure(final String name, final Path file, final double minSeconds) throws IOException {
        long rows = 0;
        long rejected = 0;
        double checksum = 0;
        final long start = System.nanoTime();
        do {
            try (CyclerFileReader r = FormatSniffer.open(file, ReaderOptions.defaults())) {
                for (ReadResult x = r.next(); x != null; x = r.next()) {
                    rows++;
                    if (x instanceof AcceptedRow a) {
                        checksum += a.sample().currentA();
                    } else if (x instanceof RejectedRow) {
                        rejected++;
                    }
                }
            }
        } while ((System.nanoTime() - start) / 1e9 < minSeconds);
        final double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%-52s %,12d rows in %6.2f s = %,11.0f rows/s (%d rejected, checksum %.3f)%n",
                name, rows, seconds, rows / seconds, rejected, checksum);
    }

    /**
     * The layout of arbin_example.csv with plausible values written to the precision Arbin writes (4 decimals of
     * seconds, 7 to 8 significant digits), not Java's 17-digit doubles, which no cycler writes.
     */
    static void writeArbin(final Path file, final long rows) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            w.write("Data_Point,Test_Time,DateTime,Step_Time,Step_Index,Cycle_Index,Current,Voltage,Charge_Capacity,"
                    + "Discharge_Capacity,Charge_Energy,Discharge_Energy,dV/dt,Internal_Resistance,Temperature\r\n");
            final StringBuilder sb = new StringBuilder(256);
            for (long i = 1; i <= rows; i++) {
                final long tenthMs = i * 50_275L;
                final long cycle = 1 + i / 2000;
                final boolean charging = (i / 1000) % 2 == 0;
                sb.setLength(0);
                sb.append(i).append(',');
                fixed(sb, tenthMs, 4).append(',').append(1_499_006_353L + tenthMs / 10_000).append(',');
                fixed(sb, tenthMs % 60_000_000L, 4).append(',').append(charging ? 11 : 12).append(',').append(cycle)
                        .append(',');
                fixed(sb, charging ? 10_999_289L + i % 7 : -4_841_213L - i % 5, 7).append(',');
                fixed(sb, 32_796_359L + (i % 1000) * 7_310L, 7).append(',');
                fixed(sb, (i % 1000) * 153_007L, 8).append(',');
                fixed(sb, charging ? 0 : (i % 1000) * 149_011L, 8)
                        .append(",3.0910666,6.15E-11,-5.34E-05,0.017097674,");
                fixed(sb, 2_918_314L + i % 100, 5).append("\r\n");
                w.append(sb);
            }
        }
    }

    /** Appends {@code value / 10^decimals} with exactly that many decimals. */
    private static StringBuilder fixed(final StringBuilder sb, final long value, final int decimals) {
        long v = value;
        if (v < 0) {
            sb.append('-');
            v = -v;
        }
        long scale = 1;
        for (int i = 0; i < decimals; i++) {
            scale *= 10;
        }
        sb.append(v / scale).append('.');
        final String frac = Long.toString(v % scale);
        for (int i = frac.length(); i < decimals; i++) {
            sb.append('0');
        }
        return sb.append(frac);
    }
}
