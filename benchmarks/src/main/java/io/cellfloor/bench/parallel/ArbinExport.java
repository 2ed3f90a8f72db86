package io.cellfloor.bench.parallel;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A directory of generated cycler exports for the backfill benchmark: one 15-column Arbin CSV per channel (the layout
 * of the real export), constant-current half cycles of 1,000 rows at 5 s logging, each channel starting at its own
 * hour so the channels are not copies of one another.
 */
final class ArbinExport {
    private static final long FIRST_EPOCH_S = 1_704_067_200L; // 2024-01-01, in the past, as a backfill's files are

    private ArbinExport() {
    }

    /** Writes {@code files} files of {@code rows} rows each into {@code dir}; returns the rows written. */
    static long write(final Path dir, final int files, final int rows) throws IOException {
        Files.createDirectories(dir);
        for (int f = 0; f < files; f++) {
            writeFile(dir.resolve(String.format(Locale.ROOT, "cell-%03d.csv", f)), rows, FIRST_EPOCH_S + f * 3_600L);
        }
        return (long) files * rows;
    }

    private static void writeFile(final Path file, final int rows, final long startEpochS) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            w.write("Data_Point,Test_Time,DateTime,Step_Time,Step_Index,Cycle_Index,Current,Voltage,Charge_Capacity,"
                    + "Discharge_Capacity,Charge_Energy,Discharge_Energy,dV/dt,Internal_Resistance,Temperature\r\n");
            for (int i = 1; i <= rows; i++) {
                final boolean charging = (i / 1000) % 2 == 0;
                final double t = i * 5.0;
                final int inStep = i % 1000;
                w.write(String.format(Locale.ROOT, "%d,%.4f,%d,%.4f,%d,%d,%.7f,%.7f,%.8f,%.8f,3.0910666,6.15E-11,"
                                + "-5.34E-05,0.017097674,%.5f\r\n", i, t, startEpochS + (long) t, inStep * 5.0,
                        charging ? 11 : 12, 1 + i / 2000, charging ? 0.0011 : -0.0011,
                        charging ? 3.30 + inStep * 0.0007 : 4.00 - inStep * 0.0007,
                        charging ? inStep * 0.0000015 : 0, charging ? 0 : inStep * 0.0000015,
                        29.18 + (i % 100) * 0.0001));
            }
        }
    }
}
