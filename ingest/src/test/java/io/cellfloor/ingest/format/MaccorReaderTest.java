package io.cellfloor.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cellfloor.domain.Direction;
import io.cellfloor.domain.Sample;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The Maccor reader on both dialects. {@code maccor/PredictionDiagnostics_000109_tztest.010} is from
 * TRI-AMDD/beep ({@code beep/tests/test_files/}), Apache-2.0; {@code maccor/maccor_001.txt} is from jepegit/cellpy
 * ({@code testdata/data/maccor_001.txt}), MIT.
 */
class MaccorReaderTest {
    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");

    private static ReadLog diagnostics() throws Exception {
        return ReadLog.of(MaccorReader.open(SharedData.file("maccor/PredictionDiagnostics_000109_tztest.010"),
                ReaderOptions.defaults().withZone(ZONE)));
    }

    private static ReadLog validation() throws Exception {
        return ReadLog.of(MaccorReader.open(SharedData.file("maccor/maccor_001.txt"),
                ReaderOptions.defaults().withZone(ZONE)));
    }

    @Test
    void shouldReadTheOneLineDialectsRowsAndMetadata() throws Exception {
        final ReadLog log = diagnostics();
        // MANIFEST.md: 2165 data rows, channel 10 from the extension, procedure and barcode from line 1
        assertThat(log.rejected()).isEmpty();
        assertThat(log.counts().dataRows()).isEqualTo(2165);
        assertThat(log.metadata().channel()).isEqualTo("10");
        assertThat(log.metadata().procedure()).isEqualTo("PredictionDiagnostics_000109.000");
        assertThat(log.metadata().barcode()).isEqualTo("0001BC");
        assertThat(log.cycleIndices()).containsExactly(86, 87, 88, 89);
    }

    @Test
    void shouldReadTheMultiLineDialectsRowsAndMetadata() throws Exception {
        final ReadLog log = validation();
        // MANIFEST.md: 6704 data rows; Cyc# never advances
        assertThat(log.rejected()).isEmpty();
        assertThat(log.counts().dataRows()).isEqualTo(6704);
        assertThat(log.counts().headerLines()).isEqualTo(4);
        assertThat(log.cycleIndices()).containsExactly(0);
        assertThat(log.metadata().channel()).isEqualTo("1");
        assertThat(log.metadata().procedure()).isEqualTo("M50_Validation.000");
        assertThat(log.metadata().testName()).isEqualTo("M50_Validation_0deg_01");
        assertThat(log.metadata().startTime()).isEqualTo(
                LocalDateTime.of(2020, 12, 11, 12, 22, 12).atZone(ZONE).toInstant());
    }

    @Test
    void shouldSignUnsignedAmpsFromTheState() throws Exception {
        final List<Sample> s = validation().samples();
        // line 7: step 2, state D, Amps 0.50401 written unsigned
        final Sample discharge = s.get(2);
        assertThat(discharge.stepType()).isEqualTo(Direction.DISCHARGE);
        assertThat(discharge.currentA()).isEqualTo(-0.50401);
        assertThat(s).filteredOn(x -> x.stepType() == Direction.CHARGE).allMatch(x -> x.currentA() >= 0);
        assertThat(s).filteredOn(x -> x.stepType() == Direction.DISCHARGE).allMatch(x -> x.currentA() <= 0);
    }

    @Test
    void shouldReadDayHourMinuteSecondTimes() throws Exception {
        final List<Sample> s = validation().samples();
        final long start = s.get(0).timeMs();
        assertThat(start).isEqualTo(LocalDateTime.of(2020, 12, 11, 12, 22, 12).atZone(ZONE).toInstant()
                .toEpochMilli());
        // "0d 00:00:5.05000019073486"
        assertThat(s.get(2).timeMs() - start).isEqualTo(5_050L);
        // the last row: "2d 02:52:51.5699996948242"
        assertThat(s.get(s.size() - 1).timeMs() - start).isEqualTo(((2 * 24 + 2) * 3600 + 52 * 60 + 51) * 1000L + 570);
    }

    @Test
    void shouldSumPerStepAmpHoursOverTheCycle() throws Exception {
        final List<Sample> s = diagnostics().samples();
        // cycle 87: charge steps 61 (1.4519901141 Ah) and 63 (1.1313078698 Ah), discharge step 65 (1.8394546648 Ah)
        final Sample endOf87 = s.stream().filter(x -> x.cycleIndex() == 87).reduce((a, b) -> b).orElseThrow();
        assertThat(endOf87.chargeAh()).isCloseTo(1.4519901141 + 1.1313078698, within(1e-9));
        assertThat(endOf87.dischargeAh()).isCloseTo(1.8394546648, within(1e-9));
    }

    @Test
    void shouldMatchTheInstrumentCapacitiesByCoulombCounting() throws Exception {
        for (final ReadLog log : List.of(diagnostics(), validation())) {
            for (final CycleTotals c : CycleTotals.of(log.samples())) {
                assertThat(c.countedChargeAh()).as("%s cycle %d charge", log.metadata().file(), c.cycleIndex())
                        .isCloseTo(c.loggedChargeAh(), within(0.01 * c.loggedChargeAh() + 1e-4));
                assertThat(c.countedDischargeAh()).as("%s cycle %d discharge", log.metadata().file(), c.cycleIndex())
                        .isCloseTo(c.loggedDischargeAh(), within(0.01 * c.loggedDischargeAh() + 1e-4));
            }
        }
    }

    /** BEEP's rule: per Cyc#, the Amp-hr at the end of each step whose State is {@code state}, summed. */
    private static Map<Integer, Double> stepEnds(final Path file, final int headerLine, final String state)
            throws Exception {
        final RawColumns raw = RawColumns.read(file, headerLine, "\t");
        final int cycle = raw.column("Cyc#");
        final int step = raw.column("Step");
        final int ah = raw.column("Amp-hr");
        final int st = raw.column("State");
        return raw.sumOfStepEnds(r -> Integer.parseInt(r[cycle].trim()), r -> r[step].trim(),
                r -> r[st].trim().equals(state) ? Double.parseDouble(r[ah]) : 0.0);
    }

    @Test
    void shouldGiveEachCyclesCapacitiesAsBeepSumsTheSteps() throws Exception {
        final Path file = SharedData.file("maccor/PredictionDiagnostics_000109_tztest.010");
        final Map<Integer, Double> charge = stepEnds(file, 2, "C");
        final Map<Integer, Double> discharge = stepEnds(file, 2, "D");
        final List<CycleTotals> ours = CycleTotals.of(diagnostics().samples());
        // MANIFEST.md: cycles 86-89, the first and last partial (86 starts inside its charge step 63)
        assertThat(ours).extracting(CycleTotals::cycleIndex).containsExactly(86, 87, 88, 89);
        assertThat(ours.get(0).chargeBeforeFirstAh()).isCloseTo(0.2706676477, within(1e-10));
        for (final CycleTotals c : ours) {
            assertThat(c.chargeAh()).as("cycle %d charge", c.cycleIndex())
                    .isCloseTo(charge.get(c.cycleIndex()), within(1e-9));
            assertThat(c.dischargeAh()).as("cycle %d discharge", c.cycleIndex())
                    .isCloseTo(discharge.get(c.cycleIndex()), within(1e-9));
        }
    }

    @Test
    void shouldKeepTheWholeValidationFileInTheOneCycleItsCyclerCounted() throws Exception {
        // Cyc# stays 0: the procedure has no advance-cycle step, so the cycler counted one cycle (number 0), as
        // cellpy loads it; its totals are every step's, CE across a rate test of that kind means nothing
        final Path file = SharedData.file("maccor/maccor_001.txt");
        final List<CycleTotals> ours = CycleTotals.of(validation().samples());
        assertThat(ours).singleElement().satisfies(c -> {
            assertThat(c.cycleIndex()).isZero();
            assertThat(c.chargeAh()).isCloseTo(stepEnds(file, 4, "C").get(0), within(1e-9));
            assertThat(c.dischargeAh()).isCloseTo(stepEnds(file, 4, "D").get(0), within(1e-9));
        });
    }
}
