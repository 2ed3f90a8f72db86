package io.cellfloor.ingest.format;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fields of one delimited line, as offsets into the line's bytes: splitting allocates nothing once the offset
 * arrays have grown to the widest row. A field in double quotes may hold the delimiter; the quotes are not part
 * of its value.
 */
final class Fields {
    private final byte delimiter;
    private final boolean decimalComma;
    private byte[] bytes = new byte[0];
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private int count;
    private int limit = Integer.MAX_VALUE;

    /**
     * @param delimiter the field separator byte
     */
    Fields(final byte delimiter) {
        this.delimiter = delimiter;
        // where ',' does not separate fields it is a decimal separator in European locales
        this.decimalComma = delimiter != ',';
    }

    /** Splits no further than {@code fields} fields: readers need only the columns up to their last mapped one. */
    void limit(final int fields) {
        limit = Math.max(1, fields);
    }

    void split(final byte[] b, final int from, final int to) {
        bytes = b;
        count = 0;
        int i = from;
        while (count < limit) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
            }
            if (i < to && b[i] == '"') {
                final int close = closingQuote(b, i + 1, to);
                starts[count] = i + 1;
                ends[count] = close;
                count++;
                int next = close + 1;
                while (next < to && b[next] != delimiter) {
                    next++;
                }
                if (next >= to) {
                    return;
                }
                i = next + 1;
                continue;
            }
            int j = i;
            while (j < to && b[j] != delimiter) {
                j++;
            }
            starts[count] = i;
            ends[count] = j;
            count++;
            if (j >= to) {
                return;
            }
            i = j + 1;
        }
    }

    private static int closingQuote(final byte[] b, final int from, final int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '"') {
                if (i + 1 < to && b[i + 1] == '"') {
                    i++;
                    continue;
                }
                return i;
            }
        }
        return to;
    }

    int count() {
        return count;
    }

    boolean has(final int field) {
        return field >= 0 && field < count;
    }

    boolean isEmpty(final int field) {
        if (!has(field)) {
            return true;
        }
        for (int i = starts[field]; i < ends[field]; i++) {
            if (bytes[i] > ' ') {
                return false;
            }
        }
        return true;
    }

    /** The field as a number; NaN when absent, empty or not a number. */
    double number(final int field) {
        if (!has(field)) {
            return Double.NaN;
        }
        return Numbers.parse(bytes, starts[field], ends[field], decimalComma);
    }

    /** The field as a whole number, or {@code missing}. */
    long whole(final int field, final long missing) {
        if (!has(field)) {
            return missing;
        }
        return Numbers.parseLong(bytes, starts[field], ends[field], missing);
    }

    /** The field's first non-blank byte, or 0 when empty. */
    byte firstByte(final int field) {
        if (!has(field)) {
            return 0;
        }
        for (int i = starts[field]; i < ends[field]; i++) {
            if (bytes[i] > ' ') {
                return bytes[i];
            }
        }
        return 0;
    }

    /** Whether the field, trimmed, equals {@code ascii} ignoring ASCII case. */
    boolean equalsIgnoreCase(final int field, final String ascii) {
        if (!has(field)) {
            return false;
        }
        int s = starts[field];
        int e = ends[field];
        while (s < e && bytes[s] <= ' ') {
            s++;
        }
        while (e > s && bytes[e - 1] <= ' ') {
            e--;
        }
        if (e - s != ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (Character.toLowerCase((char) bytes[s + i]) != Character.toLowerCase(ascii.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    byte[] bytes() {
        return bytes;
    }

    int start(final int field) {
        return starts[field];
    }

    int end(final int field) {
        return ends[field];
    }

    /** The field as trimmed text; "" when absent. */
    String text(final int field) {
        if (!has(field)) {
            return "";
        }
        return Text.decode(bytes, starts[field], ends[field]).trim();
    }

    /** All fields as trimmed text: for header lines only. */
    List<String> texts() {
        final List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(text(i));
        }
        return out;
    }
}
