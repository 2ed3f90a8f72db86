package io.cellfloor.ingest.format;

/** Picks a header line's field separator: whichever of tab, ';' and ',' it holds most of. */
final class Delimiters {
    private Delimiters() {
    }

    static byte guess(final String headerLine) {
        int tabs = 0;
        int semicolons = 0;
        int commas = 0;
        for (int i = 0; i < headerLine.length(); i++) {
            switch (headerLine.charAt(i)) {
                case '\t' -> tabs++;
                case ';' -> semicolons++;
                case ',' -> commas++;
                default -> {
                }
            }
        }
        if (tabs >= semicolons && tabs >= commas && tabs > 0) {
            return '\t';
        }
        return semicolons > commas ? (byte) ';' : (byte) ',';
    }

    /** The fields of a header line, split on {@code delimiter} and trimmed (quotes removed). */
    static java.util.List<String> split(final String headerLine, final byte delimiter) {
        final byte[] b = headerLine.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        final Fields f = new Fields(delimiter);
        f.split(b, 0, b.length);
        return f.texts();
    }
}
