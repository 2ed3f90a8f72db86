package io.cellfloor.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readers over a file the cycler is still writing: only complete lines, and appended rows come out later. */
class FollowingTest {
    private static final String HEADER = "Data_Point,Test_Time,Cycle_Index,Current,Voltage\n";

    @TempDir
    Path dir;

    private static void append(final Path f, final String text) throws Exception {
        Files.writeString(f, text, StandardCharsets.US_ASCII, StandardOpenOption.APPEND);
    }

    @Test
    void shouldHoldAHalfWrittenLineUntilItsEndArrives() throws Exception {
        final Path f = dir.resolve("growing.csv");
        Files.writeString(f, HEADER + "1,0,1,0.5,3.1\n2,1,1,0.5,3.2", StandardCharsets.US_ASCII);
        try (CyclerFileReader r = ArbinCsvReader.open(f, ReaderOptions.defaults().following())) {
            assertThat(r.next()).isInstanceOf(AcceptedRow.class);
            assertThat(r.next()).as("line 3 has no end yet").isNull();
            append(f, "5\n3,2,1,0.5,3.3\n");
            final AcceptedRow second = (AcceptedRow) r.next();
            assertThat(second.line()).isEqualTo(3);
            assertThat(second.sample().voltageV()).isEqualTo(3.25);
            assertThat(((AcceptedRow) r.next()).line()).isEqualTo(4);
            assertThat(r.next()).isNull();
            assertThat(r.counts().lines()).isEqualTo(4);
        }
    }

    @Test
    void shouldReadAHalfWrittenLastLineWhenNotFollowing() throws Exception {
        final Path f = dir.resolve("done.csv");
        Files.writeString(f, HEADER + "1,0,1,0.5,3.1\n2,1,1,0.5,3.2", StandardCharsets.US_ASCII);
        final ReadLog log = ReadLog.of(ArbinCsvReader.open(f, ReaderOptions.defaults()));
        assertThat(log.accepted()).hasSize(2);
    }
}
