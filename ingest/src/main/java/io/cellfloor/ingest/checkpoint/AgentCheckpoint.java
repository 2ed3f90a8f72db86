package io.cellfloor.ingest.checkpoint;

import io.cellfloor.ingest.spool.SpoolPosition;
import java.util.List;

/**
 * The per-file checkpoints of one agent and the spool end they correspond to, written as one file so that they
 * always agree with each other and with the spool: every row up to a file's {@code lastLine} is in the spool
 * before {@code spoolEnd} (or in the quarantine), and nothing after {@code spoolEnd} was ever sent.
 */
public record AgentCheckpoint(SpoolPosition spoolEnd, List<FileCheckpoint> files) {
    public static final AgentCheckpoint EMPTY = new AgentCheckpoint(SpoolPosition.START, List.of());

    public AgentCheckpoint {
        files = List.copyOf(files);
    }
}
