package io.cellfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellfloor.ingest.FileSource;
import io.cellfloor.ingest.format.ReaderOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code analyze} (the production topology, fed by the station agent's code) on every real cycler export in
 * {@code ../shared/data}, read in place: cycles as the cycler counts them, per-cycle charge and discharge within
 * 0.1 % of the file's own instrument columns ({@link FileTruth}), and no CE above 150 % or below 1 % on a complete
 * cycle unless the file's own counters give it. Prints a table per file for the record.
 *
 * <p>Files (licences in the MANIFEST there): arbin_example.csv and p492-13-raw.csv from ROVI-org/battery-data-toolkit
 * (Apache-2.0); 20160805_test001_45_cc_01.res, neware_uio.csv, nw_regular_export_ife_example.csv and maccor_001.txt
 * from jepegit/cellpy (MIT); TestFile.nda from Solid-Energy-Systems/NewareNDA (BSD-3-Clause); the BioLogic and
 * PredictionDiagnostics files from TRI-AMDD/beep (Apache-2.0).
 */
class RealFileCyclesTest {
    private static final double TOLERANCE = 0.001;

    @TempDir
    Path dir;

    static Stream<Arguments> files() {
        return Stream.of(
                Arguments.of("arbin/arbin_example.csv", "UTC"),
                Arguments.of("arbin/20160805_test001_45_cc_01.res", "UTC"),
                Arguments.of("neware/neware_uio.csv", "UTC"),
                Arguments.of("neware/nw_regular_export_ife_example.csv", "UTC"),
                Arguments.of("neware/TestFile.nda", "UTC"),
                Arguments.of("biologic/test_loopsnewoutput_MB_CE1_short10k.csv", "US/Pacific"),
                Arguments.of("maccor/PredictionDiagnostics_000109_tztest.010", "US/Pacific"),
                Arguments.of("maccor/maccor_001.txt", "US/Pacific"),
                Arguments.of("batterydata/p492-13-raw.csv", "UTC"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void shouldGiveTheCyclersCyclesWithTheInstrumentsCapacities(final String name, final String zone)
            throws Exception {
        final Path file = sharedData().resolve(name);
        assumeTrue(Files.isReadable(file), "real cycler export " + file + " is missing; skipping");
        final FileTruth truth = FileTruth.read(file, ReaderOptions.defaults().withZone(ZoneId.of(zone)));
        final ByteArrayOutputStream printed = new ByteArrayOutputStream();

        final int status = AnalyzeCommand.run(List.of(file.toString()), dir.toString(), null, zone,
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(status).as(printed.toString(StandardCharsets.UTF_8)).isZero();
        final List<JsonNode> cycles = jsonLines(dir.resolve(FileSource.baseName(file) + ".jsonl"));
        assertThat(cycles).extracting(c -> c.get("cycleNumber").asInt()).as(name)
                .isEqualTo(List.copyOf(truth.cycles().keySet()));
        // a cycler cycle without current (impedance, rest) is there too, with no half-cycle and no CE
        assertThat(cycles).filteredOn(c -> c.get("protocol").asText().equals("NO_CURRENT"))
                .extracting(c -> c.get("cycleNumber").asInt()).as(name)
                .isEqualTo(truth.cycles().values().stream().filter(c -> !c.current()).map(FileTruth.Cycle::index)
                        .toList())
                .allSatisfy(n -> assertThat(truth.cycles().get(n).chargeAh() + truth.cycles().get(n).dischargeAh())
                        .as(name + " cycle " + n).isZero());
        double worstCharge = 0;
        double worstDischarge = 0;
        double minCe = Double.NaN;
        double maxCe = Double.NaN;
        for (final JsonNode c : cycles) {
            final FileTruth.Cycle t = truth.cycles().get(c.get("cycleNumber").asInt());
            final String what = name + " cycle " + t.index();
            worstCharge = Math.max(worstCharge, check(what + " charge", c.get("charge"), t.chargeAh()));
            worstDischarge = Math.max(worstDischarge, check(what + " discharge", c.get("discharge"), t.dischargeAh()));
            assertThat(c.get("boundaries").asText()).isEqualTo("CYCLER");
            if (c.get("protocol").asText().equals("PULSE") || c.get("protocol").asText().equals("NO_CURRENT")) {
                assertThat(c.get("cePercent").isNull()).as(what + ": no CE for pulses or without current").isTrue();
            }
            if (!c.get("cePercent").isNull() && c.get("complete").asBoolean()) {
                final double ce = c.get("cePercent").asDouble();
                final double own = FileTruth.ce(t, c.get("ceDirection").asText().equals("CHARGE_OVER_DISCHARGE"));
                if (ce > 150 || ce < 1) {
                    assertThat(ce).as(what + ": a CE of %.1f %% only where the file gives it", ce)
                            .isCloseTo(own, org.assertj.core.api.Assertions.withinPercentage(0.1));
                }
                minCe = Double.isNaN(minCe) ? ce : Math.min(minCe, ce);
                maxCe = Double.isNaN(maxCe) ? ce : Math.max(maxCe, ce);
            }
        }
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %.4f %% | %.4f %% | %s |%n", name, cycles.size(),
                truth.cycles().size(), 100 * worstCharge, 100 * worstDischarge,
                Double.isNaN(minCe) ? "-" : String.format(Locale.ROOT, "%.2f-%.2f %%", minCe, maxCe));
        System.out.print(printed.toString(StandardCharsets.UTF_8));
    }

    /** Checks one half against the file's own count; returns the relative difference (0 where both are nothing). */
    private static double check(final String what, final JsonNode half, final double instrumentAh) {
        if (half == null || half.isNull()) {
            assertThat(instrumentAh).as(what + ": no half, so the instrument counted nothing").isLessThan(1e-9);
            return 0;
        }
        final double mAh = half.get("capacityMAh").asDouble();
        final double expected = instrumentAh * 1000;
        if (expected == 0) {
            assertThat(mAh).as(what).isZero();
            return 0;
        }
        final double relative = Math.abs(mAh - expected) / expected;
        assertThat(relative).as(what + ": %.7f mAh against the file's %.7f mAh", mAh, expected)
                .isLessThanOrEqualTo(TOLERANCE);
        return relative;
    }

    private static Path sharedData() {
        final Path data = Path.of(System.getProperty("cellfloor.shared.data", "../../shared/data"));
        assumeTrue(Files.isDirectory(data), "real cycler exports not found at " + data.toAbsolutePath()
                + " (../shared/data beside the clone); skipping");
        return data;
    }

    private static List<JsonNode> jsonLines(final Path file) throws Exception {
        final ObjectMapper mapper = new ObjectMapper();
        final List<JsonNode> out = new ArrayList<>();
        for (final String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                out.add(mapper.readTree(line));
            }
        }
        return out;
    }
}
