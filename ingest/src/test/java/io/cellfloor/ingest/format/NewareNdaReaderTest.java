package io.cellfloor.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cellfloor.domain.Direction;
import io.cellfloor.domain.Sample;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Neware .nda reader on a real BTS 9.1 file. {@code neware/TestFile.nda} is from Solid-Energy-Systems/NewareNDA
 * ({@code tests/nda/github/Issue72/TestFile.nda}), BSD-3-Clause. There is no text export of it here to compare
 * with, so the tests check what a wrong decoding could not pass: consecutive record indices, wall clocks in
 * order (test time), plausible voltages, and per-step capacities that equal our own coulomb count.
 */
class NewareNdaReaderTest {

    private static Path file() {
        return SharedData.file("neware/TestFile.nda");
    }

    private static ReadLog read() throws Exception {
        return ReadLog.of(NewareNdaReader.open(file(), ReaderOptions.defaults()));
    }

    @Test
    void shouldDecodeEveryRecordUpToTheFooter() throws Exception {
        final ReadLog log = read();
        assertThat(log.rejected()).isEmpty();
        assertThat(log.counts().accepted()).isEqualTo(6670);
        assertThat(log.cycleIndices()).containsExactly(1, 2, 3);
        assertThat(log.metadata().notes()).anyMatch(n -> n.contains("9.1.5.7"));
    }

    @Test
    void shouldDecodePlausibleSignedReadingsInOrder() throws Exception {
        final List<Sample> s = read().samples();
        // record 1: wall clock 2024-05-27 08:02:53.97 UTC at test time 0.01 s, 3.882 V at rest, 23.03 degC
        assertThat(s.get(0).timeMs()).isEqualTo(1_716_796_973_970L);
        // record 6670: test time 72373.26 s
        assertThat(s.get(s.size() - 1).timeMs()).isEqualTo(1_716_796_973_960L + 72_373_260L);
        assertThat(s.get(0).voltageV()).isCloseTo(3.882, within(1e-3));
        assertThat(s.get(0).temperatureC()).isCloseTo(23.03, within(0.01));
        assertThat(s.get(0).stepType()).isEqualTo(Direction.REST);
        // test time, unlike the file's wall clock, never runs back
        for (int i = 1; i < s.size(); i++) {
            assertThat(s.get(i).timeMs()).isGreaterThanOrEqualTo(s.get(i - 1).timeMs());
        }
        // a 4.2 V cell cycled down to 2.5 V (one record dips to 1.72 V under load)
        assertThat(s).allMatch(x -> x.voltageV() > 1.7 && x.voltageV() < 4.21);
        assertThat(s).filteredOn(x -> x.stepType() == Direction.DISCHARGE).allMatch(x -> x.currentA() < 0);
        assertThat(s).filteredOn(x -> x.stepType() == Direction.CHARGE).allMatch(x -> x.currentA() > 0);
        // the first discharge: about 3 A
        assertThat(s.get(183).currentA()).isCloseTo(-2.99, within(0.01));
    }

    @Test
    void shouldMatchTheInstrumentCapacitiesByCoulombCounting() throws Exception {
        for (final CycleTotals c : CycleTotals.of(read().samples())) {
            assertThat(c.countedChargeAh()).as("cycle %d charge", c.cycleIndex())
                    .isCloseTo(c.loggedChargeAh(), within(0.01 * c.loggedChargeAh() + 1e-4));
            assertThat(c.countedDischargeAh()).as("cycle %d discharge", c.cycleIndex())
                    .isCloseTo(c.loggedDischargeAh(), within(0.01 * c.loggedDischargeAh() + 1e-4));
        }
        // cycle 1: one 3 A discharge of 3.790 Ah
        assertThat(CycleTotals.of(read().samples()).get(0).dischargeAh()).isCloseTo(3.790168, within(1e-5));
    }

    @Test
    void shouldRejectATruncatedLastRecordWithoutThrowing() throws Exception {
        final byte[] all = Files.readAllBytes(file());
        final byte[] cut = Arrays.copyOf(all, 1024 + 56 * 10 + 20);
        final ReadLog log = ReadLog.of(new NewareNdaReader(Path.of("cut.nda"), ReaderOptions.defaults(),
                new ByteArrayInputStream(cut)));
        assertThat(log.counts().accepted()).isEqualTo(10);
        assertThat(log.rejected()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(11);
            assertThat(r.reason()).contains("truncated record: 20 of 56 bytes");
        });
    }

    @Test
    void shouldRejectARecordOfAnotherTypeAndGoOn() throws Exception {
        final byte[] all = Files.readAllBytes(file());
        final byte[] bad = Arrays.copyOf(all, 1024 + 56 * 10);
        bad[1024 + 56 * 4] = 0x42;
        final ReadLog log = ReadLog.of(new NewareNdaReader(Path.of("bad.nda"), ReaderOptions.defaults(),
                new ByteArrayInputStream(bad)));
        assertThat(log.counts().accepted()).isEqualTo(9);
        assertThat(log.rejected()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(5);
            assertThat(r.reason()).contains("record type 0x642");
        });
    }
}
