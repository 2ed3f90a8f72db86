package io.cellfloor.ingest.format;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Text helpers for header lines. Cycler software writes UTF-8 or the PC's ANSI code page (EC-Lab's "°C" is one
 * byte 0xB0 in windows-1252), often within one fleet, so bytes are decoded as UTF-8 when they are valid UTF-8 and
 * as windows-1252 otherwise.
 */
final class Text {
    private static final Charset ANSI = Charset.forName("windows-1252");

    private Text() {
    }

    static String decode(final byte[] b, final int from, final int to) {
        boolean ascii = true;
        for (int i = from; i < to; i++) {
            if (b[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, from, to - from)).toString();
        } catch (final CharacterCodingException notUtf8) {
            return new String(b, from, to - from, ANSI);
        }
    }

    /** A column name reduced for comparison: lower case, blanks collapsed, trimmed. */
    static String norm(final String name) {
        return name.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** Cuts {@code s} to at most {@code max} characters, saying so. */
    static String cut(final String s, final int max) {
        return s.length() <= max ? s : s.substring(0, max) + "...(" + (s.length() - max) + " more characters)";
    }
}
