package io.cellfloor.ingest.format;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * Describes a delimited cycler export no built-in reader knows, so {@code MappedCsvReader} can read it. Written
 * as a Java properties file (no extra dependency, comments with '#'); every key but the three mandatory columns
 * is optional:
 *
 * <pre>
 * # lines: the 1-based line of the column names; lines before it are metadata
 * header.line = 1
 * delimiter = auto                  # auto | , | ; | tab
 * match.header = Test Time (s)      # text the header line contains; lets the sniffer pick this mapping
 *
 * time.column = Test Time (s)       # a column name as written, or #n for the n-th column (1-based)
 * time.unit = s                     # s | ms | min | h | duration ([Nd ]h:mm:ss) | datetime (wall clock)
 * datetime.column = Date            # optional wall-clock column: anchors relative times to real time
 * current.column = I (mA)
 * current.unit = mA                 # A | mA | uA
 * current.sign = charge-positive    # charge-positive | discharge-positive | unsigned (then state.* below)
 * state.column = Mode
 * state.charge = C, CHG             # values of the state column, any case
 * state.discharge = D, DCH
 * voltage.column = U (V)
 * voltage.unit = V                  # V | mV
 * cycle.column = Cycle
 * step.column = Step
 * charge-capacity.column = Q+ (mAh)
 * charge-capacity.unit = mAh        # Ah | mAh | As (C)
 * discharge-capacity.column = Q- (mAh)
 * discharge-capacity.unit = mAh
 * capacity.resets = cycle           # cycle | step | test: when the instrument's counters go back to 0
 * temperature.column = T1
 * temperature.unit = C              # C | K | F
 * </pre>
 *
 * A key that is not one of these is an error, so a typo cannot silently drop a column.
 */
public record CsvMapping(
        String source,
        int headerLine,
        byte delimiter,
        String matchHeader,
        String timeColumn,
        String timeUnit,
        String dateTimeColumn,
        String currentColumn,
        String currentUnit,
        Sign currentSign,
        String stateColumn,
        List<String> chargeStates,
        List<String> dischargeStates,
        String voltageColumn,
        String voltageUnit,
        String cycleColumn,
        String stepColumn,
        String chargeColumn,
        String dischargeColumn,
        String chargeUnit,
        String dischargeUnit,
        Resets capacityResets,
        String temperatureColumn,
        String temperatureUnit) {

    /** How the file signs current. */
    public enum Sign {
        CHARGE_POSITIVE,
        DISCHARGE_POSITIVE,
        UNSIGNED
    }

    /** When the instrument's capacity counters go back to zero. */
    public enum Resets {
        CYCLE,
        STEP,
        TEST
    }

    /** Time given as a number of this unit, as a duration text, or as a wall-clock date-time. */
    static final Set<String> TIME_SHAPES = Set.of("duration", "datetime");

    private static final Set<String> KEYS = Set.of("header.line", "delimiter", "match.header", "time.column",
            "time.unit", "datetime.column", "current.column", "current.unit", "current.sign", "state.column",
            "state.charge", "state.discharge", "voltage.column", "voltage.unit", "cycle.column", "step.column",
            "charge-capacity.column", "charge-capacity.unit", "discharge-capacity.column", "discharge-capacity.unit",
            "capacity.resets", "temperature.column", "temperature.unit");

    /** Reads a mapping file; the message of a failure names the file and the key. */
    public static CsvMapping load(final Path file) throws IOException {
        final Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return parse(p, file.toString());
    }

    /**
     * Builds a mapping from properties.
     *
     * @param source names the mapping in messages (its file)
     * @throws IllegalArgumentException naming the key and what it accepts, when a value is missing or wrong
     */
    public static CsvMapping parse(final Properties p, final String source) {
        for (final String key : p.stringPropertyNames()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(source + ": unknown key '" + key + "'; known keys: "
                        + new java.util.TreeSet<>(KEYS));
            }
        }
        final Sign sign = choice(p, source, "current.sign", "charge-positive", Sign.class);
        final String state = p.getProperty("state.column");
        if (sign == Sign.UNSIGNED && (state == null || p.getProperty("state.charge") == null
                || p.getProperty("state.discharge") == null)) {
            throw new IllegalArgumentException(source + ": current.sign = unsigned needs state.column, state.charge "
                    + "and state.discharge to tell charge from discharge");
        }
        final String timeUnit = p.getProperty("time.unit", "s").trim();
        if (!TIME_SHAPES.contains(timeUnit) && Double.isNaN(Quantity.TIME.factor(timeUnit))) {
            throw new IllegalArgumentException(source + ": time.unit '" + timeUnit + "' is not one of "
                    + Quantity.TIME.accepted() + ", duration, datetime");
        }
        final CsvMapping m = new CsvMapping(source, headerLine(p, source), delimiter(p, source),
                p.getProperty("match.header"), required(p, source, "time.column"), timeUnit,
                p.getProperty("datetime.column"), required(p, source, "current.column"),
                unit(p, source, "current.unit", "A", Quantity.CURRENT), sign, state, list(p, "state.charge"),
                list(p, "state.discharge"), required(p, source, "voltage.column"),
                unit(p, source, "voltage.unit", "V", Quantity.VOLTAGE), p.getProperty("cycle.column"),
                p.getProperty("step.column"), p.getProperty("charge-capacity.column"),
                p.getProperty("discharge-capacity.column"),
                unit(p, source, "charge-capacity.unit", "Ah", Quantity.CAPACITY),
                unit(p, source, "discharge-capacity.unit", "Ah", Quantity.CAPACITY),
                choice(p, source, "capacity.resets", "cycle", Resets.class), p.getProperty("temperature.column"),
                unit(p, source, "temperature.unit", "C", Quantity.TEMPERATURE));
        return m;
    }

    private static String required(final Properties p, final String source, final String key) {
        final String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(source + ": '" + key + "' is required (time, current and voltage "
                    + "columns make a sample)");
        }
        return v.trim();
    }

    private static int headerLine(final Properties p, final String source) {
        final String v = p.getProperty("header.line", "1").trim();
        try {
            final int n = Integer.parseInt(v);
            if (n >= 1) {
                return n;
            }
        } catch (final NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalArgumentException(source + ": header.line must be a line number >= 1, got '" + v + "'");
    }

    private static byte delimiter(final Properties p, final String source) {
        final String v = p.getProperty("delimiter", "auto").trim();
        switch (v.toLowerCase(Locale.ROOT)) {
            case "auto":
                return 0;
            case "tab":
            case "\\t":
                return '\t';
            case ",":
            case ";":
            case "|":
                return (byte) v.charAt(0);
            default:
                throw new IllegalArgumentException(source + ": delimiter must be auto, tab, ',', ';' or '|', got '"
                        + v + "'");
        }
    }

    private static String unit(final Properties p, final String source, final String key, final String dflt,
                               final Quantity q) {
        final String v = p.getProperty(key, dflt).trim();
        if (Double.isNaN(q.factor(v))) {
            throw new IllegalArgumentException(source + ": " + key + " '" + v + "' is not one of " + q.accepted());
        }
        return v;
    }

    private static <E extends Enum<E>> E choice(final Properties p, final String source, final String key,
                                                final String dflt, final Class<E> type) {
        final String v = p.getProperty(key, dflt).trim();
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (final IllegalArgumentException unknown) {
            final List<String> names = new ArrayList<>();
            for (final E e : type.getEnumConstants()) {
                names.add(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
            throw new IllegalArgumentException(source + ": " + key + " '" + v + "' is not one of " + names, unknown);
        }
    }

    private static List<String> list(final Properties p, final String key) {
        final String v = p.getProperty(key);
        if (v == null) {
            return List.of();
        }
        final List<String> out = new ArrayList<>();
        for (final String s : v.split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return List.copyOf(out);
    }
}
