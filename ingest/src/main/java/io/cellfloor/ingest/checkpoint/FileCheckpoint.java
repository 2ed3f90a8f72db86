package io.cellfloor.ingest.checkpoint;

import java.util.Objects;

/**
 * Where the agent is in one cycler file: enough to resume it after a crash with no gap and no duplicate.
 *
 * @param path the file, as the agent found it
 * @param identity what the file looked like at the checkpoint (inode, size, first bytes)
 * @param lastLine the last line (or record) of the file whose row is in the spool or in the quarantine; 0 = none
 * @param channelId the channel the file's samples go to
 * @param testId the test id its batches carry (changes when the file is rewritten)
 * @param nextSequence the sequence number of the channel's next batch
 * @param quarantineBytes the length of the file's quarantine file at the checkpoint (longer after a crash is cut)
 * @param finished true once the file's end of test was sent
 */
public record FileCheckpoint(String path, FileIdentity identity, long lastLine, String channelId, String testId,
                             long nextSequence, long quarantineBytes, boolean finished) {
    public FileCheckpoint {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(testId, "testId");
    }
}
