package io.cellfloor.ingest.format;

import io.cellfloor.domain.Direction;
import io.cellfloor.domain.Sample;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * What every line-oriented reader shares: the line loop, counting, the safety net that turns any surprise in a row
 * into a rejected row, and the checks every sample gets (mandatory values present and finite, magnitudes
 * plausible). A subclass reads its header in its constructor with {@link #headerLine()} and turns one data line
 * into a result in {@link #row}.
 */
abstract class DelimitedReader implements CyclerFileReader {
    protected final Path file;
    protected final ReaderOptions options;
    protected final LineSource lines;
    /** The current row's fields; set by {@link #useDelimiter} once the header has shown the separator. */
    protected Fields fields = new Fields((byte) ',');
    private long headerLines;
    private long accepted;
    private long rejected;
    private long summaries;
    private long blankLines;
    /** The first problem found in the current row, or null; set by {@link #required} and {@link #optional}. */
    private String problem;

    /**
     * @param file names the rows' origin in rejected rows and messages
     * @param in the file's bytes; closed by {@link #close()}
     */
    protected DelimitedReader(final Path file, final ReaderOptions options, final InputStream in) {
        this.file = file;
        this.options = options;
        this.lines = new LineSource(in, options.holdIncompleteLastLine());
    }

    /** Sets the field separator of the data rows. */
    protected final void useDelimiter(final byte delimiter) {
        fields = new Fields(delimiter);
    }

    /** Splits rows only up to the last of {@code columns} (indices, -1 for absent): wide exports parse faster. */
    protected final void onlyUpTo(final int... columns) {
        int max = 0;
        for (final int c : columns) {
            max = Math.max(max, c);
        }
        fields.limit(max + 1);
    }

    /** Consumes the next line as part of the header and returns it; fails when the file ends first. */
    protected final String headerLine() throws IOException {
        if (!lines.next()) {
            throw new CyclerFormatException(file + ": ended after " + headerLines + " lines, inside the header: "
                    + "not a complete export (or the cycler has not written its header yet)");
        }
        headerLines++;
        return lines.text();
    }

    /** Splits the current line into {@link #fields}. */
    protected final void splitCurrent() {
        fields.split(lines.buffer(), lines.start(), lines.end());
    }

    @Override
    public final ReadResult next() throws IOException {
        while (lines.next()) {
            if (lines.isBlank()) {
                blankLines++;
                continue;
            }
            final long line = lines.lineNumber();
            ReadResult result;
            if (lines.overlong()) {
                result = reject(line, "line is longer than " + LineSource.MAX_LINE_BYTES + " bytes: not a data row");
            } else {
                problem = null;
                try {
                    splitCurrent();
                    result = row(line);
                } catch (final RuntimeException surprise) {
                    // a row shaped in a way no rule above foresaw: quarantine it with the cause rather than stop
                    result = reject(line, "row could not be read: " + surprise);
                }
            }
            count(result);
            return result;
        }
        return null;
    }

    private void count(final ReadResult r) {
        if (r instanceof AcceptedRow) {
            accepted++;
        } else if (r instanceof RejectedRow) {
            rejected++;
        } else {
            summaries++;
        }
    }

    /** Turns the current line, already split into {@link #fields}, into a result. */
    protected abstract ReadResult row(long line);

    @Override
    public final ReadCounts counts() {
        return new ReadCounts(headerLines, accepted, rejected, summaries, blankLines);
    }

    /** A mandatory value of {@code column} times {@code factor}; records a problem when missing or not a number. */
    protected final double required(final int column, final String quantity, final double factor) {
        final double v = fields.number(column);
        if (Double.isNaN(v)) {
            noteProblem(column, quantity, true);
            return Double.NaN;
        }
        return Numbers.scale(v, factor);
    }

    /** An optional value: NaN when the column is absent, empty, NaN or N/A; a problem when it holds anything else. */
    protected final double optional(final int column, final String quantity, final double factor) {
        if (column < 0 || fields.isEmpty(column)) {
            return Double.NaN;
        }
        final double v = fields.number(column);
        if (Double.isNaN(v)) {
            if (!isNotAvailable(column)) {
                noteProblem(column, quantity, false);
            }
            return Double.NaN;
        }
        return Numbers.scale(v, factor);
    }

    /** Whether the field says "no value" in words: NaN or N/A (any case). */
    private boolean isNotAvailable(final int column) {
        return fields.equalsIgnoreCase(column, "nan") || fields.equalsIgnoreCase(column, "n/a");
    }

    /** An index column as int, {@link Sample#NO_INDEX} when absent or empty; a problem when not a whole number. */
    protected final int index(final int column, final String quantity) {
        if (column < 0 || fields.isEmpty(column)) {
            return Sample.NO_INDEX;
        }
        final long v = fields.whole(column, Long.MIN_VALUE);
        if (v == Long.MIN_VALUE || v < 0 || v > Integer.MAX_VALUE) {
            problem(quantity + ": '" + fields.text(column) + "' in column '" + columnName(column)
                    + "' is not a non-negative whole number");
            return Sample.NO_INDEX;
        }
        return (int) v;
    }

    private void noteProblem(final int column, final String quantity, final boolean mandatory) {
        if (!fields.has(column) || fields.isEmpty(column)) {
            problem(quantity + ": column '" + columnName(column) + "' is " + (fields.has(column) ? "empty"
                    : "missing (the row has only " + fields.count() + " fields)"));
            return;
        }
        final String text = fields.text(column);
        if (text.equalsIgnoreCase("nan") || text.equalsIgnoreCase("n/a")) {
            problem(quantity + ": column '" + columnName(column) + "' is " + text
                    + (mandatory ? ", and a sample needs it" : ""));
            return;
        }
        problem(quantity + ": '" + Text.cut(text, 80) + "' in column '" + columnName(column) + "' is not a number"
                + (text.matches(".*\\d.*[a-zA-Z].*") ? " (a unit written in the value?)" : ""));
    }

    /** Records a problem with the current row, keeping the first one. */
    protected final void problem(final String reason) {
        if (problem == null) {
            problem = reason;
        }
    }

    /** Whether the current row has a problem so far. */
    protected final boolean hasProblem() {
        return problem != null;
    }

    /** The name of a column, for messages. */
    protected abstract String columnName(int column);

    /** A sample from checked values, or a rejected row saying why the values are not usable. */
    protected final ReadResult sample(final long line, final long timeMs, final double currentA, final double voltageV,
                                      final int stepIndex, final int cycleIndex, final Direction stepType,
                                      final double chargeAh, final double dischargeAh, final double temperatureC) {
        if (problem != null) {
            return reject(line, problem);
        }
        if (!Double.isFinite(currentA) || !Double.isFinite(voltageV)) {
            return reject(line, "non-finite reading: I=" + currentA + " A, V=" + voltageV + " V");
        }
        if (Math.abs(voltageV) > options.maxAbsVoltageV()) {
            return reject(line, "voltage " + voltageV + " V is above the plausible " + options.maxAbsVoltageV()
                    + " V: wrong units (mV written as V)?");
        }
        if (Math.abs(currentA) > options.maxAbsCurrentA()) {
            return reject(line, "current " + currentA + " A is above the plausible " + options.maxAbsCurrentA()
                    + " A: wrong units (mA written as A)?");
        }
        if (Double.isInfinite(chargeAh) || Double.isInfinite(dischargeAh) || Double.isInfinite(temperatureC)) {
            return reject(line, "infinite capacity or temperature: charge=" + chargeAh + " Ah, discharge="
                    + dischargeAh + " Ah, T=" + temperatureC + " degC");
        }
        return new AcceptedRow(line, new Sample(timeMs, currentA, voltageV, stepIndex, cycleIndex, stepType, chargeAh,
                dischargeAh, temperatureC));
    }

    /** A rejected row for the current line. */
    protected final RejectedRow reject(final long line, final String reason) {
        return new RejectedRow(file, line, reason, Text.cut(lines.text(), RejectedRow.MAX_CONTENT_CHARS));
    }

    /** The problem noted for the current row, or null. */
    protected final String problemOrNull() {
        return problem;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
