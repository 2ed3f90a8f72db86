package io.cellfloor.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every text reader, fed its own header and then lines of garbage mixed with good rows: it never throws, every
 * line comes back counted (header + accepted + rejected + summaries + blank = lines), and every accepted sample is
 * finite. Garbage is built from what breaks parsers: delimiters, quotes, signs, exponents, NaN, unit letters,
 * stray CRs and non-ASCII bytes.
 */
class MalformedInputProperties {

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

    @Property(tries = 300)
    void shouldAccountForEveryLineOfGarbageWithoutThrowing(@ForAll("layouts") final String layout,
                                                           @ForAll("bodies") final List<String> body)
            throws IOException {
        final Layout l = LAYOUTS.get(layout);
        final StringBuilder file = new StringBuilder(l.header());
        for (final String line : body) {
            file.append(line.equals("GOOD") ? l.goodRow() : line).append('\n');
        }
        final byte[] bytes = file.toString().getBytes(StandardCharsets.UTF_8);
        final CyclerFileReader reader = l.opener().open(Path.of(layout + ".generated"), ReaderOptions.defaults(),
                new ByteArrayInputStream(bytes));
        final ReadLog log = ReadLog.of(reader);
        assertThat(log.counts().lines()).isEqualTo(lines(bytes));
        assertThat(log.counts().accepted()).isEqualTo(log.accepted().size());
        assertThat(log.counts().rejected()).isEqualTo(log.rejected().size());
        for (final AcceptedRow a : log.accepted()) {
            assertThat(a.sample().currentA()).isFinite();
            assertThat(a.sample().voltageV()).isFinite();
        }
        for (final RejectedRow r : log.rejected()) {
            assertThat(r.reason()).isNotBlank();
            assertThat(r.line()).isBetween(1L, lines(bytes));
        }
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

    @Provide
    Arbitrary<String> layouts() {
        return Arbitraries.of(LAYOUTS.keySet());
    }

    @Provide
    Arbitrary<List<String>> bodies() {
        final Arbitrary<String> field = Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789.-+eE ,;\t\"\rNaNn/aAmVµ°xyz\u00e9\u00ff").ofMaxLength(12),
                Arbitraries.of("NaN", "", "-", "1e999", "1e-999", "0x1F", "3.2 V", "00:00:0", "99:99:99",
                        "2022-13-45 25:61:61", "12/11/2020 12:22:12", "C", "D", "R", "CC Chg", "Rest", "\"a,b\"",
                        "\"unterminated", "inf", "-0", "1,5", "9999999999999999999999"),
                Arbitraries.doubles().map(Object::toString));
        final Arbitrary<String> row = field.list().ofMaxSize(14).map(fs -> String.join(
                fs.size() % 3 == 0 ? "\t" : fs.size() % 3 == 1 ? "," : ";", fs));
        return Arbitraries.oneOf(row, Arbitraries.just("GOOD"), Arbitraries.just(""),
                Arbitraries.just(",,1,00:00:02,00:00:02,0.5,4.1")).list().ofMaxSize(30);
    }
}
