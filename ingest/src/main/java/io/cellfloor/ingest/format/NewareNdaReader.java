package io.cellfloor.ingest.format;

import io.cellfloor.domain.Direction;
import io.cellfloor.domain.Sample;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Neware {@code .nda} binaries of BTS 9.1 (file version 130, records starting with 0x55), decoded from the layout
 * the open-source NewareNDA and fastnda projects describe; other .nda versions fail at open, asking for a CSV
 * export. Fixed-length little-endian records follow a 1024-byte header; their length is the distance between the
 * first two record identifiers (56 bytes with the channel's temperature). Per record: program step (u8), step kind
 * (u8), index (u32), test time (u32 s + u32 ns), current (f32 mA, signed), voltage (f32 V), capacity (f32 mA.s,
 * negative in discharge, reset every step), energy, cycle (u32, from 0), wall clock (u32 s + u32 ns, UTC) and
 * temperature (f32 degC). A record starting 0x81 opens the footer and ends the data.
 *
 * <p>Times are test start plus test time, the start taken from the first record's UTC wall clock (no zone to
 * guess): the wall clock itself is not monotonic (the real test file steps back 165 s mid-test, a PC clock
 * correction), the test time is. Record numbers are 1-based positions in the file.
 */
final class NewareNdaReader implements CyclerFileReader {
    private static final int HEADER_BYTES = 1024;
    private static final int BTS91_VERSION = 130;
    private static final int BTS91_MARK = 0x55;
    private static final int FOOTER_MARK = 0x81;

    private final Path file;
    private final ReaderOptions options;
    private final InputStream in;
    private final int recordLength;
    private final int identifier;
    private final byte[] record;
    private final ByteBuffer view;
    private final FileMetadata metadata;
    private final CycleCapacity capacity = CycleCapacity.perStep();
    private final TimeBase time;
    /** Bytes read past the header while finding the record length, handed out before the stream's. */
    private byte[] pending;
    private int pendingPos;
    private int filled;
    private boolean ended;
    private long number;
    private long accepted;
    private long rejected;
    private int lastStep = -1;
    private int lastKind = -1;
    private double lastMagnitude;

    NewareNdaReader(final Path file, final ReaderOptions options, final InputStream raw) throws IOException {
        this.file = file;
        this.options = options;
        this.in = new BufferedInputStream(raw, 1 << 16);
        final byte[] head = in.readNBytes(HEADER_BYTES + 4096);
        if (head.length < HEADER_BYTES + 2 || !new String(head, 0, 6, StandardCharsets.ISO_8859_1).equals("NEWARE")) {
            throw new CyclerFormatException(file + ": not a Neware .nda file (no 'NEWARE' magic and 1 KiB header)");
        }
        final int version = head[14] & 0xff;
        if (version != BTS91_VERSION || (head[HEADER_BYTES] & 0xff) != BTS91_MARK) {
            throw new CyclerFormatException(file + ": Neware .nda file version " + version + ", record mark 0x"
                    + Integer.toHexString(head[HEADER_BYTES] & 0xff) + "; only BTS 9.1 files (version 130, mark 0x55) "
                    + "are decoded: export the test from BTS as CSV (flat or regular export) and read that instead");
        }
        identifier = (head[HEADER_BYTES] & 0xff) | (head[HEADER_BYTES + 1] & 0xff) << 8;
        recordLength = nextIdentifier(head) - HEADER_BYTES;
        if (recordLength < 52 || recordLength > 512) {
            throw new CyclerFormatException(file + ": cannot tell the .nda record length (found " + recordLength
                    + " bytes between the first two records)");
        }
        time = new TimeBase(options.fallbackStartMs());
        record = new byte[recordLength];
        view = ByteBuffer.wrap(record).order(ByteOrder.LITTLE_ENDIAN);
        // the head read past the header: hand its data bytes to the record loop first
        pending = java.util.Arrays.copyOfRange(head, HEADER_BYTES, head.length);
        final List<String> notes = new ArrayList<>();
        notes.add("BTS " + text(head, 0x102, 40) + ", " + recordLength + "-byte records");
        metadata = new FileMetadata(file, CyclerFormat.NEWARE_NDA, null, null, null, null, null, List.of("index",
                "step", "step type", "test time", "current", "voltage", "capacity", "energy", "cycle", "wall clock",
                "temperature"), notes);
    }

    static NewareNdaReader open(final Path file, final ReaderOptions options) throws IOException {
        final InputStream raw = Files.newInputStream(file);
        try {
            return new NewareNdaReader(file, options, raw);
        } catch (final IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    private int nextIdentifier(final byte[] head) throws CyclerFormatException {
        for (int i = HEADER_BYTES + 2; i + 1 < head.length; i++) {
            if ((head[i] & 0xff) == (identifier & 0xff) && (head[i + 1] & 0xff) == identifier >>> 8) {
                return i;
            }
        }
        throw new CyclerFormatException(file + ": fewer than two records in the .nda file: no data to read yet");
    }

    private static String text(final byte[] b, final int from, final int max) {
        int end = from;
        while (end < b.length && end < from + max && b[end] != 0) {
            end++;
        }
        return new String(b, from, end - from, StandardCharsets.ISO_8859_1).trim();
    }

    @Override
    public ReadResult next() throws IOException {
        if (ended) {
            return null;
        }
        while (filled < recordLength) {
            final int n = read(record, filled, recordLength - filled);
            if (n < 0) {
                if (filled == 0 || options.holdIncompleteLastLine()) {
                    return null;
                }
                ended = true;
                number++;
                rejected++;
                return new RejectedRow(file, number, "truncated record: " + filled + " of " + recordLength
                        + " bytes at the end of the file", "");
            }
            filled += n;
        }
        filled = 0;
        if ((record[0] & 0xff) == FOOTER_MARK) {
            ended = true;
            return null;
        }
        number++;
        final ReadResult r = decode();
        if (r instanceof AcceptedRow) {
            accepted++;
        } else {
            rejected++;
        }
        return r;
    }

    private int read(final byte[] b, final int off, final int len) throws IOException {
        if (pending != null && pendingPos < pending.length) {
            final int n = Math.min(len, pending.length - pendingPos);
            System.arraycopy(pending, pendingPos, b, off, n);
            pendingPos += n;
            return n;
        }
        pending = null;
        return in.read(b, off, len);
    }

    private ReadResult decode() {
        final int id = view.getShort(0) & 0xffff;
        if (id != identifier) {
            return reject("record type 0x" + Integer.toHexString(id) + " is not the data record 0x"
                    + Integer.toHexString(identifier));
        }
        final int step = record[2] & 0xff;
        final int kind = record[3] & 0xff;
        final double currentA = view.getFloat(20) / 1000.0;
        final double voltage = view.getFloat(24);
        final double capacityMas = view.getFloat(28);
        final long cycle = (view.getInt(36) & 0xffffffffL) + 1;
        final double testTimeS = (view.getInt(12) & 0xffffffffL) + (view.getInt(16) & 0xffffffffL) / 1e9;
        final long wallClockMs = time.needsAnchor()
                ? (view.getInt(44) & 0xffffffffL) * 1000L + (view.getInt(48) & 0xffffffffL) / 1_000_000L
                : DateTimes.INVALID;
        final double temperature = recordLength >= 56 ? view.getFloat(52) : Double.NaN;
        if (!Double.isFinite(currentA) || !Double.isFinite(voltage) || !Double.isFinite(capacityMas)) {
            return reject("non-finite reading: I=" + currentA + " A, V=" + voltage + " V, Q=" + capacityMas + " mA.s");
        }
        if (Math.abs(voltage) > options.maxAbsVoltageV() || Math.abs(currentA) > options.maxAbsCurrentA()) {
            return reject("implausible reading I=" + currentA + " A, V=" + voltage + " V: not a data record?");
        }
        final double magnitude = Math.abs(capacityMas) / 3_600_000.0;
        final boolean newStep = step != lastStep || kind != lastKind || magnitude < lastMagnitude;
        lastStep = step;
        lastKind = kind;
        lastMagnitude = magnitude;
        capacity.update(cycle, newStep, capacityMas > 0 ? magnitude : 0, capacityMas < 0 ? magnitude : 0);
        return new AcceptedRow(number, new Sample(time.at(testTimeS, wallClockMs), currentA, voltage, step,
                (int) Math.min(cycle, Integer.MAX_VALUE), direction(kind), capacity.charge(), capacity.discharge(),
                Double.isFinite(temperature) ? temperature : Double.NaN));
    }

    /** Neware's step kinds, as the NewareNDA project lists them; null for cycle, pause, simulation. */
    private static Direction direction(final int kind) {
        return switch (kind) {
            case 1, 3, 7, 9 -> Direction.CHARGE;
            case 2, 8, 10, 19, 20 -> Direction.DISCHARGE;
            case 4 -> Direction.REST;
            default -> null;
        };
    }

    private RejectedRow reject(final String reason) {
        final StringBuilder hex = new StringBuilder(recordLength * 2);
        for (final byte b : record) {
            hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return new RejectedRow(file, number, reason, hex.toString());
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
        in.close();
    }
}
