package io.cellfloor.ingest.format;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

/**
 * Parses the date-times and durations cycler exports write, from bytes, without a formatter per row.
 *
 * <p>Date-times: {@code yyyy-MM-dd HH:mm:ss[.fff]} (also with '/' or a 'T'), and {@code MM/dd/yyyy
 * HH:mm:ss[.fff]} (US order, as Maccor, Arbin and EC-Lab's "Absolute MMDDYYYY" write), each with an optional
 * AM/PM. They are wall-clock times of the cycler PC and become epoch ms through the given zone; the zone offset is
 * cached per hour, since offsets change only at whole hours in practice.
 *
 * <p>Durations: {@code [Nd ]h:mm:ss[.fff]}, hours above 24 allowed (Neware's "144:02:18", Maccor's
 * "2d 02:51:21.58").
 */
final class DateTimes {
    /** Returned when a field is not a date-time. */
    static final long INVALID = Long.MIN_VALUE;
    private static final long MS_PER_HOUR = 3_600_000L;

    private final ZoneRules rules;
    private long cachedHour = Long.MIN_VALUE;
    private long cachedOffsetMs;
    private final int[] parts = new int[7];

    DateTimes(final ZoneId zone) {
        this.rules = zone.getRules();
    }

    /** Epoch ms of the wall-clock date-time in {@code b[from, to)}, or {@link #INVALID}. */
    long epochMs(final byte[] b, final int from, final int to) {
        final long local = localMs(b, from, to, parts);
        if (local == INVALID) {
            return INVALID;
        }
        final long hour = Math.floorDiv(local, MS_PER_HOUR);
        if (hour != cachedHour) {
            final LocalDateTime ldt = LocalDateTime.of(parts[0], parts[1], parts[2], parts[3], 0);
            cachedOffsetMs = rules.getOffset(ldt).getTotalSeconds() * 1000L;
            cachedHour = hour;
        }
        return local - cachedOffsetMs;
    }

    /** Milliseconds of the wall-clock date-time as if it were UTC, or {@link #INVALID}; fills y, M, d, H. */
    static long localMs(final byte[] b, final int from, final int to, final int[] out) {
        int i = from;
        int e = to;
        while (i < e && b[i] <= ' ') {
            i++;
        }
        while (e > i && b[e - 1] <= ' ') {
            e--;
        }
        // read up to 6 numbers and a fraction: date part, time part
        int n = 0;
        long fractionMs = 0;
        boolean yearFirst = false;
        boolean pm = false;
        boolean am = false;
        while (i < e && n < 6) {
            final int s = i;
            int v = 0;
            while (i < e && b[i] >= '0' && b[i] <= '9' && i - s < 9) {
                v = v * 10 + (b[i] - '0');
                i++;
            }
            if (i == s) {
                return INVALID;
            }
            if (n == 0) {
                yearFirst = i - s == 4;
            }
            out[n++] = v;
            if (n == 6 && i < e && (b[i] == '.' || b[i] == ',')) {
                i++;
                int scale = 100;
                while (i < e && b[i] >= '0' && b[i] <= '9') {
                    fractionMs += (b[i] - '0') * scale;
                    scale /= 10;
                    i++;
                }
            }
            if (i >= e) {
                break;
            }
            final byte sep = b[i];
            if (n < 3 && sep != '-' && sep != '/' && sep != '.') {
                return INVALID;
            }
            if (n == 3 && sep != ' ' && sep != 'T') {
                return INVALID;
            }
            if (n > 3 && sep != ':') {
                break;
            }
            i++;
            while (n == 3 && i < e && b[i] == ' ') {
                i++;
            }
        }
        while (i < e && b[i] == ' ') {
            i++;
        }
        if (i + 2 == e) {
            final int c = b[i] | 0x20;
            if ((b[i + 1] | 0x20) != 'm' || (c != 'a' && c != 'p')) {
                return INVALID;
            }
            pm = c == 'p';
            am = c == 'a';
            i = e;
        }
        if (i != e || n < 5) {
            return INVALID;
        }
        if (n == 5) {
            out[5] = 0;
        }
        final int year = yearFirst ? out[0] : out[2];
        final int month = yearFirst ? out[1] : out[0];
        final int day = yearFirst ? out[2] : out[1];
        int hour = out[3];
        if ((am || pm) && (hour < 1 || hour > 12)) {
            return INVALID;
        }
        if (pm && hour != 12) {
            hour += 12;
        } else if (am && hour == 12) {
            hour = 0;
        }
        if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || out[4] > 59 || out[5] > 60
                || year < 1900 || year > 9999) {
            return INVALID;
        }
        final int minute = out[4];
        final int second = out[5];
        out[0] = year;
        out[1] = month;
        out[2] = day;
        out[3] = hour;
        return ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60_000L + second * 1000L + fractionMs;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
    static long daysFromCivil(final int year, final int month, final int day) {
        final int y = month <= 2 ? year - 1 : year;
        final int era = Math.floorDiv(y, 400);
        final int yoe = y - era * 400;
        final int mp = (month + 9) % 12;
        final int doy = (153 * mp + 2) / 5 + day - 1;
        final int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097L + doe - 719_468L;
    }

    /** Seconds of a duration {@code [Nd ]h:mm:ss[.fff]} in {@code b[from, to)}, or NaN. */
    static double durationSeconds(final byte[] b, final int from, final int to) {
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
        long days = 0;
        long whole = 0;
        int colons = 0;
        int digits = 0;
        long field = 0;
        for (; i < e; i++) {
            final byte c = b[i];
            if (c >= '0' && c <= '9') {
                if (digits++ > 12) {
                    return Double.NaN;
                }
                field = field * 10 + (c - '0');
            } else if (c == 'd' && colons == 0 && digits > 0) {
                days = field;
                field = 0;
                digits = 0;
                i++;
                while (i < e && b[i] == ' ') {
                    i++;
                }
                i--;
            } else if (c == ':') {
                if (digits == 0 || ++colons > 2) {
                    return Double.NaN;
                }
                whole = whole * 60 + field;
                field = 0;
                digits = 0;
            } else if (c == '.' || c == ',') {
                break;
            } else {
                return Double.NaN;
            }
        }
        if (digits == 0 || colons == 0) {
            return Double.NaN;
        }
        whole = whole * 60 + field;
        double fraction = 0;
        if (i < e) {
            fraction = Numbers.parse(b, i, e, true);
            if (Double.isNaN(fraction)) {
                return Double.NaN;
            }
        }
        return days * 86_400.0 + whole + fraction;
    }
}
