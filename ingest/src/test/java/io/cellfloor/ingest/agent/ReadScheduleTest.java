package io.cellfloor.ingest.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The file agent's timing and stopping rules. */
class ReadScheduleTest {
    @Test
    void shouldBeDueOnceTheIntervalHasPassed() {
        assertThat(ReadSchedule.due(1_999, 1_000, Duration.ofSeconds(1))).isFalse();
        assertThat(ReadSchedule.due(2_000, 1_000, Duration.ofSeconds(1))).isTrue();
    }

    @Test
    void shouldFinishAnImportedFileAtItsEnd() {
        assertThat(ReadSchedule.finishAtEnd(false, false)).isTrue();
    }

    @Test
    void shouldFinishAFollowedFileOnlyWhenANewerFileTookItsChannel() {
        assertThat(ReadSchedule.finishAtEnd(true, false)).isFalse();
        assertThat(ReadSchedule.finishAtEnd(true, true)).isTrue();
    }

    @Test
    void shouldStopAnImportOnlyWhenNoFileIsOpenAndTheLastPassReadNothing() {
        assertThat(ReadSchedule.done(false, false, false)).isTrue();
        assertThat(ReadSchedule.done(false, true, false)).isFalse();
        assertThat(ReadSchedule.done(false, false, true)).isFalse();
    }

    @Test
    void shouldNeverStopFollowingByItself() {
        assertThat(ReadSchedule.done(true, false, false)).isFalse();
    }

    @Test
    void shouldWaitThePollIntervalWhenIdleButNoMoreThanFiftyMillis() {
        assertThat(ReadSchedule.idleWait(Duration.ofMillis(20))).isEqualTo(Duration.ofMillis(20));
        assertThat(ReadSchedule.idleWait(Duration.ofSeconds(5))).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void shouldStampABatchWithItsFirstSampleElseTheFilesLastSampleElseTheWallClock() {
        assertThat(ReadSchedule.batchTimestamp(List.of(5_000L, 6_000L), 9_000, 100_000)).isEqualTo(5_000);
        assertThat(ReadSchedule.batchTimestamp(List.of(), 9_000, 100_000)).isEqualTo(9_000);
        assertThat(ReadSchedule.batchTimestamp(List.of(), -1, 100_000)).isEqualTo(100_000);
    }
}
