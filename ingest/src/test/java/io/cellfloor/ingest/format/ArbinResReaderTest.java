package io.cellfloor.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cellfloor.domain.Sample;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Arbin .res reader on a real file. {@code arbin/20160805_test001_45_cc_01.res} is from jepegit/cellpy
 * ({@code testdata/data/20160805_test001_45_cc_01.res}), MIT.
 */
class ArbinResReaderTest {
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    private static ReadLog read() throws Exception {
        return ReadLog.of(ArbinResReader.open(SharedData.file("arbin/20160805_test001_45_cc_01.res"),
                ReaderOptions.defaults().withZone(OSLO)));
    }

    @Test
    void shouldReadTheManifestsRowsAndCycles() throws Exception {
        final ReadLog log = read();
        // MANIFEST.md: 10261 data rows, 18 cycles
        assertThat(log.rejected()).isEmpty();
        assertThat(log.counts().dataRows()).isEqualTo(10261);
        assertThat(log.cycleIndices()).hasSize(18).startsWith(1).endsWith(18);
    }

    @Test
    void shouldReadTheTestsMetadataFromTheGlobalTable() throws Exception {
        final FileMetadata m = read().metadata();
        assertThat(m.testName()).isEqualTo("20160805_sic006_45_cc_01-01-003");
        assertThat(m.channel()).isEqualTo("3");
        assertThat(m.procedure()).isEqualTo("SiNODE\\24h_rest_3cyc_C20_100cyc_c10_MR.sdu");
        // Start_DateTime 42587.67804398148 (OLE days) = 2016-08-05 16:16:23 local
        assertThat(m.startTime()).isEqualTo(LocalDateTime.of(2016, 8, 5, 16, 16, 23).atZone(OSLO).toInstant());
    }

    @Test
    void shouldKeepDataPointOrderAndTestTime() throws Exception {
        final List<Sample> s = read().samples();
        // Data_Point 1 at Test_Time 300.0104819316021 s
        assertThat(s.get(0).voltageV()).isEqualTo(3.0976174);
        for (int i = 1; i < s.size(); i++) {
            assertThat(s.get(i).timeMs()).isGreaterThanOrEqualTo(s.get(i - 1).timeMs());
        }
    }

    @Test
    void shouldMatchTheInstrumentCapacitiesByCoulombCounting() throws Exception {
        // ~120 s sampling of ~1.7 mAh half-cycles at constant current: within 2 %
        for (final CycleTotals c : CycleTotals.of(read().samples())) {
            assertThat(c.countedChargeAh()).as("cycle %d charge", c.cycleIndex())
                    .isCloseTo(c.loggedChargeAh(), within(0.02 * c.loggedChargeAh() + 2e-6));
            assertThat(c.countedDischargeAh()).as("cycle %d discharge", c.cycleIndex())
                    .isCloseTo(c.loggedDischargeAh(), within(0.02 * c.loggedDischargeAh() + 2e-6));
        }
    }
}
