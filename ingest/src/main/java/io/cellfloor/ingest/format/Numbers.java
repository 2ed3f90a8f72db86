package io.cellfloor.ingest.format;

import java.nio.charset.StandardCharsets;

/**
 * Parses numbers straight from bytes, without Strings or boxing: the readers' hot path. Decimal numbers of up to
 * 15 to 19 significant digits with a power of ten within 10^22 take Clinger's fast path (one exact long times or
 * over one exact power of ten, which IEEE rounding makes correctly rounded); anything else falls back to
 * {@link Double#parseDouble}, so results always equal the JDK's.
 */
final class Numbers {
    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private Numbers() {
    }

    /**
     * {@code v} in the normal unit. Sub-unit factors divide by their exact inverse, so "3300" mV is 3.3 V, not the
     * 3.3000000000000003 that multiplying by the inexact 0.001 gives.
     */
    static double scale(final double v, final double factor) {
        if (factor == 1.0) {
            return v;
        }
        if (factor < 1.0) {
            final double inverse = Math.rint(1.0 / factor);
            if (Math.abs(inverse * factor - 1.0) < 1e-12) {
                return v / inverse;
            }
        }
        return v * factor;
    }

    /**
     * The number in {@code b[from, to)}, surrounding blanks ignored; NaN when empty or not a number.
     *
     * @param decimalComma also accept ',' as the decimal separator (European exports with tab or ';' delimiters)
     */
    static double parse(final byte[] b, final int from, final int to, final boolean decimalComma) {
        int i = from;
        int e = to;
        while (i < e && b[i] <= ' ') {
            i++;
        }
        while (e > i && b[e - 1] <= ' ') {
            e--;
        }
        if (i == e) {
            return Double.NaN;
        }
        final int first = i;
        boolean negative = false;
        if (b[i] == '-' || b[i] == '+') {
            negative = b[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int exponent = 0;
        boolean any = false;
        boolean inexact = false;
        for (; i < e; i++) {
            final int d = b[i] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            any = true;
            if (digits < 18) {
                if (mantissa != 0 || d != 0) {
                    mantissa = mantissa * 10 + d;
                    digits++;
                }
            } else {
                exponent++;
                inexact |= d != 0;
            }
        }
        if (i < e && (b[i] == '.' || (decimalComma && b[i] == ','))) {
            i++;
            for (; i < e; i++) {
                final int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                any = true;
                if (digits < 18) {
                    if (mantissa != 0 || d != 0) {
                        mantissa = mantissa * 10 + d;
                        digits++;
                    }
                    exponent--;
                } else {
                    inexact |= d != 0;
                }
            }
        }
        if (!any) {
            return Double.NaN;
        }
        if (i < e && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean negExp = false;
            if (i < e && (b[i] == '-' || b[i] == '+')) {
                negExp = b[i] == '-';
                i++;
            }
            int exp = 0;
            final int expStart = i;
            for (; i < e; i++) {
                final int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                if (exp < 100_000) {
                    exp = exp * 10 + d;
                }
            }
            if (i == expStart) {
                return Double.NaN;
            }
            exponent += negExp ? -exp : exp;
        }
        if (i != e) {
            return Double.NaN;
        }
        if (!inexact && mantissa < (1L << 53) && exponent >= -22 && exponent <= 22) {
            final double v = exponent >= 0 ? mantissa * POW10[exponent] : mantissa / POW10[-exponent];
            return negative ? -v : v;
        }
        return slow(b, first, e);
    }

    private static double slow(final byte[] b, final int from, final int to) {
        final String s = new String(b, from, to - from, StandardCharsets.ISO_8859_1).replace(',', '.');
        try {
            return Double.parseDouble(s);
        } catch (final NumberFormatException notANumber) {
            // the fast path already checked the shape; this is only reached for exotic but valid spellings
            return Double.NaN;
        }
    }

    /** A whole number in {@code b[from, to)} (an integral decimal like "3.0" too); {@code missing} otherwise. */
    static long parseLong(final byte[] b, final int from, final int to, final long missing) {
        int i = from;
        int e = to;
        while (i < e && b[i] <= ' ') {
            i++;
        }
        while (e > i && b[e - 1] <= ' ') {
            e--;
        }
        if (i == e) {
            return missing;
        }
        boolean negative = false;
        if (b[i] == '-' || b[i] == '+') {
            negative = b[i] == '-';
            i++;
        }
        long v = 0;
        final int digitsStart = i;
        for (; i < e && i - digitsStart < 18; i++) {
            final int d = b[i] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            v = v * 10 + d;
        }
        if (i == e && i > digitsStart) {
            return negative ? -v : v;
        }
        final double d = parse(b, from, to, false);
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return (long) d;
        }
        return missing;
    }
}
