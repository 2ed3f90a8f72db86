package io.cellfloor.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cellfloor.domain.Sample;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every reader, on every real export in {@code ../shared/data}, keeps the capacity convention documented on
 * {@link Sample}: per cycle, counters start from 0, never decrease and are never negative, so a cycle's
 * instrument capacity is its last sample's counter. Prints, per file and cycle, the instrument's capacities
 * beside our own coulomb count, which tells how far integrating the logged points can be trusted per file.
 *
 * <p>Files (see the MANIFEST there for the licences): arbin_example.csv and p492-13-raw.csv from
 * ROVI-org/battery-data-toolkit (Apache-2.0); 20160805_test001_45_cc_01.res, neware_uio.csv,
 * nw_regular_export_ife_example.csv and maccor_001.txt from jepegit/cellpy (MIT); TestFile.nda from
 * Solid-Energy-Systems/NewareNDA (BSD-3-Clause); the BioLogic and PredictionDiagnostics files from TRI-AMDD/beep
 * (Apache-2.0).
 */
class CapacityConventionTest {
    private static final ZoneId PACIFIC = ZoneId.of("US/Pacific");

    /** A real file and how to open it. */
    private interface Opener {
        CyclerFileReader open(java.nio.file.Path file) throws Exception;
    }

    static Stream<Arguments> files() {
        final ReaderOptions utc = ReaderOptions.defaults();
        final ReaderOptions pacific = ReaderOptions.defaults().withZone(PACIFIC);
        return Stream.of(
                Arguments.of("arbin/arbin_example.csv", (Opener) f -> ArbinCsvReader.open(f, utc)),
                Arguments.of("arbin/20160805_test001_45_cc_01.res", (Opener) f -> ArbinResReader.open(f, utc)),
                Arguments.of("neware/neware_uio.csv", (Opener) f -> NewareCsvReader.open(f, utc)),
                Arguments.of("neware/nw_regular_export_ife_example.csv",
                        (Opener) f -> NewareRegularReader.open(f, utc)),
                Arguments.of("neware/TestFile.nda", (Opener) f -> NewareNdaReader.open(f, utc)),
                Arguments.of("biologic/test_loopsnewoutput_MB_CE1_short10k.csv",
                        (Opener) f -> BiologicReader.open(f, pacific)),
                Arguments.of("maccor/PredictionDiagnostics_000109_tztest.010",
                        (Opener) f -> MaccorReader.open(f, pacific)),
                Arguments.of("maccor/maccor_001.txt", (Opener) f -> MaccorReader.open(f, pacific)),
                Arguments.of("batterydata/p492-13-raw.csv", (Opener) f -> BatteryDataCsvReader.open(f, utc)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void shouldGiveCountersThatStartFromZeroAndNeverDecreaseWithinACycle(final String name, final Opener opener)
            throws Exception {
        final List<Sample> samples = ReadLog.of(opener.open(SharedData.file(name))).samples();
        final List<CycleTotals> cycles = CycleTotals.of(samples);
        assertThat(cycles).isNotEmpty();
        assertThat(samples).allSatisfy(s -> {
            assertThat(s.cycleIndex()).as("every format here has a cycle column").isNotEqualTo(Sample.NO_INDEX);
            assertThat(s.chargeAh()).as("every format here has capacity columns").isNotNaN().isGreaterThanOrEqualTo(-1e-9);
            assertThat(s.dischargeAh()).isNotNaN().isGreaterThanOrEqualTo(-1e-9);
        });
        int at = 0;
        for (final CycleTotals c : cycles) {
            assertThat(c.counterDrops()).as("%s cycle %d: counter drops", name, c.cycleIndex()).isZero();
            final Sample last = samples.get(at + c.samples() - 1);
            // with no drop the summed increments are the last sample's counters
            assertThat(last.chargeAh()).as("%s cycle %d charge", name, c.cycleIndex())
                    .isCloseTo(c.chargeAh(), within(1e-9));
            assertThat(last.dischargeAh()).as("%s cycle %d discharge", name, c.cycleIndex())
                    .isCloseTo(c.dischargeAh(), within(1e-9));
            at += c.samples();
        }
        System.out.println(table(name, cycles));
    }

    /** A markdown table of the file's cycles: instrument vs coulomb count, for the report on which CE to trust. */
    static String table(final String name, final List<CycleTotals> cycles) {
        final StringBuilder out = new StringBuilder("\n#### ").append(name).append('\n')
                .append("| cycle | rows | chg instr Ah | chg instr from 1st row | chg counted | diff "
                        + "| dchg instr Ah | dchg instr from 1st row | dchg counted | diff |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (final CycleTotals c : cycles) {
            out.append(String.format(Locale.ROOT, "| %d | %d | %.7f | %.7f | %.7f | %s | %.7f | %.7f | %.7f | %s |%n",
                    c.cycleIndex(), c.samples(), c.chargeAh(), c.loggedChargeAh(), c.countedChargeAh(),
                    percent(c.chargeDifference()), c.dischargeAh(), c.loggedDischargeAh(), c.countedDischargeAh(),
                    percent(c.dischargeDifference())));
        }
        return out.toString();
    }

    private static String percent(final double fraction) {
        return Double.isNaN(fraction) ? "-" : String.format(Locale.ROOT, "%+.3f %%", 100 * fraction);
    }
}
