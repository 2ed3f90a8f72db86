package io.cellfloor.ingest.format;

import io.cellfloor.domain.Direction;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads any delimited cycler export described by a {@link CsvMapping}: which line holds the column names, which
 * column is which quantity in which unit, how current is signed and when capacity counters reset. Everything the
 * mapping names must exist in the header, so a mapping written for another export fails at open, naming the
 * missing column.
 */
final class MappedCsvReader extends DelimitedReader {
    private final CsvMapping m;
    private final Header header;
    private final DateTimes dates;
    private final TimeBase time;
    private final CycleCapacity capacity;
    private final int colTime;
    private final int colDateTime;
    private final int colCurrent;
    private final int colVoltage;
    private final int colState;
    private final int colCycle;
    private final int colStep;
    private final int colCharge;
    private final int colDischarge;
    private final int colTemperature;
    private final double timeFactor;
    private final double currentFactor;
    private final double voltageFactor;
    private final double chargeFactor;
    private final double dischargeFactor;
    private final double temperatureFactor;
    private final double temperatureOffset;
    private final FileMetadata metadata;
    private int lastStep = Integer.MIN_VALUE;
    private double lastCharge;
    private double lastDischarge;

    MappedCsvReader(final Path file, final ReaderOptions options, final InputStream in) throws IOException {
        super(file, options, in);
        m = options.mapping();
        if (m == null) {
            throw new CyclerFormatException(file + ": reading as a mapped CSV needs a mapping file in the reader "
                    + "options (ReaderOptions.withMapping(CsvMapping.load(path)))");
        }
        for (int i = 1; i < m.headerLine(); i++) {
            headerLine();
        }
        final String names = headerLine();
        final byte delimiter = m.delimiter() == 0 ? Delimiters.guess(names) : m.delimiter();
        useDelimiter(delimiter);
        header = new Header(file, Delimiters.split(names, delimiter));
        colTime = column(m.timeColumn(), true);
        colDateTime = column(m.dateTimeColumn(), false);
        colCurrent = column(m.currentColumn(), true);
        colVoltage = column(m.voltageColumn(), true);
        colState = column(m.stateColumn(), false);
        colCycle = column(m.cycleColumn(), false);
        colStep = column(m.stepColumn(), false);
        colCharge = column(m.chargeColumn(), false);
        colDischarge = column(m.dischargeColumn(), false);
        colTemperature = column(m.temperatureColumn(), false);
        timeFactor = CsvMapping.TIME_SHAPES.contains(m.timeUnit()) ? 1.0 : Quantity.TIME.factor(m.timeUnit());
        currentFactor = Quantity.CURRENT.factor(m.currentUnit())
                * (m.currentSign() == CsvMapping.Sign.DISCHARGE_POSITIVE ? -1 : 1);
        voltageFactor = Quantity.VOLTAGE.factor(m.voltageUnit());
        chargeFactor = Quantity.CAPACITY.factor(m.chargeUnit());
        dischargeFactor = Quantity.CAPACITY.factor(m.dischargeUnit());
        temperatureFactor = Quantity.TEMPERATURE.factor(m.temperatureUnit());
        temperatureOffset = Quantity.TEMPERATURE.offset(m.temperatureUnit());
        capacity = switch (m.capacityResets()) {
            case CYCLE -> CycleCapacity.perCycle();
            case STEP -> CycleCapacity.perStep();
            case TEST -> CycleCapacity.perTest();
        };
        dates = new DateTimes(options.zone());
        time = new TimeBase(options.fallbackStartMs());
        metadata = new FileMetadata(file, CyclerFormat.MAPPED_CSV, null, null, null, null, null, header.names(),
                List.of("read with mapping " + m.source()));
    }

    static MappedCsvReader open(final Path file, final ReaderOptions options) throws IOException {
        return ReaderFiles.open(file, in -> new MappedCsvReader(file, options, in));
    }

    /** A column named in the mapping: its exact name (or unit-less name), or #n for the n-th column. */
    private int column(final String spec, final boolean mandatory) throws CyclerFormatException {
        if (spec == null) {
            return -1;
        }
        int i = -1;
        if (spec.startsWith("#")) {
            try {
                i = Integer.parseInt(spec.substring(1).trim()) - 1;
            } catch (final NumberFormatException notAPosition) {
                i = -1;
            }
            i = i >= 0 && i < header.size() ? i : -1;
        } else {
            i = header.find(spec);
        }
        if (i < 0) {
            throw new CyclerFormatException(file + ": mapping " + m.source() + " names column '" + spec + "', which "
                    + "is not among " + header.names() + (mandatory ? "" : " (remove it from the mapping if the "
                    + "export no longer has it)"));
        }
        return i;
    }

    @Override
    protected ReadResult row(final long line) {
        final long timeMs = timeMs();
        final double raw = required(colCurrent, "current", currentFactor);
        final double voltage = required(colVoltage, "voltage", voltageFactor);
        final int cycle = index(colCycle, "cycle");
        final int step = index(colStep, "step");
        final double charge = optional(colCharge, "charge capacity", chargeFactor);
        final double discharge = optional(colDischarge, "discharge capacity", dischargeFactor);
        final double t = optional(colTemperature, "temperature", temperatureFactor);
        Direction kind = null;
        double current = raw;
        if (colState >= 0) {
            kind = state();
            if (m.currentSign() == CsvMapping.Sign.UNSIGNED) {
                if (kind == Direction.CHARGE) {
                    current = Math.abs(raw);
                } else if (kind == Direction.DISCHARGE) {
                    current = -Math.abs(raw);
                } else if (raw != 0 && !Double.isNaN(raw)) {
                    problem("state: '" + fields.text(colState) + "' in column '" + header.name(colState)
                            + "' is neither a charge " + m.chargeStates() + " nor a discharge " + m.dischargeStates()
                            + " state, so the unsigned current " + raw + " A has no sign");
                }
            }
        }
        if (hasProblem()) {
            return reject(line, problemOrNull());
        }
        final boolean newStep = step != lastStep || charge < lastCharge || discharge < lastDischarge;
        lastStep = step;
        lastCharge = Double.isNaN(charge) ? lastCharge : charge;
        lastDischarge = Double.isNaN(discharge) ? lastDischarge : discharge;
        capacity.update(cycle, newStep, charge, discharge);
        return sample(line, timeMs, current, voltage, step, cycle, kind, capacity.charge(), capacity.discharge(),
                t + temperatureOffset);
    }

    private Direction state() {
        for (final String s : m.chargeStates()) {
            if (fields.equalsIgnoreCase(colState, s)) {
                return Direction.CHARGE;
            }
        }
        for (final String s : m.dischargeStates()) {
            if (fields.equalsIgnoreCase(colState, s)) {
                return Direction.DISCHARGE;
            }
        }
        return null;
    }

    private long timeMs() {
        switch (m.timeUnit()) {
            case "datetime": {
                final long ms = fields.has(colTime)
                        ? dates.epochMs(fields.bytes(), fields.start(colTime), fields.end(colTime)) : DateTimes.INVALID;
                if (ms == DateTimes.INVALID) {
                    problem("time: '" + fields.text(colTime) + "' in column '" + header.name(colTime)
                            + "' is not a date-time (yyyy-MM-dd HH:mm:ss or MM/dd/yyyy HH:mm:ss)");
                }
                return ms;
            }
            case "duration": {
                final double s = fields.has(colTime)
                        ? DateTimes.durationSeconds(fields.bytes(), fields.start(colTime), fields.end(colTime))
                        : Double.NaN;
                if (Double.isNaN(s)) {
                    problem("time: '" + fields.text(colTime) + "' in column '" + header.name(colTime)
                            + "' is not a duration ([Nd ]h:mm:ss)");
                    return 0;
                }
                return time.at(s, anchor());
            }
            default: {
                final double s = required(colTime, "time", timeFactor);
                return Double.isNaN(s) ? 0 : time.at(s, anchor());
            }
        }
    }

    private long anchor() {
        if (colDateTime < 0 || !time.needsAnchor() || !fields.has(colDateTime)) {
            return DateTimes.INVALID;
        }
        return dates.epochMs(fields.bytes(), fields.start(colDateTime), fields.end(colDateTime));
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
