package io.cellfloor.ingest.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/** The backfill progress line: files, rows, rows/s and an ETA from the row density of the finished files. */
class BackfillProgressTest {

    @Test
    void shouldEstimateTheRestFromTheFilesFinishedSoFar() {
        final BackfillProgress p = new BackfillProgress(new PrintStream(new ByteArrayOutputStream()), 5_000,
                4_000, 4, 0);
        p.fileStarted();
        p.rows(100);
        p.fileFinished(1_000, 100);

        assertThat(p.line(10_000)).isEqualTo("backfill: 1/4 files | 100 rows | 10 rows/s | 10.0 s | ETA 30 s");
    }

    @Test
    void shouldSayDoneWhenEveryFileIsFinished() {
        final BackfillProgress p = new BackfillProgress(new PrintStream(new ByteArrayOutputStream()), 5_000,
                1_000, 1, 0);
        p.rows(100);
        p.fileFinished(1_000, 100);
        assertThat(p.line(2_000)).endsWith("ETA done");
    }
}
