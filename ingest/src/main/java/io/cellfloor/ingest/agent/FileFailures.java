package io.cellfloor.ingest.agent;

import io.cellfloor.ingest.format.RejectedRow;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files the agent gives up on, each with its reason in its quarantine file (as a line 0 or the last line read,
 * reason {@code file unreadable: ...}) and counted in {@code cellfloor.agent.files.quarantined}, so that an operator
 * sees which file and why while the agent goes on with the others.
 */
final class FileFailures {
    private static final Logger LOG = LoggerFactory.getLogger(FileFailures.class);

    private final Path quarantineDir;
    private final FileRegistry files;
    private final Counter quarantined;

    FileFailures(final Path quarantineDir, final FileRegistry files, final MeterRegistry registry) {
        this.quarantineDir = quarantineDir;
        this.files = files;
        this.quarantined = registry.counter("cellfloor.agent.files.quarantined");
    }

    /** An open file failed mid-read; the caller ends its test at what was read. */
    void gaveUp(final TrackedFile f, final UnreadableFileException e) throws IOException {
        LOG.error("{}; its test ends at what was read, the reason is in {}", e.getMessage(), f.quarantine.file());
        f.quarantine.write(new RejectedRow(f.path, f.checkpoint(0).lastLine(), "file unreadable: " + e.getCause(),
                ""));
        quarantined.increment();
    }

    /** A file that could not be looked at or opened: noted once, not tried again while the agent runs. */
    void cannotPickUp(final Path file, final Exception e) throws IOException {
        if (!files.ignore(file)) {
            return;
        }
        LOG.error("{} cannot be picked up and is skipped: {}", file, e.toString());
        try (Quarantine q = new Quarantine(quarantineDir.resolve(file.getFileName() + ".quarantine"))) {
            q.write(new RejectedRow(file, 0, "file unreadable: " + e, ""));
            q.sync();
        }
        quarantined.increment();
    }
}
