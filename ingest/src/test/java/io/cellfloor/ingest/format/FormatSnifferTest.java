package io.cellfloor.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sniffer on every real export of ../shared/data (sources and licences in its MANIFEST.md: ROVI-org/
 * battery-data-toolkit, Apache-2.0; jepegit/cellpy, MIT; TRI-AMDD/beep, Apache-2.0; Solid-Energy-Systems/NewareNDA,
 * BSD-3-Clause) and on files no reader knows.
 */
class FormatSnifferTest {

    @ParameterizedTest
    @CsvSource({
        "arbin/arbin_example.csv, ARBIN_CSV",
        "arbin/20160805_test001_45_cc_01.res, ARBIN_RES",
        "neware/neware_uio.csv, NEWARE_CSV",
        "neware/nw_regular_export_ife_example.csv, NEWARE_REGULAR",
        "neware/TestFile.nda, NEWARE_NDA",
        "biologic/test_loopsnewoutput_MB_CE1_short10k.csv, BIOLOGIC",
        "maccor/PredictionDiagnostics_000109_tztest.010, MACCOR",
        "maccor/maccor_001.txt, MACCOR",
        "batterydata/p492-13-raw.csv, BATTERYDATA_CSV"})
    void shouldRecogniseEachRealExportByItsContent(final String file, final CyclerFormat expected) throws Exception {
        assertThat(FormatSniffer.sniff(SharedData.file(file), ReaderOptions.defaults())).isEqualTo(expected);
    }

    @Test
    void shouldRecogniseContentUnderAMisleadingName(@TempDir final Path dir) throws Exception {
        final Path renamed = dir.resolve("export.txt");
        Files.copy(SharedData.file("maccor/maccor_001.txt"), renamed);
        assertThat(FormatSniffer.sniff(renamed, ReaderOptions.defaults())).isEqualTo(CyclerFormat.MACCOR);
    }

    @Test
    void shouldOpenAReaderThatReadsTheFile() throws Exception {
        try (CyclerFileReader r = FormatSniffer.open(SharedData.file("neware/neware_uio.csv"),
                ReaderOptions.defaults())) {
            assertThat(r.metadata().format()).isEqualTo(CyclerFormat.NEWARE_CSV);
            assertThat(r.next()).isInstanceOf(AcceptedRow.class);
        }
    }

    @Test
    void shouldSayWhatItTriedWhenNothingMatches(@TempDir final Path dir) throws Exception {
        final Path f = dir.resolve("mystery.csv");
        Files.writeString(f, "when,amps,volts\n1,2,3\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> FormatSniffer.open(f, ReaderOptions.defaults()))
                .isInstanceOf(CyclerFormatException.class)
                .hasMessageContaining("no reader recognises")
                .hasMessageContaining("Maccor")
                .hasMessageContaining("Arbin .res")
                .hasMessageContaining("no mapping file configured")
                .hasMessageContaining("'when,amps,volts'");
    }

    @Test
    void shouldTakeAMappingWhoseHeaderMatches(@TempDir final Path dir) throws Exception {
        final Path f = dir.resolve("mystery.csv");
        Files.writeString(f, "when,amps,volts\n1,2,3\n", StandardCharsets.UTF_8);
        final Properties p = new Properties();
        p.setProperty("match.header", "when,amps");
        p.setProperty("time.column", "when");
        p.setProperty("current.column", "amps");
        p.setProperty("voltage.column", "volts");
        final ReaderOptions o = ReaderOptions.defaults().withMapping(CsvMapping.parse(p, "test mapping"));
        assertThat(FormatSniffer.sniff(f, o)).isEqualTo(CyclerFormat.MAPPED_CSV);
    }

    @Test
    void shouldRefuseNdaVersionsItCannotDecodeAskingForACsvExport(@TempDir final Path dir) throws Exception {
        final byte[] old = new byte[2048];
        System.arraycopy("NEWARE".getBytes(StandardCharsets.ISO_8859_1), 0, old, 0, 6);
        old[14] = 29;
        final Path nda = dir.resolve("old.nda");
        Files.write(nda, old);
        assertThat(FormatSniffer.sniff(nda, ReaderOptions.defaults())).isEqualTo(CyclerFormat.NEWARE_NDA);
        assertThatThrownBy(() -> FormatSniffer.open(nda, ReaderOptions.defaults()))
                .isInstanceOf(CyclerFormatException.class)
                .hasMessageContaining("version 29")
                .hasMessageContaining("export the test from BTS as CSV");
    }

    @Test
    void shouldCallBinaryGarbageBinary(@TempDir final Path dir) throws Exception {
        final Path f = dir.resolve("blob.bin");
        Files.write(f, new byte[] {0, 1, 2, 3, 0, 0, 7});
        assertThatThrownBy(() -> FormatSniffer.sniff(f, ReaderOptions.defaults()))
                .hasMessageContaining("binary");
    }
}
