package io.cellfloor.ingest.format;

import java.time.ZoneId;
import java.util.Objects;

/**
 * How to read a cycler file where the file cannot say itself.
 *
 * @param zone the zone of the cycler PC's clock: most exports write local wall-clock time without an offset
 * @param fallbackStartMs epoch ms of the test start for files with relative times only and no start in the header
 * @param holdIncompleteLastLine true when following a file the cycler is still writing: a last line without its
 *                               line end is left for a later {@link CyclerFileReader#next()} instead of being read
 *                               half-written
 * @param maxAbsVoltageV a reading above this is rejected as implausible (most likely mV written as V)
 * @param maxAbsCurrentA a reading above this is rejected as implausible (most likely mA written as A)
 * @param mapping the column mapping for {@link CyclerFormat#MAPPED_CSV}, or null
 */
public record ReaderOptions(
        ZoneId zone,
        long fallbackStartMs,
        boolean holdIncompleteLastLine,
        double maxAbsVoltageV,
        double maxAbsCurrentA,
        CsvMapping mapping) {

    public ReaderOptions {
        Objects.requireNonNull(zone, "zone");
        if (!(maxAbsVoltageV > 0) || !(maxAbsCurrentA > 0)) {
            throw new IllegalArgumentException("plausibility limits must be > 0, got " + maxAbsVoltageV + " V and "
                    + maxAbsCurrentA + " A");
        }
    }

    /** UTC, start at epoch 0 for relative-only files, read to the end, limits 100 V and 1000 A. */
    public static ReaderOptions defaults() {
        return new ReaderOptions(ZoneId.of("UTC"), 0L, false, 100.0, 1_000.0, null);
    }

    public ReaderOptions withZone(final ZoneId newZone) {
        return new ReaderOptions(newZone, fallbackStartMs, holdIncompleteLastLine, maxAbsVoltageV, maxAbsCurrentA,
                mapping);
    }

    public ReaderOptions withFallbackStartMs(final long startMs) {
        return new ReaderOptions(zone, startMs, holdIncompleteLastLine, maxAbsVoltageV, maxAbsCurrentA, mapping);
    }

    public ReaderOptions following() {
        return new ReaderOptions(zone, fallbackStartMs, true, maxAbsVoltageV, maxAbsCurrentA, mapping);
    }

    public ReaderOptions withLimits(final double voltageV, final double currentA) {
        return new ReaderOptions(zone, fallbackStartMs, holdIncompleteLastLine, voltageV, currentA, mapping);
    }

    public ReaderOptions withMapping(final CsvMapping newMapping) {
        return new ReaderOptions(zone, fallbackStartMs, holdIncompleteLastLine, maxAbsVoltageV, maxAbsCurrentA,
                newMapping);
    }
}
