package io.cellfloor.ingest.agent;

import java.time.Duration;
import java.util.List;

/**
 * The file agent's timing and stopping rules as pure functions of wall time and state, so that each is tested
 * without a directory, a spool or a real clock.
 */
final class ReadSchedule {
    /** The most an idle agent waits before looking at its files again, however long the poll interval. */
    static final Duration MAX_IDLE_WAIT = Duration.ofMillis(50);

    private ReadSchedule() {
    }

    /** Whether a periodic task last run at {@code lastMs} is due again at {@code nowMs}. */
    static boolean due(final long nowMs, final long lastMs, final Duration interval) {
        return nowMs - lastMs >= interval.toMillis();
    }

    /** Whether a file whose reader is at its end has ended its test. */
    static boolean finishAtEnd(final boolean follow, final boolean superseded) {
        if (!follow) {
            return true; // importing finished files: the end of the file is the end of the test
        }
        return superseded; // following: the cycler may append more, unless a newer file or a rewrite took over
    }

    /** Whether the agent's run is over by itself (a following agent runs until told to stop). */
    static boolean done(final boolean follow, final boolean anyOpen, final boolean readAny) {
        if (follow) {
            return false; // new rows or files may come at any time
        }
        if (anyOpen) {
            return false; // files still being imported
        }
        return !readAny; // the last slice read nothing: every file is finished
    }

    /** How long to wait when a pass over the files read nothing. */
    static Duration idleWait(final Duration pollInterval) {
        return pollInterval.compareTo(MAX_IDLE_WAIT) < 0 ? pollInterval : MAX_IDLE_WAIT;
    }

    /** The record time of a batch: its first sample, else the file's last sample, else the wall clock. */
    static long batchTimestamp(final List<Long> sampleTimesMs, final long lastSampleMs, final long nowMs) {
        if (!sampleTimesMs.isEmpty()) {
            return sampleTimesMs.get(0); // event time, so backfills keep their history
        }
        if (lastSampleMs >= 0) {
            return lastSampleMs; // an empty end-of-test batch closes where the file's samples ended
        }
        return nowMs; // a file with no sample at all
    }
}
