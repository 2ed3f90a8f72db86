package io.cellfloor.cli;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} pairs of a command line, with typed getters that say what was wrong. */
record Options(Map<String, String> values) {

    static Options parse(final String[] args) {
        final Map<String, String> values = new HashMap<>();
        for (int k = 0; k < args.length; k++) {
            if (!args[k].startsWith("--") || k + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got '" + args[k] + "'");
            }
            values.put(args[k].substring(2), args[++k]);
        }
        return new Options(Map.copyOf(values));
    }

    String text(final String name, final String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int integer(final String name, final int fallback) {
        return (int) number(name, fallback);
    }

    double number(final String name, final double fallback) {
        final String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, got '" + v + "'", e);
        }
    }
}
