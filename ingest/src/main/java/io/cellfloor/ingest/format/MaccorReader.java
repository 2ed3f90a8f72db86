package io.cellfloor.ingest.format;

import io.cellfloor.domain.Direction;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Maccor text exports, both dialects (see {@link MaccorHeader}): metadata lines, then tab-separated columns from
 * {@code Rec#}. Maccor writes current unsigned (some exports sign it anyway) with a {@code State} column, C for
 * charge, D for discharge, R for rest: the reader signs |Amps| from the state, and takes the state as the step
 * kind. {@code Amp-hr} restarts at every step, so the reader sums the cycle's steps by state into charge and
 * discharge (see {@link CycleCapacity}). The test time is {@code Test (Sec)} in seconds or {@code TestTime} as
 * {@code Nd hh:mm:ss.s}; it is anchored once to {@code DPt Time} (MM/dd/yyyy, the cycler's zone).
 */
final class MaccorReader extends DelimitedReader {
    private static final int MAX_METADATA_LINES = 30;

    private final Header header;
    private final DateTimes dates;
    private final TimeBase time;
    private final CycleCapacity capacity = CycleCapacity.perStep();
    private final int colCycle;
    private final int colStep;
    private final int colTestTime;
    private final int colStepTime;
    private final int colAmpHours;
    private final int colAmps;
    private final int colVolts;
    private final int colState;
    private final int colDpt;
    private final int colTemperature;
    private final FileMetadata metadata;
    private int lastStep = Integer.MIN_VALUE;
    private double lastStepTime = Double.NEGATIVE_INFINITY;

    MaccorReader(final Path file, final ReaderOptions options, final InputStream in) throws IOException {
        super(file, options, in);
        final StringBuilder meta = new StringBuilder();
        String line = headerLine();
        while (!line.startsWith("Rec#")) {
            meta.append(line).append('\n');
            if (meta.length() > 64 * 1024 || counts().headerLines() > MAX_METADATA_LINES) {
                throw new CyclerFormatException(file + ": no 'Rec#' column header within the first "
                        + MAX_METADATA_LINES + " lines: not a Maccor text export");
            }
            line = headerLine();
        }
        useDelimiter((byte) '\t');
        header = new Header(file, Delimiters.split(line, (byte) '\t'));
        colCycle = header.require("cycle", "Cyc#", "Cycle");
        colStep = header.find("Step");
        colTestTime = header.require("test time", "Test (Sec)", "TestTime", "Test Time", "Test Time (sec)");
        colStepTime = header.find("Step (Sec)", "StepTime", "Step Time", "Step Time (sec)");
        colAmpHours = header.find("Amp-hr", "Capacity", "Amp-hr (Ah)");
        colAmps = header.require("current", "Amps", "Current");
        colVolts = header.require("voltage", "Volts", "Voltage");
        colState = header.require("state", "State", "MD");
        colDpt = header.find("DPt Time", "DPT Time", "DPtTime");
        colTemperature = header.find("Temp 1", "Temperature");
        final MaccorHeader h = new MaccorHeader(meta.toString());
        onlyUpTo(colCycle, colStep, colTestTime, colStepTime, colAmpHours, colAmps, colVolts, colState, colDpt,
                colTemperature);
        dates = new DateTimes(options.zone());
        time = new TimeBase(options.fallbackStartMs());
        metadata = new FileMetadata(file, CyclerFormat.MACCOR, h.channel(file), h.value("Comment/Barcode:"),
                h.value("Procedure:"), h.value("Filename:"), h.start(options.zone()), header.names(), List.of());
    }

    static MaccorReader open(final Path file, final ReaderOptions options) throws IOException {
        return ReaderFiles.open(file, in -> new MaccorReader(file, options, in));
    }

    @Override
    protected ReadResult row(final long line) {
        final int cycle = index(colCycle, "cycle");
        final int step = index(colStep, "step");
        final double amps = required(colAmps, "current", 1.0);
        final double volts = required(colVolts, "voltage", 1.0);
        final double ampHours = optional(colAmpHours, "Amp-hr", 1.0);
        final double temperature = optional(colTemperature, "temperature", 1.0);
        final double testTime = seconds(colTestTime, "test time");
        final double stepTime = colStepTime < 0 ? Double.NaN : seconds(colStepTime, "step time");
        final byte state = fields.firstByte(colState);
        if (state == 0) {
            problem("state: column '" + header.name(colState) + "' is empty");
        }
        if (hasProblem()) {
            return reject(line, problemOrNull());
        }
        final Direction kind = switch (state) {
            case 'C', 'c' -> Direction.CHARGE;
            case 'D', 'd' -> Direction.DISCHARGE;
            case 'R', 'r' -> Direction.REST;
            default -> null;
        };
        final double current = kind == Direction.CHARGE ? Math.abs(amps)
                : kind == Direction.DISCHARGE ? -Math.abs(amps) : amps;
        final boolean newStep = step != lastStep || stepTime < lastStepTime;
        lastStep = step;
        lastStepTime = Double.isNaN(stepTime) ? lastStepTime : stepTime;
        capacity.update(cycle, newStep, kind == Direction.CHARGE ? ampHours : 0,
                kind == Direction.DISCHARGE ? ampHours : 0);
        final long wallClock = time.needsAnchor() && colDpt >= 0
                ? dates.epochMs(fields.bytes(), fields.start(colDpt), fields.end(colDpt)) : DateTimes.INVALID;
        return sample(line, time.at(testTime, wallClock), current, volts, step, cycle, kind,
                Double.isNaN(ampHours) ? Double.NaN : capacity.charge(),
                Double.isNaN(ampHours) ? Double.NaN : capacity.discharge(), temperature);
    }

    /** Seconds, written as a number or as {@code Nd hh:mm:ss.s}. */
    private double seconds(final int column, final String quantity) {
        double s = fields.number(column);
        if (Double.isNaN(s) && fields.has(column)) {
            s = DateTimes.durationSeconds(fields.bytes(), fields.start(column), fields.end(column));
        }
        if (Double.isNaN(s)) {
            problem(quantity + ": '" + fields.text(column) + "' in column '" + columnName(column)
                    + "' is neither seconds nor a duration (Nd hh:mm:ss)");
        }
        return s;
    }

    @Override
    protected String columnName(final int column) {
        return column >= 0 && column < header.size() ? header.name(column) : "#" + column;
    }

    @Override
    public FileMetadata metadata() {
        return metadata;
    }
}
