package io.cellfloor.ingest.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * BatteryData.Energy.Gov (NREL) standard CSV: fixed column names with the unit in the name ({@code Cycle_Index,
 * Step,Time_s,Current_A,Voltage_V,Cell_Temperature_C,Charge_Capacity_Ah,Discharge_Capacity_Ah,...,Datenum_d}).
 * Current is signed, positive = charge.
 *
 * <p>Capacities: these files are often thinned, so integrating their current does not reproduce the instrument's
 * counts; the capacity columns are the truth. Where the running totals {@code Absolute_Charge_Throughput_Ah} (A)
 * and {@code Charge_Throughput_Ah} (net, N) are present, charge since the test start is (A + N) / 2 and discharge
 * (A - N) / 2, and the totals at the end of the previous cycle are subtracted (see {@link CycleCapacity}).
 * Otherwise {@code Charge_Capacity_Ah} / {@code Discharge_Capacity_Ah} are summed over the cycle, a drop in a
 * counter marking its reset (they restart at rests but carry on from CC into CV).
 *
 * <p>Time: {@code Time_s}, anchored once to {@code Datenum_d} (MATLAB days since year 0, local time).
 */
final class BatteryDataCsvReader extends DelimitedReader {
    /** MATLAB's datenum of 1970-01-01. */
    private static final double DATENUM_EPOCH = 719_529.0;

    private final Header header;
    private final TimeBase time;
    private final CycleCapacity capacity;
    private final int colCycle;
    private final int colStep;
    private final int colTime;
    private final int colDatenum;
    private final int colCurrent;
    private final int colVoltage;
    private final int colTemperature;
    private final int colCharge;
    private final int colDischarge;
    private final int colAbsolute;
    private final int colNet;
    private final boolean throughput;
    private final FileMetadata metadata;
    private double lastCharge;
    private double lastDischarge;

    BatteryDataCsvReader(final Path file, final ReaderOptions options, final InputStream in) throws IOException {
        super(file, options, in);
        final String names = headerLine();
        final byte delimiter = Delimiters.guess(names);
        useDelimiter(delimiter);
        header = new Header(file, Delimiters.split(names, delimiter));
        colCycle = header.find("Cycle_Index");
        colStep = header.find("Step", "Step_Index");
        colTime = header.require("test time", "Time_s", "Test_Time_s");
        colDatenum = header.find("Datenum_d");
        colCurrent = header.require("current", "Current_A");
        colVoltage = header.require("voltage", "Voltage_V");
        colTemperature = header.find("Cell_Temperature_C", "Temperature_C");
        colCharge = header.find("Charge_Capacity_Ah");
        colDischarge = header.find("Discharge_Capacity_Ah");
        colAbsolute = header.find("Absolute_Charge_Throughput_Ah");
        colNet = header.find("Charge_Throughput_Ah");
        throughput = colAbsolute >= 0 && colNet >= 0;
        capacity = throughput ? CycleCapacity.perTest() : CycleCapacity.perStep();
        final List<String> notes = new ArrayList<>();
        notes.add(throughput ? "capacities from the running throughput columns"
                : "capacities from Charge_Capacity_Ah / Discharge_Capacity_Ah, a drop taken as a reset");
        onlyUpTo(colCycle, colStep, colTime, colDatenum, colCurrent, colVoltage, colTemperature, colCharge,
                colDischarge, colAbsolute, colNet);
        time = new TimeBase(options.fallbackStartMs());
        metadata = new FileMetadata(file, CyclerFormat.BATTERYDATA_CSV, null, null, null, null, null,
                header.names(), notes);
    }

    static BatteryDataCsvReader open(final Path file, final ReaderOptions options) throws IOException {
        return ReaderFiles.open(file, in -> new BatteryDataCsvReader(file, options, in));
    }

    @Override
    protected ReadResult row(final long line) {
        final int cycle = index(colCycle, "cycle index");
        final int step = index(colStep, "step");
        final double testTime = required(colTime, "test time", 1.0);
        final double current = required(colCurrent, "current", 1.0);
        final double voltage = required(colVoltage, "voltage", 1.0);
        final double temperature = optional(colTemperature, "temperature", 1.0);
        final double charge;
        final double discharge;
        boolean reset = false;
        if (throughput) {
            final double absolute = optional(colAbsolute, "absolute charge throughput", 1.0);
            final double net = optional(colNet, "charge throughput", 1.0);
            charge = (absolute + net) / 2;
            discharge = (absolute - net) / 2;
        } else {
            charge = optional(colCharge, "charge capacity", 1.0);
            discharge = optional(colDischarge, "discharge capacity", 1.0);
            reset = charge < lastCharge || discharge < lastDischarge;
            lastCharge = Double.isNaN(charge) ? lastCharge : charge;
            lastDischarge = Double.isNaN(discharge) ? lastDischarge : discharge;
        }
        if (hasProblem()) {
            return reject(line, problemOrNull());
        }
        capacity.update(cycle, reset, charge, discharge);
        long wallClock = DateTimes.INVALID;
        if (time.needsAnchor() && colDatenum >= 0) {
            final double datenum = fields.number(colDatenum);
            if (datenum > DATENUM_EPOCH) {
                wallClock = OleDates.localToEpochMs(Math.round((datenum - DATENUM_EPOCH) * 86_400_000.0),
                        options.zone());
            }
        }
        return sample(line, time.at(testTime, wallClock), current, voltage, step, cycle, null, capacity.charge(),
                capacity.discharge(), temperature);
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
