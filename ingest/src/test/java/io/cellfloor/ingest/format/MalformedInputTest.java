package io.cellfloor.ingest.format;

import static io.cellfloor.ingest.format.RandomCases.anyDouble;
import static io.cellfloor.ingest.format.RandomCases.oneOf;
import static io.cellfloor.ingest.format.RandomCases.show;
import static io.cellfloor.ingest.format.RandomCases.string;
import static org.assertj.core.api.Assertions.assertThat;

import io.cellfloor.ingest.format.RandomCases.Case;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every text reader, fed its own header and then lines of garbage mixed with good rows: it never throws, every
 * line comes back counted (header + accepted + rejected + summaries + blank = lines), and every accepted sample is
 * finite. Garbage is built from what breaks parsers: delimiters, quotes, signs, exponents, NaN, unit letters,
 * stray CRs and non-ASCII bytes. The files come from fixed seeds (see {@link RandomCases}); a failure names the
 * case, its seed, the layout and the lines.
 */
class MalformedInputTest {

    @FunctionalInterface
    interface Opener {
        CyclerFileReader open(Path file, ReaderOptions options, InputStream in) throws IOException;
    }

    private record Layout(String header, String goodRow, Opener opener) {
    }

    private static final Map<String, Layout> LAYOUTS = Map.of(
            "arbin", new Layout("Data_Point,Test_Time,DateTime,Step_Index,Cycle_Index,Current,Voltage,"
                    + "Charge_Capacity,Discharge_Capacity,Temperature\n",
                    "1,5.0,1499006358,11,1,1.09,3.37,0.88,0.0,29.1", ArbinCsvReader::new),
            "neware", new Layout("DataPoint,Cycle Index,Step Index,Step Type,Time,Cumulative Time,Current(A),"
                    + "Voltage(V),Chg. Cap.(Ah),DChg. Cap.(Ah),Date\n",
                    "1,1,2,CC DChg,00:01:00,12:00:00,-0.00024,2.88,0,0.0001,2022-05-18 16:27:52",
                    NewareCsvReader::new),
            "neware-regular", new Layout("Cycle Index,Chg. Cap.(Ah),DChg. Cap.(Ah),Chg.-DChg. Eff(%)\n"
                    + ",Step Index,Step Number,Step Type,Step Time,Capacity(Ah)\n"
                    + ",,DataPoint,Time,Total Time,Current(A),Voltage(V),Capacity(Ah),Date\n",
                    ",,1,00:00:02,00:00:02,0.5,4.1,0.0001,2026-03-06 12:37:27", NewareRegularReader::new),
            "biologic", new Layout("mode;time/s;Ecell/V;I/mA;Q charge/mA.h;Q discharge/mA.h;cycle number\n",
                    "1;12,5;3,81;250,0;1,2;0,0;0", BiologicReader::new),
            "maccor", new Layout("Today's Date 10/10/2019  Date of Test:\t10/10/2019\t Procedure: P.000\n"
                    + "Rec#\tCyc#\tStep\tTest (Sec)\tStep (Sec)\tAmp-hr\tWatt-hr\tAmps\tVolts\tState\tES\tDPt Time\n",
                    "1\t0\t1\t0.5\t0.5\t0.001\t0.0\t0.5\t3.4\tD\t0\t12/11/2020 12:22:12", MaccorReader::new),
            "batterydata", new Layout("Cycle_Index,Step,Time_s,Current_A,Voltage_V,Charge_Capacity_Ah,"
                    + "Discharge_Capacity_Ah,Datenum_d\n", "1,1,0.5,0.1,3.27,0.01,0,737792.44", BatteryDataCsvReader::new));

    /** Sorted: Map.of iterates in an order that changes from one JVM to the next, and a seed must pick the same. */
    private static final List<String> LAYOUT_NAMES = LAYOUTS.keySet().stream().sorted().toList();

    /** In a body, stands for the layout's good row. */
    private static final String GOOD = "GOOD";
    private static final String FIELD_CHARS = "0123456789.-+eE ,;\t\"\rNaNn/aAmVµ°xyz\u00e9\u00ff";
    private static final List<String> AWKWARD_FIELDS = List.of("NaN", "", "-", "1e999", "1e-999", "0x1F", "3.2 V",
            "00:00:0", "99:99:99", "2022-13-45 25:61:61", "12/11/2020 12:22:12", "C", "D", "R", "CC Chg", "Rest",
            "\"a,b\"", "\"unterminated", "inf", "-0", "1,5", "9999999999999999999999");
    private static final List<String> LINES = List.of(GOOD, "", ",,1,00:00:02,00:00:02,0.5,4.1");

    static Stream<Case> files() {
        return RandomCases.cases(0x6d61_6c66_6f72_6d01L, 300);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void shouldAccountForEveryLineOfGarbageWithoutThrowing(final Case c) {
        final Random random = c.random();
        final String layout = oneOf(random, LAYOUT_NAMES);
        final List<String> body = body(random);
        final Supplier<String> input = () -> c + ", layout " + layout + ", lines " + show(body);
        final Layout l = LAYOUTS.get(layout);
        final StringBuilder file = new StringBuilder(l.header());
        for (final String line : body) {
            file.append(line.equals(GOOD) ? l.goodRow() : line).append('\n');
        }
        final byte[] bytes = file.toString().getBytes(StandardCharsets.UTF_8);
        final ReadLog log;
        try {
            log = ReadLog.of(l.opener().open(Path.of(layout + ".generated"), ReaderOptions.defaults(),
                    new ByteArrayInputStream(bytes)));
        } catch (final IOException | RuntimeException e) {
            throw new AssertionError("the reader threw on " + input.get(), e);
        }
        assertThat(log.counts().lines()).as(input).isEqualTo(lines(bytes));
        assertThat(log.counts().accepted()).as(input).isEqualTo(log.accepted().size());
        assertThat(log.counts().rejected()).as(input).isEqualTo(log.rejected().size());
        for (final AcceptedRow a : log.accepted()) {
            assertThat(a.sample().currentA()).as(input).isFinite();
            assertThat(a.sample().voltageV()).as(input).isFinite();
        }
        for (final RejectedRow r : log.rejected()) {
            assertThat(r.reason()).as(input).isNotBlank();
            assertThat(r.line()).as(input).isBetween(1L, lines(bytes));
        }
    }

    /** Up to 30 lines, each equally likely a garbage row, the good row, a blank line or a truncated row. */
    private static List<String> body(final Random random) {
        final int size = random.nextInt(31);
        final List<String> lines = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            final int pick = random.nextInt(LINES.size() + 1);
            lines.add(pick == LINES.size() ? row(random) : LINES.get(pick));
        }
        return lines;
    }

    /** Up to 14 fields, joined by a tab, a comma or a semicolon (by the field count). */
    private static String row(final Random random) {
        final int size = random.nextInt(15);
        final List<String> fields = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            fields.add(field(random));
        }
        return String.join(size % 3 == 0 ? "\t" : size % 3 == 1 ? "," : ";", fields);
    }

    /** Equally likely: up to 12 characters that break parsers, a known awkward value, or a double as Java prints it. */
    private static String field(final Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> string(random, FIELD_CHARS, 0, 12);
            case 1 -> oneOf(random, AWKWARD_FIELDS);
            default -> Double.toString(anyDouble(random));
        };
    }

    /** Lines as a text editor counts them: a last line without its line end still counts. */
    private static long lines(final byte[] b) {
        long n = 0;
        for (final byte x : b) {
            if (x == '\n') {
                n++;
            }
        }
        return b.length > 0 && b[b.length - 1] != '\n' ? n + 1 : n;
    }
}
