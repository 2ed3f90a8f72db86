package io.cellfloor.ingest.format;

import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * OLE Automation dates, as MS-Access (and so Arbin .res) store wall-clock times: days since 1899-12-30 as a
 * double, in the PC's local time.
 */
final class OleDates {
    private static final long EPOCH_OFFSET_DAYS = 25_569L;

    private OleDates() {
    }

    /** Whether a number is plausibly an OLE date between 1955 and 2173 rather than epoch seconds. */
    static boolean isOleDate(final double value) {
        return value > 20_000 && value < 100_000;
    }

    static long epochMs(final double oleDays, final ZoneId zone) {
        return localToEpochMs(Math.round((oleDays - EPOCH_OFFSET_DAYS) * 86_400_000.0), zone);
    }

    /** Epoch ms of a wall-clock time given as ms since 1970-01-01T00:00 local. */
    static long localToEpochMs(final long localMs, final ZoneId zone) {
        final LocalDateTime local = LocalDateTime.ofEpochSecond(Math.floorDiv(localMs, 1000L),
                (int) Math.floorMod(localMs, 1000L) * 1_000_000, java.time.ZoneOffset.UTC);
        return local.atZone(zone).toInstant().toEpochMilli();
    }
}
