package io.cellfloor.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cellfloor.domain.Sample;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Neware "regular export" reader on a real export. {@code neware/nw_regular_export_ife_example.csv} is from
 * jepegit/cellpy ({@code testdata/data/nw_regular_export_ife_example.csv}), MIT.
 */
class NewareRegularReaderTest {

    private static ReadLog read() throws Exception {
        return ReadLog.of(NewareRegularReader.open(SharedData.file("neware/nw_regular_export_ife_example.csv"),
                ReaderOptions.defaults()));
    }

    @Test
    void shouldAccountForEveryLine() throws Exception {
        final ReadLog log = read();
        assertThat(log.rejected()).isEmpty();
        assertThat(log.counts().accepted()).isEqualTo(9295);
        // 20 cycle rows and 80 step rows on their own lines; cycle 1's first step (rest, step 1) sits on its cycle row
        assertThat(log.summaries()).hasSize(20 + 80);
        assertThat(log.counts().lines()).isEqualTo(9398);
    }

    @Test
    void shouldReproduceTheInstrumentsCycleRowsFromTheRecords() throws Exception {
        // MANIFEST.md: the per-record computation reproduces the file's cycle rows within 1e-5 Ah
        final ReadLog log = read();
        final Map<Integer, CycleTotals> ours = CycleTotals.of(log.samples()).stream()
                .collect(Collectors.toMap(CycleTotals::cycleIndex, Function.identity()));
        final List<InstrumentSummary> cycles = log.summaries().stream()
                .filter(s -> s.level() == InstrumentSummary.Level.CYCLE).toList();
        assertThat(cycles).hasSize(20);
        for (final InstrumentSummary c : cycles) {
            final CycleTotals t = ours.get(c.cycleIndex());
            assertThat(t.chargeAh()).as("cycle %d charge", c.cycleIndex()).isCloseTo(c.chargeAh(), within(1e-5));
            assertThat(t.dischargeAh()).as("cycle %d discharge", c.cycleIndex())
                    .isCloseTo(c.dischargeAh(), within(1e-5));
            // the file's efficiency is discharge / charge for this cell, to 2 decimals of a percent
            assertThat(100 * t.dischargeAh() / t.chargeAh()).as("cycle %d efficiency", c.cycleIndex())
                    .isCloseTo(c.efficiencyPercent(), within(0.01));
        }
    }

    @Test
    void shouldMatchTheInstrumentCapacitiesByCoulombCounting() throws Exception {
        for (final CycleTotals c : CycleTotals.of(read().samples())) {
            assertThat(c.countedChargeAh()).as("cycle %d charge", c.cycleIndex())
                    .isCloseTo(c.chargeAh(), within(0.01 * c.chargeAh() + 1e-5));
            assertThat(c.countedDischargeAh()).as("cycle %d discharge", c.cycleIndex())
                    .isCloseTo(c.dischargeAh(), within(0.01 * c.dischargeAh() + 1e-5));
        }
    }

    @Test
    void shouldSignCurrentsAndCarryTheStep() throws Exception {
        final List<Sample> s = read().samples();
        // record 175 (line 182): first record of the CC DChg step 4 of cycle 1
        final Sample r = s.get(174);
        assertThat(r.currentA()).isEqualTo(-0.5);
        assertThat(r.stepIndex()).isEqualTo(4);
        assertThat(r.cycleIndex()).isEqualTo(1);
        assertThat(r.temperatureC()).isEqualTo(26.61);
    }
}
