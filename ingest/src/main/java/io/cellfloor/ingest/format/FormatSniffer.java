package io.cellfloor.ingest.format;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Picks the reader for a cycler file from its content (magic bytes, banner and header lines), never from its name
 * alone: cycler PCs save exports under any name, and vendors change headers between versions. When nothing
 * matches, the exception lists every format tried and what it looked for, with the file's first line, so a person
 * can tell a new export variant from a wrong file and write a {@link CsvMapping} for it.
 *
 * <pre>
 * try (CyclerFileReader reader = FormatSniffer.open(path, ReaderOptions.defaults().withZone(stationZone))) {
 *     for (ReadResult r = reader.next(); r != null; r = reader.next()) { ... }
 * }
 * </pre>
 */
public final class FormatSniffer {

    private record Probe(CyclerFormat format, String looksFor, Predicate<FileHead> test) {
    }

    private static final List<Probe> PROBES = List.of(
            new Probe(CyclerFormat.NEWARE_NDA, "magic 'NEWARE' at byte 0", h -> h.startsWith(0, "NEWARE")),
            new Probe(CyclerFormat.ARBIN_RES, "MS-Access magic 'Standard Jet DB' / 'Standard ACE DB' at byte 4",
                    h -> h.startsWith(4, "Standard Jet DB") || h.startsWith(4, "Standard ACE DB")),
            new Probe(CyclerFormat.BIOLOGIC, "'EC-Lab ASCII FILE' or 'BT-Lab ASCII FILE' on line 1",
                    h -> BiologicReader.isBanner(h.line(0))),
            new Probe(CyclerFormat.MACCOR, "a line starting 'Rec#' with 'Amp' and 'State' columns within "
                    + FileHead.HEAD_LINES + " lines", FormatSniffer::isMaccor),
            new Probe(CyclerFormat.NEWARE_REGULAR, "lines 1-3 'Cycle Index,...', ',Step Index,...', ',,...'",
                    h -> h.line(0).startsWith("Cycle I") && h.line(1).startsWith(",") && h.line(1).contains("Step")
                            && h.line(2).startsWith(",,")),
            new Probe(CyclerFormat.NEWARE_CSV, "'Cycle Index' and 'Step Type' (or 'Status') on line 1",
                    h -> has(h.line(0), "cycle index", "cycle id") && has(h.line(0), "step type", "status")),
            new Probe(CyclerFormat.BATTERYDATA_CSV, "'Time_s', 'Current_A' and 'Voltage_V' on line 1",
                    h -> has(h.line(0), "time_s") && has(h.line(0), "current_a") && has(h.line(0), "voltage_v")),
            new Probe(CyclerFormat.ARBIN_CSV, "'Test_Time', 'Current' and 'Voltage' with 'Cycle_Index' on line 1",
                    h -> has(h.line(0), "test_time", "test time") && has(h.line(0), "cycle_index", "cycle index")
                            && has(h.line(0), "current") && has(h.line(0), "voltage")),
            new Probe(CyclerFormat.BIOLOGIC, "'time/s' and 'Ewe/V' or 'Ecell/V' on line 1 (delimited export)",
                    h -> has(h.line(0), "time/s") && has(h.line(0), "ewe/v", "ecell/v")));

    private FormatSniffer() {
    }

    /**
     * The format of {@code file}: the first built-in format whose signature its head shows, else
     * {@link CyclerFormat#MAPPED_CSV} when {@code options} carry a mapping whose {@code match.header} the header
     * line contains (or that has none).
     *
     * @throws CyclerFormatException listing what was tried, when nothing matches
     */
    public static CyclerFormat sniff(final Path file, final ReaderOptions options) throws IOException {
        return sniff(file, FileHead.of(file), options);
    }

    static CyclerFormat sniff(final Path file, final FileHead head, final ReaderOptions options)
            throws CyclerFormatException {
        for (final Probe p : PROBES) {
            if (p.test().test(head)) {
                return p.format();
            }
        }
        final CsvMapping m = options.mapping();
        if (m != null && (m.matchHeader() == null || head.line(m.headerLine() - 1).contains(m.matchHeader()))) {
            return CyclerFormat.MAPPED_CSV;
        }
        final StringBuilder msg = new StringBuilder(file + ": no reader recognises this file. Tried:");
        for (final Probe p : PROBES) {
            msg.append("\n  - ").append(p.format().description()).append(": ").append(p.looksFor());
        }
        msg.append("\n  - ").append(CyclerFormat.MAPPED_CSV.description()).append(": ").append(m == null
                ? "no mapping file configured" : "mapping " + m.source() + " expects '" + m.matchHeader()
                + "' on line " + m.headerLine());
        msg.append(head.looksBinary() ? "\nThe file is binary (NUL bytes in its first KiB)."
                : "\nIts first line is: '" + Text.cut(head.line(0), 200) + "'");
        msg.append("\nIf this is a cycler export, describe its columns in a mapping file (see CsvMapping) and pass "
                + "it with the reader options; if it is a known format, its header may have changed with a "
                + "software update: report the first lines.");
        throw new CyclerFormatException(msg.toString());
    }

    /** Opens {@code file} with the reader its content calls for. */
    public static CyclerFileReader open(final Path file, final ReaderOptions options) throws IOException {
        return open(file, sniff(file, options), options);
    }

    /** Opens {@code file} as {@code format}, without sniffing (for a station configured with a fixed format). */
    public static CyclerFileReader open(final Path file, final CyclerFormat format, final ReaderOptions options)
            throws IOException {
        return switch (format) {
            case ARBIN_CSV -> ArbinCsvReader.open(file, options);
            case ARBIN_RES -> ArbinResReader.open(file, options);
            case NEWARE_CSV -> NewareCsvReader.open(file, options);
            case NEWARE_REGULAR -> NewareRegularReader.open(file, options);
            case BIOLOGIC -> BiologicReader.open(file, options);
            case MACCOR -> MaccorReader.open(file, options);
            case BATTERYDATA_CSV -> BatteryDataCsvReader.open(file, options);
            case MAPPED_CSV -> MappedCsvReader.open(file, options);
            case NEWARE_NDA -> NewareNdaReader.open(file, options);
        };
    }

    private static boolean isMaccor(final FileHead h) {
        for (final String l : h.lines()) {
            if (l.startsWith("Rec#") && l.contains("Amp") && l.contains("State")) {
                return true;
            }
        }
        return false;
    }

    private static boolean has(final String line, final String... anyOf) {
        final String l = line.toLowerCase(Locale.ROOT);
        for (final String s : anyOf) {
            if (l.contains(s)) {
                return true;
            }
        }
        return false;
    }
}
