package io.cellfloor.ingest.format;

import io.cellfloor.domain.Direction;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Neware BTS flat CSV exports ({@code DataPoint,Cycle Index,Step Index,Step Type,Time,Cumulative Time,Current(A),
 * Voltage(V),...,Chg. Cap.(Ah),DChg. Cap.(Ah),...,Date,...}). Current is signed (negative in discharge). Neware
 * resets its capacity columns at every step, so the reader sums the cycle's steps (see {@link CycleCapacity}); a
 * new step is a change of step or cycle index, or the step time running backwards. Times are hh:mm:ss: the test
 * time is the cumulative (total) time, anchored once to the Date column in the cycler's zone.
 */
final class NewareCsvReader extends DelimitedReader {
    private final Header header;
    private final DateTimes dates;
    private final TimeBase time;
    private final StepKinds kinds = new StepKinds();
    private final CycleCapacity capacity = CycleCapacity.perStep();
    private final int colCycle;
    private final int colStep;
    private final int colType;
    private final int colStepTime;
    private final int colTotalTime;
    private final int colDate;
    private final int colCurrent;
    private final int colVoltage;
    private final int colCharge;
    private final int colDischarge;
    private final int colCapacity;
    private final int colTemperature;
    private final double currentFactor;
    private final double voltageFactor;
    private final double chargeFactor;
    private final double dischargeFactor;
    private final double capacityFactor;
    private final FileMetadata metadata;
    private int lastStep = Integer.MIN_VALUE;
    private double lastStepTime = Double.NEGATIVE_INFINITY;

    NewareCsvReader(final Path file, final ReaderOptions options, final InputStream in) throws IOException {
        super(file, options, in);
        final String names = headerLine();
        final byte delimiter = Delimiters.guess(names);
        useDelimiter(delimiter);
        header = new Header(file, Delimiters.split(names, delimiter));
        colCycle = header.require("cycle index", "Cycle Index", "Cycle ID", "Cycle");
        colStep = header.find("Step Index", "Step ID", "Step");
        colType = header.find("Step Type", "Step Name", "Status");
        colStepTime = header.find("Time", "Step Time", "Relative Time");
        colTotalTime = header.find("Cumulative Time", "Total Time");
        colDate = header.find("Date", "Realtime", "Real Time", "System Time");
        if (colTotalTime < 0 && colDate < 0) {
            throw new CyclerFormatException(file + ": neither a 'Total Time'/'Cumulative Time' nor a 'Date' column "
                    + "among " + header.names() + ": rows cannot be placed in time");
        }
        colCurrent = header.require("current", "Current", "Cur");
        colVoltage = header.require("voltage", "Voltage");
        colCharge = header.find("Chg. Cap.", "Chg. Cap", "Charge Capacity");
        colDischarge = header.find("DChg. Cap.", "DChg. Cap", "Discharge Capacity");
        colCapacity = header.find("Capacity", "Cap.");
        colTemperature = header.find("T1", "Temperature", "Aux. T1", "Aux.Ave.T");
        currentFactor = header.factor(colCurrent, Quantity.CURRENT, "A");
        voltageFactor = header.factor(colVoltage, Quantity.VOLTAGE, "V");
        chargeFactor = header.factor(colCharge, Quantity.CAPACITY, "Ah");
        dischargeFactor = header.factor(colDischarge, Quantity.CAPACITY, "Ah");
        capacityFactor = header.factor(colCapacity, Quantity.CAPACITY, "Ah");
        onlyUpTo(colCycle, colStep, colType, colStepTime, colTotalTime, colDate, colCurrent, colVoltage,
                colCharge, colDischarge, colCapacity, colTemperature);
        dates = new DateTimes(options.zone());
        time = new TimeBase(options.fallbackStartMs());
        metadata = FileMetadata.basic(file, CyclerFormat.NEWARE_CSV, header.names());
    }

    static NewareCsvReader open(final Path file, final ReaderOptions options) throws IOException {
        return ReaderFiles.open(file, in -> new NewareCsvReader(file, options, in));
    }

    @Override
    protected ReadResult row(final long line) {
        final int cycle = index(colCycle, "cycle index");
        final int step = index(colStep, "step index");
        final Direction kind = colType < 0 ? null : kinds.of(fields, colType);
        final double current = required(colCurrent, "current", currentFactor);
        final double voltage = required(colVoltage, "voltage", voltageFactor);
        final double temperature = optional(colTemperature, "temperature", 1.0);
        final double stepTime = colStepTime < 0 ? Double.NaN : duration(colStepTime, "step time");
        final long timeMs = timeMs();
        double charge = optional(colCharge, "charge capacity", chargeFactor);
        double discharge = optional(colDischarge, "discharge capacity", dischargeFactor);
        if (colCharge < 0 && colDischarge < 0 && colCapacity >= 0) {
            final double c = optional(colCapacity, "capacity", capacityFactor);
            charge = kind == Direction.CHARGE ? c : 0;
            discharge = kind == Direction.DISCHARGE ? c : 0;
        }
        if (hasProblem()) {
            return reject(line, problemOrNull());
        }
        final boolean newStep = step != lastStep || stepTime < lastStepTime;
        lastStep = step;
        lastStepTime = Double.isNaN(stepTime) ? lastStepTime : stepTime;
        capacity.update(cycle, newStep, charge, discharge);
        return sample(line, timeMs, current, voltage, step, cycle, kind, capacity.charge(), capacity.discharge(),
                temperature);
    }

    private long timeMs() {
        final long wallClock = colDate >= 0 && (time.needsAnchor() || colTotalTime < 0)
                ? dates.epochMs(fields.bytes(), fields.start(colDate), fields.end(colDate)) : DateTimes.INVALID;
        if (colTotalTime < 0) {
            if (wallClock == DateTimes.INVALID) {
                problem("time: '" + fields.text(colDate) + "' in column '" + header.name(colDate)
                        + "' is not a date-time");
            }
            return wallClock;
        }
        final double total = duration(colTotalTime, "total time");
        return Double.isNaN(total) ? 0 : time.at(total, wallClock);
    }

    private double duration(final int column, final String quantity) {
        if (!fields.has(column)) {
            problem(quantity + ": column '" + header.name(column) + "' is missing (the row has only "
                    + fields.count() + " fields)");
            return Double.NaN;
        }
        double s = DateTimes.durationSeconds(fields.bytes(), fields.start(column), fields.end(column));
        if (Double.isNaN(s)) {
            // some BTS versions write plain seconds
            s = fields.number(column);
        }
        if (Double.isNaN(s)) {
            problem(quantity + ": '" + fields.text(column) + "' in column '" + header.name(column)
                    + "' is not a duration (h:mm:ss) or seconds");
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
