package io.cellfloor.ingest.format;

import com.healthmarketscience.jackcess.Column;
import com.healthmarketscience.jackcess.Cursor;
import com.healthmarketscience.jackcess.CursorBuilder;
import com.healthmarketscience.jackcess.Database;
import com.healthmarketscience.jackcess.DatabaseBuilder;
import com.healthmarketscience.jackcess.Index;
import com.healthmarketscience.jackcess.Row;
import com.healthmarketscience.jackcess.RuntimeIOException;
import com.healthmarketscience.jackcess.Table;
import io.cellfloor.domain.Sample;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Arbin {@code .res} files, which are MS-Access databases, read with Jackcess (page by page, never whole). The
 * samples are {@code Channel_Normal_Table} in {@code Data_Point} order (through its index); the test's name,
 * channel, schedule and start come from {@code Global_Table}. Arbin signs current (positive = charge) and counts
 * capacity since the cycle start, in A, V, Ah and s; times are OLE dates in the cycler PC's zone. Record numbers
 * are 1-based positions in that order.
 */
final class ArbinResReader implements CyclerFileReader {
    private static final List<String> COLUMNS = List.of("Test_ID", "Data_Point", "Test_Time", "DateTime",
            "Step_Index", "Cycle_Index", "Current", "Voltage", "Charge_Capacity", "Discharge_Capacity");

    private final Path file;
    private final ReaderOptions options;
    private final Database db;
    private final Cursor cursor;
    private final FileMetadata metadata;
    private final TimeBase time;
    private final int testId;
    private long record;
    private long accepted;
    private long rejected;

    private ArbinResReader(final Path file, final ReaderOptions options, final Database db) throws IOException {
        this.file = file;
        this.options = options;
        this.db = db;
        final Table global = db.getTable("Global_Table");
        final Table normal = db.getTable("Channel_Normal_Table");
        if (global == null || normal == null) {
            throw new CyclerFormatException(file + ": an Access database without Arbin's Global_Table and "
                    + "Channel_Normal_Table: not an Arbin .res file (tables: " + db.getTableNames() + ")");
        }
        for (final String c : COLUMNS) {
            if (normal.getColumn(c) == null) {
                missing(normal, c);
            }
        }
        final Row test = global.getNextRow();
        if (test == null) {
            throw new CyclerFormatException(file + ": Global_Table is empty: the test was never started");
        }
        testId = number(test.get("Test_ID")).intValue();
        final Object start = test.get("Start_DateTime");
        final Instant startTime = start instanceof Number n
                ? Instant.ofEpochMilli(OleDates.epochMs(n.doubleValue(), options.zone())) : null;
        final List<String> notes = new ArrayList<>();
        if (global.getRowCount() > 1) {
            notes.add("the file holds " + global.getRowCount() + " tests; reading Test_ID " + testId
                    + ", rows of the others come back rejected");
        }
        final Object channel = test.get("Channel_Index");
        metadata = new FileMetadata(file, CyclerFormat.ARBIN_RES, channel == null ? null : channel.toString(),
                text(test.get("Item_ID")), text(test.get("Schedule_File_Name")), text(test.get("Test_Name")),
                startTime, names(normal), notes);
        cursor = byDataPoint(normal);
        time = new TimeBase(startTime == null ? options.fallbackStartMs() : startTime.toEpochMilli());
    }

    static ArbinResReader open(final Path file, final ReaderOptions options) throws IOException {
        final Database db;
        try {
            db = new DatabaseBuilder(file.toFile()).setReadOnly(true).open();
        } catch (final IOException | RuntimeException notAccess) {
            throw new CyclerFormatException(file + ": not a readable MS-Access (.res) database: " + notAccess,
                    notAccess);
        }
        try {
            return new ArbinResReader(file, options, db);
        } catch (final IOException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private void missing(final Table t, final String column) throws CyclerFormatException {
        throw new CyclerFormatException(file + ": " + t.getName() + " has no column '" + column + "' (columns: "
                + names(t) + "): a .res layout this reader does not know");
    }

    private static List<String> names(final Table t) {
        return t.getColumns().stream().map(Column::getName).toList();
    }

    /** A cursor in Data_Point order: through an index on (Test_ID, Data_Point) where there is one. */
    private static Cursor byDataPoint(final Table t) throws IOException {
        for (final Index i : t.getIndexes()) {
            final List<String> cols = i.getColumns().stream().map(Index.Column::getName).toList();
            if (cols.equals(List.of("Test_ID", "Data_Point")) || cols.equals(List.of("Data_Point"))) {
                return CursorBuilder.createCursor(i);
            }
        }
        return CursorBuilder.createCursor(t);
    }

    @Override
    public ReadResult next() throws IOException {
        final Row row;
        try {
            row = cursor.getNextRow(COLUMNS);
        } catch (final RuntimeIOException corrupt) {
            throw new IOException(file + ": the .res database is damaged after record " + record
                    + "; copy the file again from the cycler PC: " + corrupt.getMessage(), corrupt);
        }
        if (row == null) {
            return null;
        }
        record++;
        final ReadResult r = toResult(row);
        if (r instanceof AcceptedRow) {
            accepted++;
        } else {
            rejected++;
        }
        return r;
    }

    private ReadResult toResult(final Row row) {
        final Number test = number(row.get("Test_ID"));
        if (test == null || test.intValue() != testId) {
            return reject(row, "belongs to Test_ID " + test + ", not to the test read (" + testId + ")");
        }
        final Number testTime = number(row.get("Test_Time"));
        final Number current = number(row.get("Current"));
        final Number voltage = number(row.get("Voltage"));
        if (testTime == null || current == null || voltage == null) {
            return reject(row, "Test_Time, Current or Voltage is empty");
        }
        final double i = decimal(current);
        final double v = decimal(voltage);
        final double t = testTime.doubleValue();
        if (!Double.isFinite(i) || !Double.isFinite(v) || !Double.isFinite(t)) {
            return reject(row, "non-finite reading: t=" + t + " s, I=" + i + " A, V=" + v + " V");
        }
        if (Math.abs(v) > options.maxAbsVoltageV() || Math.abs(i) > options.maxAbsCurrentA()) {
            return reject(row, "implausible reading I=" + i + " A, V=" + v + " V: wrong units?");
        }
        final Number dateTime = number(row.get("DateTime"));
        final long wallClock = time.needsAnchor() && dateTime != null && OleDates.isOleDate(dateTime.doubleValue())
                ? OleDates.epochMs(dateTime.doubleValue(), options.zone()) : DateTimes.INVALID;
        return new AcceptedRow(record, new Sample(time.at(t, wallClock), i, v, index(row.get("Step_Index")),
                index(row.get("Cycle_Index")), null, decimal(number(row.get("Charge_Capacity"))),
                decimal(number(row.get("Discharge_Capacity"))), Double.NaN));
    }

    private RejectedRow reject(final Row row, final String reason) {
        return new RejectedRow(file, record, reason, Text.cut(row.toString(), RejectedRow.MAX_CONTENT_CHARS));
    }

    private static Number number(final Object o) {
        return o instanceof Number n ? n : null;
    }

    /** Access stores many of Arbin's columns as 4-byte floats: take the decimal the float stands for. */
    private static double decimal(final Number n) {
        if (n == null) {
            return Double.NaN;
        }
        return n instanceof Float f ? Double.parseDouble(Float.toString(f)) : n.doubleValue();
    }

    private static int index(final Object o) {
        return o instanceof Number n && n.intValue() >= 0 ? n.intValue() : Sample.NO_INDEX;
    }

    private static String text(final Object o) {
        return o == null || o.toString().isBlank() ? null : o.toString().trim();
    }

    @Override
    public FileMetadata metadata() {
        return metadata;
    }

    @Override
    public ReadCounts counts() {
        return new ReadCounts(0, accepted, rejected, 0, 0);
    }

    @Override
    public void close() throws IOException {
        db.close();
    }
}
