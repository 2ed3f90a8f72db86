package io.cellfloor.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cellfloor.domain.Sample;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The BioLogic reader on a real BT-Lab export re-exported with semicolons and absolute US/Pacific times.
 * {@code biologic/test_loopsnewoutput_MB_CE1_short10k.csv} is from TRI-AMDD/beep
 * ({@code beep/tests/test_files/raw/}), Apache-2.0.
 */
class BiologicReaderTest {
    private static final ZoneId PACIFIC = ZoneId.of("US/Pacific");

    private static ReadLog read() throws Exception {
        return ReadLog.of(BiologicReader.open(SharedData.file("biologic/test_loopsnewoutput_MB_CE1_short10k.csv"),
                ReaderOptions.defaults().withZone(PACIFIC)));
    }

    @Test
    void shouldReadEveryRowWithTheManifestsCycleIndices() throws Exception {
        final ReadLog log = read();
        assertThat(log.rejected()).isEmpty();
        assertThat(log.counts().dataRows()).isEqualTo(9999);
        // MANIFEST.md: cycle indices 1, 2, 3
        assertThat(log.cycleIndices()).containsExactly(1, 2, 3);
    }

    @Test
    void shouldReproduceTheFirstCyclesCapacitiesInAh() throws Exception {
        // MANIFEST.md: cycle 1 charge 1.4618750 Ah and discharge 2.324598 Ah, to 6 decimals (file in mA.h)
        final CycleTotals first = CycleTotals.of(read().samples()).get(0);
        assertThat(first.cycleIndex()).isEqualTo(1);
        assertThat(first.chargeAh()).isCloseTo(1.4618750, within(5e-7));
        assertThat(first.dischargeAh()).isCloseTo(2.324598, within(5e-7));
    }

    @Test
    void shouldReadAbsoluteTimesInTheCyclersZone() throws Exception {
        final List<Sample> s = read().samples();
        final long start = LocalDateTime.of(2021, 5, 5, 15, 36, 22, 757_000_000).atZone(PACIFIC).toInstant()
                .toEpochMilli();
        assertThat(s.get(0).timeMs()).isEqualTo(start);
        // MANIFEST.md: maximum test time 102040.77 s
        final long max = s.stream().mapToLong(Sample::timeMs).max().orElseThrow();
        assertThat((max - start) / 1000.0).isEqualTo(102040.77);
    }

    @Test
    void shouldConvertMilliampsToAmps() throws Exception {
        final Sample second = read().samples().get(1);
        assertThat(second.currentA()).isCloseTo(2.49326220703125, within(1e-12));
        assertThat(second.voltageV()).isEqualTo(4.23017549514771);
    }

    @Test
    void shouldMatchTheInstrumentCapacitiesByCoulombCounting() throws Exception {
        for (final CycleTotals c : CycleTotals.of(read().samples())) {
            assertThat(c.countedChargeAh()).as("cycle %d charge", c.cycleIndex())
                    .isCloseTo(c.loggedChargeAh(), within(0.01 * c.loggedChargeAh() + 1e-4));
            assertThat(c.countedDischargeAh()).as("cycle %d discharge", c.cycleIndex())
                    .isCloseTo(c.loggedDischargeAh(), within(0.01 * c.loggedDischargeAh() + 1e-4));
        }
    }

    @Test
    void shouldGiveEachCyclesCapacitiesAsBeepTakesTheLargestCount() throws Exception {
        // BEEP's rule: per cycle_index, the largest Q charge and Q discharge (one half-cycle of each per cycle here)
        final RawColumns raw = RawColumns.read(SharedData.file("biologic/test_loopsnewoutput_MB_CE1_short10k.csv"),
                1, ";");
        final int cycle = raw.column("cycle_index");
        final int qc = raw.column("Q charge/mA.h");
        final int qd = raw.column("Q discharge/mA.h");
        final Map<Integer, Double> charge = raw.maxPerCycle(r -> Integer.parseInt(r[cycle]),
                r -> Double.parseDouble(r[qc]) / 1000);
        final Map<Integer, Double> discharge = raw.maxPerCycle(r -> Integer.parseInt(r[cycle]),
                r -> Double.parseDouble(r[qd]) / 1000);
        final List<CycleTotals> ours = CycleTotals.of(read().samples());
        assertThat(ours).extracting(CycleTotals::cycleIndex).containsExactly(1, 2, 3);
        for (final CycleTotals c : ours) {
            assertThat(c.chargeAh()).as("cycle %d charge", c.cycleIndex())
                    .isCloseTo(charge.get(c.cycleIndex()), within(1e-12));
            assertThat(c.dischargeAh()).as("cycle %d discharge", c.cycleIndex())
                    .isCloseTo(discharge.get(c.cycleIndex()), within(1e-12));
        }
    }

    @Test
    void shouldCarryTheChargeCountThroughTheDischargeThatResetsIt() throws Exception {
        // Q charge goes back to 0 when the discharge starts (line 1623 here); the cycle's charge must not
        final List<Sample> s = read().samples();
        final Sample endOfCycle1 = s.stream().filter(x -> x.cycleIndex() == 1).reduce((a, b) -> b).orElseThrow();
        assertThat(endOfCycle1.currentA()).isNegative();
        assertThat(endOfCycle1.chargeAh()).isCloseTo(1.4618750, within(5e-7));
        assertThat(endOfCycle1.dischargeAh()).isCloseTo(2.324598, within(5e-7));
    }
}
