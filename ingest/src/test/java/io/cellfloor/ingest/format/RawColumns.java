package io.cellfloor.ingest.format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A real export split the naive way (whole file, String.split, no quoting, no units): an implementation that
 * shares nothing with the readers, so that per-cycle totals computed from it check the readers rather than
 * repeat them. Test use only; the files are small.
 */
record RawColumns(List<String> names, List<String[]> rows) {

    /** Reads {@code file} with the column names on the 1-based line {@code headerLine}. */
    static RawColumns read(final Path file, final int headerLine, final String delimiter) throws IOException {
        final List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        final String split = Pattern.quote(delimiter);
        final List<String> names = Arrays.stream(lines.get(headerLine - 1).split(split, -1)).map(String::trim)
                .toList();
        final List<String[]> rows = lines.subList(headerLine, lines.size()).stream().filter(l -> !l.isBlank())
                .map(l -> l.split(split, -1)).toList();
        return new RawColumns(names, rows);
    }

    int column(final String name) {
        final int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no column '" + name + "' among " + names);
        }
        return i;
    }

    /**
     * The cellpy / BEEP rule for counters that restart at every step: per cycle, the sum over its steps (runs of
     * one step key) of each step's last value.
     *
     * @param cycle the row's cycle
     * @param step what makes a run one step (the step column, plus the state where it matters)
     * @param value the counter on the row, 0 where it does not count for the quantity wanted
     */
    Map<Integer, Double> sumOfStepEnds(final Function<String[], Integer> cycle,
                                       final Function<String[], String> step,
                                       final Function<String[], Double> value) {
        final Map<Integer, Double> out = new TreeMap<>();
        for (int i = 0; i < rows.size(); i++) {
            final String[] r = rows.get(i);
            final boolean lastOfStep = i + 1 == rows.size() || !cycle.apply(rows.get(i + 1)).equals(cycle.apply(r))
                    || !step.apply(rows.get(i + 1)).equals(step.apply(r));
            out.merge(cycle.apply(r), lastOfStep ? value.apply(r) : 0.0, Double::sum);
        }
        return out;
    }

    /** The BEEP rule for counters that run within a cycle: per cycle, the largest value. */
    Map<Integer, Double> maxPerCycle(final Function<String[], Integer> cycle, final Function<String[], Double> value) {
        final Map<Integer, Double> out = new TreeMap<>();
        for (final String[] r : rows) {
            out.merge(cycle.apply(r), value.apply(r), Math::max);
        }
        return out;
    }
}
