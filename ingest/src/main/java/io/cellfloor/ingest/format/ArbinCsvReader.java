package io.cellfloor.ingest.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Arbin CSV exports: the TRI layout ({@code Data_Point,Test_Time,DateTime,...,Current,Voltage,Charge_Capacity,...})
 * and MITS Pro's ({@code Date_Time,Test_Time(s),...,Current(A),Voltage(V),Charge_Capacity(Ah),...}). Arbin signs
 * current (positive = charge) and counts capacity since the cycle start, so both pass through; units come from the
 * column names, A, V, Ah and s when unnamed. The wall-clock column may be epoch seconds, an OLE date (days since
 * 1899-12-30, as in .res files) or a date-time text in the cycler's zone.
 */
final class ArbinCsvReader extends DelimitedReader {
    private final Header header;
    private final DateTimes dates;
    private final TimeBase time;
    private final int colTime;
    private final int colDateTime;
    private final int colStep;
    private final int colCycle;
    private final int colCurrent;
    private final int colVoltage;
    private final int colCharge;
    private final int colDischarge;
    private final int colTemperature;
    private final double timeFactor;
    private final double currentFactor;
    private final double voltageFactor;
    private final double chargeFactor;
    private final double dischargeFactor;
    private final FileMetadata metadata;

    ArbinCsvReader(final Path file, final ReaderOptions options, final InputStream in) throws IOException {
        super(file, options, in);
        final String names = headerLine();
        final byte delimiter = Delimiters.guess(names);
        useDelimiter(delimiter);
        header = new Header(file, Delimiters.split(names, delimiter));
        colTime = header.require("test time", "Test_Time", "Test Time");
        colDateTime = header.find("DateTime", "Date_Time", "Date Time");
        colStep = header.find("Step_Index", "Step Index");
        colCycle = header.find("Cycle_Index", "Cycle Index");
        colCurrent = header.require("current", "Current");
        colVoltage = header.require("voltage", "Voltage");
        colCharge = header.find("Charge_Capacity", "Charge Capacity");
        colDischarge = header.find("Discharge_Capacity", "Discharge Capacity");
        colTemperature = header.find("Temperature", "Aux_Temperature_1", "Temperature_1");
        timeFactor = header.factor(colTime, Quantity.TIME, "s");
        currentFactor = header.factor(colCurrent, Quantity.CURRENT, "A");
        voltageFactor = header.factor(colVoltage, Quantity.VOLTAGE, "V");
        chargeFactor = header.factor(colCharge, Quantity.CAPACITY, "Ah");
        dischargeFactor = header.factor(colDischarge, Quantity.CAPACITY, "Ah");
        onlyUpTo(colTime, colDateTime, colStep, colCycle, colCurrent, colVoltage, colCharge, colDischarge,
                colTemperature);
        dates = new DateTimes(options.zone());
        time = new TimeBase(options.fallbackStartMs());
        metadata = FileMetadata.basic(file, CyclerFormat.ARBIN_CSV, header.names());
    }

    static ArbinCsvReader open(final Path file, final ReaderOptions options) throws IOException {
        return ReaderFiles.open(file, in -> new ArbinCsvReader(file, options, in));
    }

    @Override
    protected ReadResult row(final long line) {
        final double testTime = required(colTime, "test time", timeFactor);
        final double current = required(colCurrent, "current", currentFactor);
        final double voltage = required(colVoltage, "voltage", voltageFactor);
        final int step = index(colStep, "step index");
        final int cycle = index(colCycle, "cycle index");
        final double charge = optional(colCharge, "charge capacity", chargeFactor);
        final double discharge = optional(colDischarge, "discharge capacity", dischargeFactor);
        final double temperature = optional(colTemperature, "temperature", 1.0);
        if (hasProblem()) {
            return reject(line, problemOrNull());
        }
        final long wallClock = time.needsAnchor() ? wallClockMs() : DateTimes.INVALID;
        return sample(line, time.at(testTime, wallClock), current, voltage, step, cycle, null, charge, discharge,
                temperature);
    }

    private long wallClockMs() {
        if (colDateTime < 0 || fields.isEmpty(colDateTime)) {
            return DateTimes.INVALID;
        }
        final double number = fields.number(colDateTime);
        if (Double.isNaN(number)) {
            return dates.epochMs(fields.bytes(), fields.start(colDateTime), fields.end(colDateTime));
        }
        return OleDates.isOleDate(number) ? OleDates.epochMs(number, options.zone()) : Math.round(number * 1000.0);
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
