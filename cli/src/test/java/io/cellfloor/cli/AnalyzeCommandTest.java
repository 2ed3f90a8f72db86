package io.cellfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellfloor.domain.CeDirection;
import io.cellfloor.domain.CellKind;
import io.cellfloor.domain.CellSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {
    @TempDir
    Path dir;

    /**
     * BioLogic BT-Lab export from TRI-AMDD/beep ({@code beep/tests/test_files/raw/}, Apache-2.0), read in place
     * from {@code ../shared/data}; beep checks cycle 1 at 1.4618750 Ah charge and 2.324598 Ah discharge.
     */
    @Test
    void shouldAnalyseRealBiologicExportIntoOneJsonLinePerCycle() throws Exception {
        final Path file = sharedData().resolve("biologic/test_loopsnewoutput_MB_CE1_short10k.csv");
        final Path cellTest = dir.resolve("cell.yaml");
        Files.writeString(cellTest, """
                kind: FULL
                areaCm2: 1.0
                electrolyte: liquid
                collector: NMC
                currentDensityMAcm2: 1000
                arealCapacityMAhCm2: 2400
                cutoffLowV: 2.0
                cutoffHighV: 4.4
                stackPressureMPa: 0
                ceDirection: DISCHARGE_OVER_CHARGE
                """);
        final ByteArrayOutputStream printed = new ByteArrayOutputStream();

        final int status = AnalyzeCommand.run(List.of(file.toString()), dir.resolve("out").toString(),
                cellTest.toString(), "UTC", new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(status).isZero();
        final List<JsonNode> cycles = jsonLines(dir.resolve("out/test_loopsnewoutput_MB_CE1_short10k.jsonl"));
        final JsonNode first = cycles.stream().filter(c -> c.get("cyclerCycleIndex").asInt() == 1
                && c.get("complete").asBoolean()).findFirst().orElseThrow();
        assertThat(first.at("/charge/capacityMAh").asDouble()).isCloseTo(1461.8750, within(1461.875 * 0.001));
        assertThat(first.at("/discharge/capacityMAh").asDouble()).isCloseTo(2324.598, within(2324.598 * 0.001));
        assertThat(first.get("cePercent").asDouble())
                .isCloseTo(first.at("/discharge/capacityMAh").asDouble() / first.at("/charge/capacityMAh").asDouble()
                        * 100, within(1e-9));
        assertThat(first.get("cellTestKnown").asBoolean()).isTrue();
        assertThat(first.get("stage").asText()).isEqualTo("STABLE");
        assertThat(first.has("events")).isTrue();
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("(BIOLOGIC): 9,999 rows read, 9,999 samples, 0 rows rejected")
                .contains(cycles.size() + " cycles");
    }

    @Test
    void shouldReadCellTestFromJsonAndExplainWhatIsMissing() throws Exception {
        final Path json = dir.resolve("cell.json");
        Files.writeString(json, """
                {"kind": "ASYMMETRIC", "areaCm2": 0.785, "electrolyte": "LPSC", "collector": "SS",
                 "currentDensityMAcm2": 1.0, "arealCapacityMAhCm2": 0.5, "cutoffLowV": -1.0, "cutoffHighV": 1.5,
                 "stackPressureMPa": 50, "ceDirection": "CHARGE_OVER_DISCHARGE",
                 "averageCe": {"reservoirMAh": 3.0, "cycledMAh": 0.5, "cycles": 10}}""");
        final CellSpec cell = AnalyzeCommand.readCell(json);
        assertThat(cell.kind()).isEqualTo(CellKind.ASYMMETRIC);
        assertThat(cell.ceDirection()).isEqualTo(CeDirection.CHARGE_OVER_DISCHARGE);
        assertThat(cell.averageCe().cycles()).isEqualTo(10);

        final Path incomplete = dir.resolve("incomplete.json");
        Files.writeString(incomplete, "{\"kind\": \"FULL\", \"areaCm2\": 1.0}");
        assertThatThrownBy(() -> AnalyzeCommand.readCell(incomplete))
                .hasMessageContaining("is not a valid CellTest")
                .hasMessageContaining("missing electrolyte, collector, currentDensityMAcm2, arealCapacityMAhCm2, "
                        + "cutoffLowV, cutoffHighV, stackPressureMPa, ceDirection");
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
