package io.cellfloor.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cellfloor.domain.Direction;
import io.cellfloor.domain.Sample;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mapped CSV reader on small files written here, and on a real Arbin export read through a mapping, which
 * must give what the Arbin reader gives. {@code arbin/arbin_example.csv} is from ROVI-org/battery-data-toolkit
 * ({@code tests/files/arbin_example.csv}), Apache-2.0.
 */
class MappedCsvReaderTest {
    @TempDir
    Path dir;

    private ReadLog read(final String content, final String mapping) throws Exception {
        final Path f = dir.resolve("export.csv");
        Files.writeString(f, content, StandardCharsets.UTF_8);
        final Properties p = new Properties();
        p.load(new java.io.StringReader(mapping));
        return ReadLog.of(MappedCsvReader.open(f, ReaderOptions.defaults().withMapping(CsvMapping.parse(p, "m"))));
    }

    @Test
    void shouldSignUnsignedCurrentFromTheStateAndConvertUnits() throws Exception {
        final ReadLog log = read("""
                Station 4, cell 17
                t (min);I (mA);U (mV);Mode;Q (mAh);T (K)
                0;0;3200;REST;0;298,15
                1;500;3300;CHG;8,3;298,15
                2;500;3400;DCH;2,1;
                """, """
                header.line = 2
                time.column = t (min)
                time.unit = min
                current.column = I (mA)
                current.unit = mA
                current.sign = unsigned
                state.column = Mode
                state.charge = CHG
                state.discharge = DCH
                voltage.column = U (mV)
                voltage.unit = mV
                charge-capacity.column = Q (mAh)
                charge-capacity.unit = mAh
                temperature.column = T (K)
                temperature.unit = K
                """);
        assertThat(log.rejected()).isEmpty();
        assertThat(log.counts().headerLines()).isEqualTo(2);
        final List<Sample> s = log.samples();
        assertThat(s.get(1).timeMs()).isEqualTo(60_000L);
        assertThat(s.get(1).currentA()).isEqualTo(0.5);
        assertThat(s.get(1).stepType()).isEqualTo(Direction.CHARGE);
        assertThat(s.get(2).currentA()).isEqualTo(-0.5);
        assertThat(s.get(1).voltageV()).isEqualTo(3.3);
        assertThat(s.get(1).chargeAh()).isEqualTo(0.0083);
        assertThat(s.get(0).temperatureC()).isEqualTo(25.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(s.get(2).temperatureC()).isNaN();
    }

    @Test
    void shouldRejectAnUnsignedCurrentWithAnUnknownState() throws Exception {
        final ReadLog log = read("t,I,V,S\n0,1,3,X\n", """
                time.column = t
                current.column = I
                current.sign = unsigned
                state.column = S
                state.charge = C
                state.discharge = D
                voltage.column = V
                """);
        assertThat(log.rejected()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(2);
            assertThat(r.reason()).contains("'X'").contains("has no sign");
        });
    }

    @Test
    void shouldFailAtOpenWhenTheMappingNamesAMissingColumn() {
        assertThatThrownBy(() -> read("t,I,V\n0,1,3\n", """
                time.column = t
                current.column = Current
                voltage.column = V
                """)).isInstanceOf(CyclerFormatException.class).hasMessageContaining("'Current'")
                .hasMessageContaining("[t, I, V]");
    }

    @Test
    void shouldRejectUnknownKeysAndUnits() {
        final Properties p = new Properties();
        p.setProperty("time.column", "t");
        p.setProperty("current.column", "I");
        p.setProperty("voltage.column", "V");
        p.setProperty("voltage.unit", "volts");
        assertThatThrownBy(() -> CsvMapping.parse(p, "m.properties")).hasMessageContaining("voltage.unit 'volts'");
        p.remove("voltage.unit");
        p.setProperty("current.colum", "I");
        assertThatThrownBy(() -> CsvMapping.parse(p, "m.properties")).hasMessageContaining("unknown key 'current.colum'");
    }

    @Test
    void shouldReadARealArbinExportThroughAMappingAsTheArbinReaderDoes() throws Exception {
        final Path arbin = SharedData.file("arbin/arbin_example.csv");
        final Properties p = new Properties();
        p.load(new java.io.StringReader("""
                match.header = Data_Point,Test_Time
                time.column = Test_Time
                datetime.column = #3
                current.column = Current
                voltage.column = Voltage
                cycle.column = Cycle_Index
                step.column = Step_Index
                charge-capacity.column = Charge_Capacity
                discharge-capacity.column = Discharge_Capacity
                temperature.column = Temperature
                """));
        final ReaderOptions o = ReaderOptions.defaults().withMapping(CsvMapping.parse(p, "arbin.properties"));
        final List<Sample> mapped = ReadLog.of(MappedCsvReader.open(arbin, o)).samples();
        final List<Sample> native_ = ReadLog.of(ArbinCsvReader.open(arbin, o)).samples();
        // the mapped reader parses DateTime as a date-time text, which epoch seconds are not: anchor from 0 there
        assertThat(mapped).hasSameSizeAs(native_);
        for (int i = 0; i < mapped.size(); i++) {
            assertThat(mapped.get(i).currentA()).isEqualTo(native_.get(i).currentA());
            assertThat(mapped.get(i).chargeAh()).isEqualTo(native_.get(i).chargeAh());
            assertThat(mapped.get(i).cycleIndex()).isEqualTo(native_.get(i).cycleIndex());
        }
    }
}
