package io.cellfloor.ingest.format;

import java.util.Locale;
import java.util.Map;

/**
 * The quantities a sample carries, each with the unit every reader normalises to and the units cycler exports
 * write for it. {@link #factor} turns a unit name into the multiplier to the normal unit; temperatures in kelvin
 * or Fahrenheit also need {@link #offset}.
 */
enum Quantity {
    TIME("s", Map.of("s", 1.0, "sec", 1.0, "ms", 1e-3, "min", 60.0, "h", 3600.0, "hr", 3600.0)),
    CURRENT("A", Map.of("a", 1.0, "ma", 1e-3, "ua", 1e-6, "µa", 1e-6, "μa", 1e-6, "na", 1e-9, "ka", 1e3)),
    VOLTAGE("V", Map.of("v", 1.0, "mv", 1e-3, "uv", 1e-6, "µv", 1e-6, "μv", 1e-6, "kv", 1e3)),
    CAPACITY("Ah", Map.of("ah", 1.0, "a.h", 1.0, "mah", 1e-3, "ma.h", 1e-3, "a·h", 1.0, "ma·h", 1e-3,
            "uah", 1e-6, "µah", 1e-6, "µa.h", 1e-6, "c", 1 / 3600.0)),
    // "?" and U+FFFD: exports that lost the degree sign (Neware's "T1(?)"); kelvin and Fahrenheit are ASCII
    TEMPERATURE("degC", Map.ofEntries(Map.entry("c", 1.0), Map.entry("°c", 1.0), Map.entry("℃", 1.0),
            Map.entry("degc", 1.0), Map.entry("?", 1.0), Map.entry("\ufffd", 1.0), Map.entry("\ufffdc", 1.0),
            Map.entry("k", 1.0), Map.entry("°f", 5 / 9.0), Map.entry("f", 5 / 9.0), Map.entry("degf", 5 / 9.0)));

    private final String normalUnit;
    private final Map<String, Double> factors;

    Quantity(final String normalUnit, final Map<String, Double> factors) {
        this.normalUnit = normalUnit;
        this.factors = factors;
    }

    String normalUnit() {
        return normalUnit;
    }

    /** The multiplier from {@code unit} to the normal unit, or NaN when the unit is not one of this quantity's. */
    double factor(final String unit) {
        final Double f = factors.get(key(unit));
        return f == null ? Double.NaN : f;
    }

    /** What to add after multiplying (only temperatures in K or °F need it). */
    double offset(final String unit) {
        final String k = key(unit);
        if (this != TEMPERATURE) {
            return 0;
        }
        if (k.equals("k")) {
            return -273.15;
        }
        return k.endsWith("f") ? -32 * 5 / 9.0 : 0;
    }

    /** The units this quantity accepts, for error messages. */
    String accepted() {
        return String.join(", ", new java.util.TreeSet<>(factors.keySet()));
    }

    private static String key(final String unit) {
        return unit.trim().toLowerCase(Locale.ROOT).replace(" ", "");
    }
}
