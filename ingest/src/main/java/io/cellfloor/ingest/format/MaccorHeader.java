package io.cellfloor.ingest.format;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * The metadata lines above a Maccor export's column names. Two dialects exist: all on one line
 * ({@code Today's Date 10/10/2019  Date of Test:\t10/10/2019\t Filename:\tC:\...\X.010 Procedure: P.000\t
 * Comment/Barcode: 0001BC}) and one item pair per line ({@code Filename:\tM50\tTester Channel:\t1}). Values are
 * found by their labels wherever they stand: a value runs from its label to the next tab, line end or label.
 */
final class MaccorHeader {
    private static final List<String> LABELS = List.of("Today's Date", "Date of Test:", "Filename:",
            "Procedure:", "Comment/Barcode:", "Tester Channel:", "Description:", "Channel:");
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy, h:mm:ss a",
            Locale.ENGLISH);

    private final String text;

    MaccorHeader(final String text) {
        this.text = text;
    }

    /** The value after {@code label}, or null when the label is absent or has no value. */
    String value(final String label) {
        final int at = text.indexOf(label);
        if (at < 0) {
            return null;
        }
        int start = at + label.length();
        while (start < text.length() && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
            start++;
        }
        int end = start;
        while (end < text.length() && text.charAt(end) != '\t' && text.charAt(end) != '\n') {
            end++;
        }
        for (final String other : LABELS) {
            final int o = text.indexOf(other, start);
            if (o >= start && o < end) {
                end = o;
            }
        }
        final String v = text.substring(start, end).trim();
        return v.isEmpty() ? null : v;
    }

    /** The tester channel: the header's, else the number in the file's extension (Maccor names files X.010). */
    String channel(final Path file) {
        final String written = value("Tester Channel:");
        if (written != null) {
            return written;
        }
        final String name = file.getFileName().toString();
        final int dot = name.lastIndexOf('.');
        if (dot < 0 || dot == name.length() - 1) {
            return null;
        }
        final String ext = name.substring(dot + 1);
        for (int i = 0; i < ext.length(); i++) {
            if (!Character.isDigit(ext.charAt(i))) {
                return null;
            }
        }
        return Integer.toString(Integer.parseInt(ext));
    }

    /** The test start, when "Date of Test" holds a date and a time (a date alone is not a start). */
    Instant start(final ZoneId zone) {
        final String v = value("Date of Test:");
        if (v == null) {
            return null;
        }
        final byte[] b = v.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        final long ms = new DateTimes(zone).epochMs(b, 0, b.length);
        if (ms != DateTimes.INVALID) {
            return Instant.ofEpochMilli(ms);
        }
        try {
            return LocalDateTime.parse(v, LONG_DATE).atZone(zone).toInstant();
        } catch (final DateTimeParseException notThisShape) {
            return null;
        }
    }
}
