package io.cellfloor.ingest.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * BioLogic EC-Lab / BT-Lab text exports: the {@code .mpt} file (banner "EC-Lab ASCII FILE", a "Nb header lines"
 * count, the settings, then tab-separated columns) and the same columns exported or re-exported as tab, ';' or ','
 * separated text with the column names on line 1. Units come from the names ({@code I/mA}, {@code Ecell/V},
 * {@code Q charge/mA.h}); European exports' decimal commas are read where ',' does not separate fields.
 *
 * <p>Time: {@code time/s} is either seconds since the start (anchored to the header's "Acquisition started on")
 * or, in "Absolute" exports, a wall-clock date-time (MM/dd/yyyy, as EC-Lab writes) in the cycler's zone. Current is
 * signed, positive = oxidation of the working electrode = charge. {@code Q charge} and {@code Q discharge} count
 * per half-cycle: each goes back to 0 when the current changes direction (a rest or a new {@code Ns} in the same
 * direction carries on), so a charge, discharge, charge cycle shows two charge counts; the reader takes a drop
 * of a counter as its reset and sums the cycle's half-cycles (see {@link CycleCapacity#perDrop}). The cycle is a 1-based {@code cycle_index} column where a re-export added one,
 * else EC-Lab's own 0-based {@code cycle number}. The step is the sequence number {@code Ns}.
 */
final class BiologicReader extends DelimitedReader {
    private final Header header;
    private final DateTimes dates;
    private final TimeBase time;
    private final int colTime;
    private final int colCurrent;
    private final int colVoltage;
    private final int colCharge;
    private final int colDischarge;
    private final int colCycle;
    private final int colStep;
    private final int colTemperature;
    private final double currentFactor;
    private final double voltageFactor;
    private final double chargeFactor;
    private final double dischargeFactor;
    private final double temperatureFactor;
    private final FileMetadata metadata;
    private final CycleCapacity capacity = CycleCapacity.perDrop();

    BiologicReader(final Path file, final ReaderOptions options, final InputStream in) throws IOException {
        super(file, options, in);
        String names = headerLine();
        Instant acquisition = null;
        if (isBanner(names)) {
            final int count = headerCount(headerLine());
            for (int i = 3; i < count; i++) {
                final String setting = headerLine();
                if (setting.startsWith("Acquisition started on")) {
                    acquisition = acquisitionStart(setting);
                }
            }
            names = headerLine();
        }
        final byte delimiter = Delimiters.guess(names);
        useDelimiter(delimiter);
        header = new Header(file, Delimiters.split(names, delimiter));
        final List<String> notes = new ArrayList<>();
        colTime = header.require("time", "time");
        colCurrent = header.require("current", "I", "<I>");
        colVoltage = header.require("voltage", "Ecell", "<Ecell>", "Ewe", "<Ewe>", "Ewe-Ece");
        colCharge = header.find("Q charge");
        colDischarge = header.find("Q discharge");
        colCycle = header.find("cycle_index", "cycle number");
        colStep = header.find("Ns");
        final int temperature = header.find("T", "Temperature");
        currentFactor = header.factor(colCurrent, Quantity.CURRENT, "mA");
        voltageFactor = header.factor(colVoltage, Quantity.VOLTAGE, "V");
        chargeFactor = header.factor(colCharge, Quantity.CAPACITY, "mA.h");
        dischargeFactor = header.factor(colDischarge, Quantity.CAPACITY, "mA.h");
        temperatureFactor = header.optionalFactor(temperature, Quantity.TEMPERATURE, "C", notes);
        colTemperature = Double.isNaN(temperatureFactor) ? -1 : temperature;
        if (colCharge < 0 || colDischarge < 0) {
            notes.add("no separate 'Q charge' and 'Q discharge' columns: capacities are not passed on");
        }
        dates = new DateTimes(options.zone());
        time = new TimeBase(acquisition == null ? options.fallbackStartMs() : acquisition.toEpochMilli());
        metadata = new FileMetadata(file, CyclerFormat.BIOLOGIC, null, null, null, null, acquisition, header.names(),
                notes);
    }

    static BiologicReader open(final Path file, final ReaderOptions options) throws IOException {
        return ReaderFiles.open(file, in -> new BiologicReader(file, options, in));
    }

    static boolean isBanner(final String line) {
        final String l = line.trim().toUpperCase(Locale.ROOT);
        return l.endsWith("ASCII FILE") && (l.startsWith("EC-LAB") || l.startsWith("BT-LAB"));
    }

    private int headerCount(final String line) throws CyclerFormatException {
        final int colon = line.indexOf(':');
        if (line.startsWith("Nb header lines") && colon > 0) {
            try {
                final int n = Integer.parseInt(line.substring(colon + 1).trim());
                if (n >= 3) {
                    return n;
                }
            } catch (final NumberFormatException notANumber) {
                // reported below
            }
        }
        throw new CyclerFormatException(file + ": line 2 should be 'Nb header lines : N' in an EC-Lab .mpt file, "
                + "found '" + Text.cut(line, 80) + "'");
    }

    private Instant acquisitionStart(final String line) {
        final String value = line.substring(line.indexOf(':') + 1).trim();
        final byte[] b = value.getBytes(StandardCharsets.ISO_8859_1);
        final long ms = new DateTimes(options.zone()).epochMs(b, 0, b.length);
        return ms == DateTimes.INVALID ? null : Instant.ofEpochMilli(ms);
    }

    @Override
    protected ReadResult row(final long line) {
        final double current = required(colCurrent, "current", currentFactor);
        final double voltage = required(colVoltage, "voltage", voltageFactor);
        final double charge = optional(colCharge, "Q charge", chargeFactor);
        final double discharge = optional(colDischarge, "Q discharge", dischargeFactor);
        final double temperature = optional(colTemperature, "temperature", temperatureFactor);
        final int cycle = index(colCycle, "cycle");
        final int step = index(colStep, "Ns");
        final long timeMs = timeMs();
        if (hasProblem()) {
            return reject(line, problemOrNull());
        }
        capacity.update(cycle, false, charge, discharge);
        return sample(line, timeMs, current, voltage, step, cycle, null, capacity.charge(), capacity.discharge(),
                temperature);
    }

    private long timeMs() {
        final double seconds = fields.number(colTime);
        if (!Double.isNaN(seconds)) {
            return time.at(seconds, DateTimes.INVALID);
        }
        final long absolute = fields.has(colTime)
                ? dates.epochMs(fields.bytes(), fields.start(colTime), fields.end(colTime)) : DateTimes.INVALID;
        if (absolute == DateTimes.INVALID) {
            problem("time: '" + fields.text(colTime) + "' in column '" + columnName(colTime)
                    + "' is neither seconds nor a date-time");
        }
        return absolute;
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
