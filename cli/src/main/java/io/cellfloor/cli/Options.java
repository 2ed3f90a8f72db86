package io.cellfloor.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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

    /** Options followed (or preceded) by file names: every argument that is not an option or its value. */
    record WithFiles(Options options, List<String> files) {
    }

    static WithFiles parseWithFiles(final String[] args) {
        final Map<String, String> values = new HashMap<>();
        final List<String> files = new ArrayList<>();
        for (int k = 0; k < args.length; k++) {
            if (args[k].startsWith("--")) {
                if (k + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + args[k] + " needs a value");
                }
                values.put(args[k].substring(2), args[++k]);
            } else {
                files.add(args[k]);
            }
        }
        return new WithFiles(new Options(Map.copyOf(values)), List.copyOf(files));
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
