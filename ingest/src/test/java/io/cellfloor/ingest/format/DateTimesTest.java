package io.cellfloor.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DateTimesTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static long epoch(final String s) {
        final byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return new DateTimes(BERLIN).epochMs(b, 0, b.length);
    }

    private static double seconds(final String s) {
        final byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return DateTimes.durationSeconds(b, 0, b.length);
    }

    private static long berlin(final int y, final int mo, final int d, final int h, final int mi, final int s) {
        return LocalDateTime.of(y, mo, d, h, mi, s).atZone(BERLIN).toInstant().toEpochMilli();
    }

    @Test
    void shouldReadIsoAndUsDateTimesInTheGivenZone() {
        assertThat(epoch("2022-05-18 16:27:52")).isEqualTo(berlin(2022, 5, 18, 16, 27, 52));
        assertThat(epoch("05/05/2021 15:36:22.757")).isEqualTo(berlin(2021, 5, 5, 15, 36, 22) + 757);
        assertThat(epoch("12/11/2020 12:22:12 PM")).isEqualTo(berlin(2020, 12, 11, 12, 22, 12));
        assertThat(epoch("12/11/2020 12:22:12 AM")).isEqualTo(berlin(2020, 12, 11, 0, 22, 12));
        assertThat(epoch("2020-12-11T01:02:03")).isEqualTo(berlin(2020, 12, 11, 1, 2, 3));
    }

    @Test
    void shouldFollowDaylightSavingTime() {
        // winter +01:00, summer +02:00
        assertThat(epoch("2021-01-10 12:00:00")).isEqualTo(1_610_276_400_000L);
        assertThat(epoch("2021-07-10 12:00:00")).isEqualTo(1_625_911_200_000L);
    }

    @Test
    void shouldRefuseWhatIsNotADateTime() {
        assertThat(epoch("10/10/2019")).isEqualTo(DateTimes.INVALID);
        assertThat(epoch("2022-13-18 16:27:52")).isEqualTo(DateTimes.INVALID);
        assertThat(epoch("yesterday")).isEqualTo(DateTimes.INVALID);
        assertThat(epoch("")).isEqualTo(DateTimes.INVALID);
    }

    @Test
    void shouldReadCyclerDurations() {
        assertThat(seconds("144:02:18")).isEqualTo(144 * 3600 + 2 * 60 + 18);
        assertThat(seconds("  0d 00:00:5.05000019073486")).isEqualTo(5.05000019073486);
        assertThat(seconds("2d 02:51:21.5")).isEqualTo(2 * 86400 + 2 * 3600 + 51 * 60 + 21.5);
        assertThat(seconds("02:30")).isEqualTo(150);
        assertThat(seconds("12")).isNaN();
        assertThat(seconds("1:2:3:4")).isNaN();
    }
}
