package io.cellfloor.ingest.format;

import java.nio.file.Path;
import java.util.List;

/**
 * The column names of a delimited file, looked up by the names vendors use. A name may carry its unit, as
 * {@code Current(A)}, {@code Current (mA)}, {@code I/mA} or {@code Test_Time(s)}: lookups compare the name
 * without its unit, and {@link #unit} returns the unit part.
 */
final class Header {
    private final Path file;
    private final List<String> names;
    private final String[] bases;
    private final String[] units;

    Header(final Path file, final List<String> names) {
        this.file = file;
        this.names = List.copyOf(names);
        this.bases = new String[names.size()];
        this.units = new String[names.size()];
        for (int i = 0; i < names.size(); i++) {
            final String n = names.get(i).trim();
            final int paren = n.lastIndexOf('(');
            final int slash = n.lastIndexOf('/');
            if (paren > 0 && n.endsWith(")")) {
                bases[i] = Text.norm(n.substring(0, paren));
                units[i] = n.substring(paren + 1, n.length() - 1).trim();
            } else if (slash > 0) {
                bases[i] = Text.norm(n.substring(0, slash));
                units[i] = n.substring(slash + 1).trim();
            } else {
                bases[i] = Text.norm(n);
                units[i] = "";
            }
        }
    }

    List<String> names() {
        return names;
    }

    int size() {
        return names.size();
    }

    /** The first column whose whole name or unit-less name equals one of {@code candidates} (any case); -1 if none. */
    int find(final String... candidates) {
        for (final String c : candidates) {
            final String want = Text.norm(c);
            for (int i = 0; i < bases.length; i++) {
                if (Text.norm(names.get(i)).equals(want) || bases[i].equals(want)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Like {@link #find}, but the file is unusable without the column. */
    int require(final String quantity, final String... candidates) throws CyclerFormatException {
        final int i = find(candidates);
        if (i < 0) {
            throw new CyclerFormatException(file + ": no " + quantity + " column; looked for " + String.join(", ",
                    candidates) + " among the columns " + names);
        }
        return i;
    }

    String name(final int column) {
        return names.get(column);
    }

    /** The unit written with the column's name, or "" when none. */
    String unit(final int column) {
        return units[column];
    }

    /**
     * The multiplier for an optional column, or NaN (the column is then better left out) when its unit is unknown;
     * says so in {@code notes}.
     */
    double optionalFactor(final int column, final Quantity q, final String defaultUnit,
                          final java.util.List<String> notes) {
        try {
            return factor(column, q, defaultUnit);
        } catch (final CyclerFormatException unknownUnit) {
            notes.add("column '" + names.get(column) + "' left out: its unit '" + units[column] + "' is not a unit of "
                    + q.name().toLowerCase(java.util.Locale.ROOT) + " this reader knows");
            return Double.NaN;
        }
    }

    /**
     * The multiplier to the normal unit of {@code q} for this column, taking {@code defaultUnit} when the name has
     * no unit.
     */
    double factor(final int column, final Quantity q, final String defaultUnit) throws CyclerFormatException {
        if (column < 0) {
            return Double.NaN;
        }
        final String unit = units[column].isEmpty() ? defaultUnit : units[column];
        final double f = q.factor(unit);
        if (Double.isNaN(f)) {
            throw new CyclerFormatException(file + ": column '" + names.get(column) + "' is in '" + unit
                    + "', which is not a unit of " + q.name().toLowerCase(java.util.Locale.ROOT)
                    + " this reader knows (known: " + q.accepted() + ")");
        }
        return f;
    }
}
