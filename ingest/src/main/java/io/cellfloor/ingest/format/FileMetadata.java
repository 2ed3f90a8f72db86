package io.cellfloor.ingest.format;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a cycler file says about itself in its header, so the agent can map it to a channel and a test. Fields the
 * file does not carry are null.
 *
 * @param channel the tester channel (Maccor: the "Tester Channel" line, else the file extension's number, as the
 *                Maccor software names files; Arbin .res: the channel index)
 * @param barcode the cell's barcode or comment, where the format has one
 * @param procedure the schedule / procedure file the test ran
 * @param testName the test's own name, where the format has one
 * @param startTime when the test started, from the header (not from the rows)
 * @param columns the column names as written, for log lines and mapping files
 * @param notes what the reader chose to leave out or assume (an optional column with a unit it does not know, say),
 *              for the agent's log line when it picks the file up
 */
public record FileMetadata(
        Path file,
        CyclerFormat format,
        String channel,
        String barcode,
        String procedure,
        String testName,
        Instant startTime,
        List<String> columns,
        List<String> notes) {

    public FileMetadata {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        columns = List.copyOf(columns);
        notes = List.copyOf(notes);
    }

    /** Metadata with only the file, its format and its columns. */
    public static FileMetadata basic(final Path file, final CyclerFormat format, final List<String> columns) {
        return new FileMetadata(file, format, null, null, null, null, null, columns, List.of());
    }
}
