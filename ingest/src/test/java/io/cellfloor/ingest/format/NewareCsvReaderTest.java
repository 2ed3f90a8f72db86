package io.cellfloor.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cellfloor.domain.Direction;
import io.cellfloor.domain.Sample;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Neware flat CSV reader on a real export. {@code neware/neware_uio.csv} is from jepegit/cellpy
 * ({@code testdata/data/neware_uio.csv}), MIT.
 */
class NewareCsvReaderTest {
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    private static ReadLog read() throws Exception {
        return ReadLog.of(NewareCsvReader.open(SharedData.file("neware/neware_uio.csv"),
                ReaderOptions.defaults().withZone(OSLO)));
    }

    @Test
    void shouldReadTheManifestsRowAndCycleCounts() throws Exception {
        final ReadLog log = read();
        // MANIFEST.md: 9065 data rows, 4 cycles
        assertThat(log.rejected()).isEmpty();
        assertThat(log.counts().dataRows()).isEqualTo(9065);
        assertThat(log.cycleIndices()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void shouldAnchorCumulativeTimeToTheDateColumnInTheCyclersZone() throws Exception {
        final List<Sample> s = read().samples();
        final long start = LocalDateTime.of(2022, 5, 18, 16, 27, 52).atZone(OSLO).toInstant().toEpochMilli();
        assertThat(s.get(0).timeMs()).isEqualTo(start);
        // the last row: cumulative 144:02:18
        assertThat(s.get(s.size() - 1).timeMs()).isEqualTo(start + (144 * 3600 + 2 * 60 + 18) * 1000L);
    }

    @Test
    void shouldSignFromTheStepTypeAndSumPerStepCapacitiesOverTheCycle() throws Exception {
        final List<Sample> s = read().samples();
        // line 723: cycle 1, step 2, CC DChg, first discharge step of the cycle
        final Sample firstDischarge = s.get(721);
        assertThat(firstDischarge.stepType()).isEqualTo(Direction.DISCHARGE);
        assertThat(firstDischarge.currentA()).isNegative();
        // cycle 1 has three discharge steps (2, 4, 6): their ends 0.00468031 + ... add up on the last sample
        final Sample endOfCycle1 = s.get(3461);
        assertThat(endOfCycle1.cycleIndex()).isEqualTo(1);
        assertThat(endOfCycle1.dischargeAh()).isGreaterThan(0.00468031);
        assertThat(endOfCycle1.chargeAh()).isCloseTo(0.00424934, within(1e-9));
    }

    @Test
    void shouldMatchTheInstrumentCapacitiesByCoulombCounting() throws Exception {
        // 60 s sampling of constant-current steps, times to the second: within 1 %
        for (final CycleTotals c : CycleTotals.of(read().samples())) {
            assertThat(c.countedChargeAh()).as("cycle %d charge", c.cycleIndex())
                    .isCloseTo(c.loggedChargeAh(), within(0.01 * c.loggedChargeAh() + 1e-7));
            assertThat(c.countedDischargeAh()).as("cycle %d discharge", c.cycleIndex())
                    .isCloseTo(c.loggedDischargeAh(), within(0.01 * c.loggedDischargeAh() + 1e-7));
        }
    }

    @Test
    void shouldGiveEachCyclesCapacitiesAsCellpySumsTheSteps() throws Exception {
        // cellpy's rule for Neware's per-step counters: per Cycle Index, the steps' last values summed
        final RawColumns raw = RawColumns.read(SharedData.file("neware/neware_uio.csv"), 1, ",");
        final int cycle = raw.column("Cycle Index");
        final int step = raw.column("Step Index");
        final int chg = raw.column("Chg. Cap.(Ah)");
        final int dchg = raw.column("DChg. Cap.(Ah)");
        final Map<Integer, Double> charge = raw.sumOfStepEnds(r -> Integer.parseInt(r[cycle]), r -> r[step],
                r -> Double.parseDouble(r[chg]));
        final Map<Integer, Double> discharge = raw.sumOfStepEnds(r -> Integer.parseInt(r[cycle]), r -> r[step],
                r -> Double.parseDouble(r[dchg]));
        final List<CycleTotals> ours = CycleTotals.of(read().samples());
        assertThat(ours).extracting(CycleTotals::cycleIndex).containsExactlyElementsOf(charge.keySet());
        for (final CycleTotals c : ours) {
            assertThat(c.chargeAh()).as("cycle %d charge", c.cycleIndex())
                    .isCloseTo(charge.get(c.cycleIndex()), within(1e-12));
            assertThat(c.dischargeAh()).as("cycle %d discharge", c.cycleIndex())
                    .isCloseTo(discharge.get(c.cycleIndex()), within(1e-12));
        }
        // a half-cell: lithiation (discharge) first, so CE = charge / discharge; cycle 2 is a plain one
        assertThat(100 * ours.get(1).chargeAh() / ours.get(1).dischargeAh()).isBetween(95.0, 100.0);
    }
}
