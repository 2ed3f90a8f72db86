package io.cellfloor.ingest.format;

import io.cellfloor.domain.Direction;
import io.cellfloor.domain.Sample;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Neware BTS "regular export": three header lines (cycle, step, record columns) and then nested rows told apart by
 * their leading empty fields: a cycle row ({@code 1,0.02256,0.33067,...}) with the instrument's charge, discharge
 * and efficiency; a step row ({@code ,2,2,CC Chg,...}) with the step's kind and capacity; and record rows
 * ({@code ,,17,00:00:30,...}) with the samples. Cycle and step rows come before their records, so the records are
 * signed and their per-step capacities summed (see {@link CycleCapacity}) from the step row above them; both kinds
 * of total come back as {@link InstrumentSummary}s for cross-checks.
 *
 * <p>Some exports put the cycle's first step row on the cycle row itself, after its own columns; that step is
 * taken as if it had its own line.
 */
final class NewareRegularReader extends DelimitedReader {
    private final Header cycles;
    private final Header steps;
    private final Header records;
    private final DateTimes dates;
    private final TimeBase time;
    private final StepKinds kinds = new StepKinds();
    private final CycleCapacity capacity = CycleCapacity.perStep();
    private final int cCycle;
    private final int cCharge;
    private final int cDischarge;
    private final int cEfficiency;
    private final int sIndex;
    private final int sType;
    private final int sCapacity;
    private final int rTotalTime;
    private final int rDate;
    private final int rCurrent;
    private final int rVoltage;
    private final int rCapacity;
    private final int rTemperature;
    private final double cycleCapacityFactor;
    private final double stepCapacityFactor;
    private final double currentFactor;
    private final double voltageFactor;
    private final double recordCapacityFactor;
    private final FileMetadata metadata;
    private int cycle = Sample.NO_INDEX;
    private int step = Sample.NO_INDEX;
    private Direction kind;
    private boolean stepStarted;
    private Header current;

    NewareRegularReader(final Path file, final ReaderOptions options, final InputStream in) throws IOException {
        super(file, options, in);
        final String cycleLine = headerLine();
        final byte delimiter = Delimiters.guess(cycleLine);
        useDelimiter(delimiter);
        cycles = new Header(file, Delimiters.split(cycleLine, delimiter));
        steps = new Header(file, Delimiters.split(headerLine(), delimiter));
        records = new Header(file, Delimiters.split(headerLine(), delimiter));
        cCycle = cycles.require("cycle index (cycle header)", "Cycle Index", "Cycle ID");
        cCharge = cycles.require("charge capacity (cycle header)", "Chg. Cap.", "Chg. Cap");
        cDischarge = cycles.require("discharge capacity (cycle header)", "DChg. Cap.", "DChg. Cap");
        cEfficiency = cycles.find("Chg.-DChg. Eff", "Chg.-DChg. Eff.", "Efficiency");
        sIndex = steps.require("step index (step header)", "Step Index", "Step ID");
        sType = steps.require("step type (step header)", "Step Type", "Step Name");
        sCapacity = steps.require("step capacity (step header)", "Capacity", "Cap.");
        rTotalTime = records.find("Total Time", "Cumulative Time");
        rDate = records.find("Date", "Realtime", "Real Time");
        if (rTotalTime < 0 && rDate < 0) {
            throw new CyclerFormatException(file + ": the record header has neither 'Total Time' nor 'Date': "
                    + records.names());
        }
        rCurrent = records.require("current (record header)", "Current", "Cur");
        rVoltage = records.require("voltage (record header)", "Voltage");
        rCapacity = records.find("Capacity", "Cap.");
        rTemperature = records.find("T1", "Temperature", "Aux. T1");
        cycleCapacityFactor = cycles.factor(cCharge, Quantity.CAPACITY, "Ah");
        stepCapacityFactor = steps.factor(sCapacity, Quantity.CAPACITY, "Ah");
        currentFactor = records.factor(rCurrent, Quantity.CURRENT, "A");
        voltageFactor = records.factor(rVoltage, Quantity.VOLTAGE, "V");
        recordCapacityFactor = records.factor(rCapacity, Quantity.CAPACITY, "Ah");
        records.factor(rTemperature, Quantity.TEMPERATURE, "C");
        dates = new DateTimes(options.zone());
        time = new TimeBase(options.fallbackStartMs());
        metadata = FileMetadata.basic(file, CyclerFormat.NEWARE_REGULAR, records.names());
    }

    static NewareRegularReader open(final Path file, final ReaderOptions options) throws IOException {
        return ReaderFiles.open(file, in -> new NewareRegularReader(file, options, in));
    }

    @Override
    protected ReadResult row(final long line) {
        if (!fields.isEmpty(0)) {
            current = cycles;
            return cycleRow(line);
        }
        if (!fields.isEmpty(1)) {
            current = steps;
            return stepRow(line, 0);
        }
        current = records;
        return recordRow(line);
    }

    private ReadResult cycleRow(final long line) {
        final int index = index(cCycle, "cycle index");
        final double charge = required(cCharge, "cycle charge capacity", cycleCapacityFactor);
        final double discharge = required(cDischarge, "cycle discharge capacity", cycleCapacityFactor);
        final double efficiency = optional(cEfficiency, "cycle efficiency", 1.0);
        if (hasProblem()) {
            return reject(line, problemOrNull());
        }
        cycle = index;
        final int tail = cycles.size() - 1;
        if (fields.count() > cycles.size() && !fields.isEmpty(cycles.size())) {
            current = steps;
            final ReadResult firstStep = stepRow(line, tail);
            current = cycles;
            if (firstStep instanceof RejectedRow r) {
                return reject(line, "first step on the cycle row: " + r.reason());
            }
        }
        return new InstrumentSummary(line, InstrumentSummary.Level.CYCLE, index, Sample.NO_INDEX, null, charge,
                discharge, efficiency);
    }

    /** A step row whose fields start {@code offset} fields to the right of the step header's. */
    private ReadResult stepRow(final long line, final int offset) {
        final int index = index(sIndex + offset, "step index");
        final Direction type = kinds.of(fields, sType + offset);
        final double cap = required(sCapacity + offset, "step capacity", stepCapacityFactor);
        if (hasProblem()) {
            return reject(line, problemOrNull());
        }
        step = index;
        kind = type;
        stepStarted = true;
        return new InstrumentSummary(line, InstrumentSummary.Level.STEP, cycle, index, type,
                type == Direction.CHARGE ? cap : 0, type == Direction.DISCHARGE ? cap : 0, Double.NaN);
    }

    private ReadResult recordRow(final long line) {
        final double currentA = required(rCurrent, "current", currentFactor);
        final double voltage = required(rVoltage, "voltage", voltageFactor);
        final double cap = optional(rCapacity, "capacity", recordCapacityFactor);
        final double temperature = optional(rTemperature, "temperature", 1.0);
        final long timeMs = timeMs();
        if (hasProblem()) {
            return reject(line, problemOrNull());
        }
        if (cycle == Sample.NO_INDEX) {
            return reject(line, "record row before any cycle row: the export is cut at its start");
        }
        capacity.update(cycle, stepStarted, kind == Direction.CHARGE ? cap : 0, kind == Direction.DISCHARGE ? cap : 0);
        stepStarted = false;
        return sample(line, timeMs, currentA, voltage, step, cycle, kind, capacity.charge(), capacity.discharge(),
                temperature);
    }

    private long timeMs() {
        final long wallClock = rDate >= 0 && (time.needsAnchor() || rTotalTime < 0)
                ? dates.epochMs(fields.bytes(), fields.start(rDate), fields.end(rDate)) : DateTimes.INVALID;
        if (rTotalTime < 0) {
            if (wallClock == DateTimes.INVALID) {
                problem("time: '" + fields.text(rDate) + "' in column '" + records.name(rDate)
                        + "' is not a date-time");
            }
            return wallClock;
        }
        final double total = fields.has(rTotalTime)
                ? DateTimes.durationSeconds(fields.bytes(), fields.start(rTotalTime), fields.end(rTotalTime))
                : Double.NaN;
        if (Double.isNaN(total)) {
            problem("total time: '" + fields.text(rTotalTime) + "' in column '" + records.name(rTotalTime)
                    + "' is not a duration (h:mm:ss)");
            return 0;
        }
        return time.at(total, wallClock);
    }

    @Override
    protected String columnName(final int column) {
        final Header h = current == null ? records : current;
        if (column >= 0 && column < h.size()) {
            return h.name(column) + " (" + (h == cycles ? "cycle" : h == steps ? "step" : "record") + " row)";
        }
        return "#" + column;
    }

    @Override
    public FileMetadata metadata() {
        return metadata;
    }
}
