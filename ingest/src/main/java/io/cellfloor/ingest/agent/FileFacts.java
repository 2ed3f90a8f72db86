package io.cellfloor.ingest.agent;

import io.cellfloor.ingest.checkpoint.FileCheckpoint;

/**
 * What the agent knows about one file it found in a directory, gathered (with the file-system reads that takes)
 * before {@link Pickup#decide} chooses what to do with it; kept apart so that the choice is a pure function.
 *
 * @param tracked an open reader has this path
 * @param trackedSame the file at the path is still the one that reader reads (same inode, not shorter, same head)
 * @param renamedFrom the path this same file was read under before a rename (rotation), or null
 * @param previous this path's entry in the checkpoint, or null when the agent never read it
 * @param previousSame the file is still the one {@code previous} describes, possibly grown
 * @param channelHolder another open file's path on {@code previous}'s channel, or null when the channel is free
 */
record FileFacts(boolean tracked, boolean trackedSame, String renamedFrom, FileCheckpoint previous,
                 boolean previousSame, String channelHolder) {
}
