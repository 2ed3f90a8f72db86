package io.cellfloor.ingest.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The first bytes of a file and its first lines as text: all a {@link FormatSniffer} looks at. */
record FileHead(byte[] bytes, List<String> lines) {
    static final int HEAD_BYTES = 16 * 1024;
    static final int HEAD_LINES = 40;

    static FileHead of(final Path file) throws IOException {
        final byte[] b;
        try (InputStream in = Files.newInputStream(file)) {
            b = in.readNBytes(HEAD_BYTES);
        }
        return of(b);
    }

    static FileHead of(final byte[] b) {
        final List<String> lines = new ArrayList<>();
        int start = b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF ? 3 : 0;
        for (int i = start; i < b.length && lines.size() < HEAD_LINES; i++) {
            if (b[i] == '\n') {
                final int end = i > start && b[i - 1] == '\r' ? i - 1 : i;
                lines.add(Text.decode(b, start, end));
                start = i + 1;
            }
        }
        if (start < b.length && lines.size() < HEAD_LINES) {
            lines.add(Text.decode(b, start, b.length));
        }
        return new FileHead(b, List.copyOf(lines));
    }

    boolean startsWith(final int offset, final String ascii) {
        if (bytes.length < offset + ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (bytes[offset + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    String line(final int index) {
        return index < lines.size() ? lines.get(index) : "";
    }

    boolean looksBinary() {
        final int n = Math.min(bytes.length, 1024);
        for (int i = 0; i < n; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
