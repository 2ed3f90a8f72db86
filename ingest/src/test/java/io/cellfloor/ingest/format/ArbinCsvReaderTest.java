package io.cellfloor.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cellfloor.domain.Sample;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Arbin CSV reader on a real export. {@code arbin/arbin_example.csv} is from ROVI-org/battery-data-toolkit
 * ({@code tests/files/arbin_example.csv}), Apache-2.0.
 */
class ArbinCsvReaderTest {

    private static ReadLog read() throws Exception {
        final Path file = SharedData.file("arbin/arbin_example.csv");
        return ReadLog.of(ArbinCsvReader.open(file, ReaderOptions.defaults()));
    }

    @Test
    void shouldAcceptEveryRowOfTheExample() throws Exception {
        final ReadLog log = read();
        assertThat(log.rejected()).isEmpty();
        assertThat(log.counts().dataRows()).isEqualTo(2142);
        assertThat(log.counts().lines()).isEqualTo(2143);
        assertThat(log.cycleIndices()).containsExactly(1, 2);
    }

    @Test
    void shouldTakeTimesFromTheEpochSecondsAndTestTime() throws Exception {
        final List<Sample> s = read().samples();
        assertThat(s.get(0).timeMs()).isEqualTo(1_499_006_353_000L);
        // Test_Time 5.0275 s after the first row
        assertThat(s.get(1).timeMs()).isEqualTo(1_499_006_353_000L + 5_028L);
        assertThat(s.get(0).temperatureC()).isEqualTo(29.18314);
        assertThat(s.get(1).currentA()).isEqualTo(1.0999289);
        assertThat(s.get(1).stepIndex()).isEqualTo(11);
    }

    @Test
    void shouldMatchTheInstrumentCapacitiesByCoulombCounting() throws Exception {
        // 5 s sampling: the trapezoidal rule reproduces the instrument's own counters closely
        for (final CycleTotals c : CycleTotals.of(read().samples())) {
            assertThat(c.countedChargeAh()).as("cycle %d charge", c.cycleIndex())
                    .isCloseTo(c.loggedChargeAh(), within(0.005 * c.loggedChargeAh() + 1e-4));
            assertThat(c.countedDischargeAh()).as("cycle %d discharge", c.cycleIndex())
                    .isCloseTo(c.loggedDischargeAh(), within(0.005 * c.loggedDischargeAh() + 1e-4));
        }
    }
}
