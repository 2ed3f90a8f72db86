package io.cellfloor.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The last lines of a child process's log, for the message of a start that failed. */
final class LogTail {
    private LogTail() {
    }

    static String of(final Path logFile, final int lines) {
        try {
            // decoded leniently: a half-written last line must not hide the rest
            final List<String> all = new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (final IOException e) {
            return "(log " + logFile + " unreadable: " + e.getMessage() + ")";
        }
    }
}
