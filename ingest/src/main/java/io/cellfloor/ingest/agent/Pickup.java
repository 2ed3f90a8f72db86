package io.cellfloor.ingest.agent;

import io.cellfloor.ingest.checkpoint.FileCheckpoint;

/**
 * What the agent does with a file it found in a directory, and why: a pure function of {@link FileFacts}, written
 * as early returns in order of precedence, so that each rule is read, and tested, on its own.
 *
 * @param reason one line for the log and for a person reading a test failure
 * @param previous the file's checkpoint entry, for {@link Action#RESUME} (resume from it) and
 *                 {@link Action#WAIT_FOR_CHANNEL} (its channel); else null
 */
record Pickup(Action action, String reason, FileCheckpoint previous) {

    /** The agent's possible moves. */
    enum Action {
        /** Nothing to do now (being read, or read before). */
        NONE,
        /** The open reader's file changed: read what the reader still holds to its end, then start a new test. */
        REREAD_AS_NEW_TEST,
        /** The same file under a new name (rotation): never read twice. */
        IGNORE_RENAMED,
        /** A file the agent has not seen: start its test. */
        START,
        /** Changed since the checkpoint: start again as a new test. */
        START_REWRITTEN,
        /** Another open file holds the channel: that one ends at its end; this one waits. */
        WAIT_FOR_CHANNEL,
        /** Read before the crash or stop and not finished: go on after the checkpointed line. */
        RESUME
    }

    static Pickup decide(final FileFacts f) {
        if (f.tracked() && f.trackedSame()) {
            return new Pickup(Action.NONE, "being read", null);
        }
        if (f.tracked()) {
            return new Pickup(Action.REREAD_AS_NEW_TEST, "truncated, rewritten or replaced while being read", null);
        }
        if (f.renamedFrom() != null) {
            return new Pickup(Action.IGNORE_RENAMED, f.renamedFrom() + " renamed (same inode and first bytes)", null);
        }
        if (f.previous() == null) {
            return new Pickup(Action.START, "new file", null);
        }
        if (!f.previousSame()) {
            return new Pickup(Action.START_REWRITTEN, "changed since the checkpoint (truncated or rewritten)", null);
        }
        if (f.previous().finished()) {
            return new Pickup(Action.NONE, "read to its end before", null);
        }
        if (f.channelHolder() != null) {
            return new Pickup(Action.WAIT_FOR_CHANNEL, "channel " + f.previous().channelId() + " is still read from "
                    + f.channelHolder(), f.previous());
        }
        return new Pickup(Action.RESUME, "resuming after line " + f.previous().lastLine(), f.previous());
    }
}
