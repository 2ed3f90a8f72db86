package io.cellfloor.ingest.agent;

import io.cellfloor.ingest.checkpoint.FileIdentity;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over the agent's directories: each file listed is looked at and acted on as {@link Pickup} decides. A file
 * that goes away between the listing and the look (a cycler rotating its export) is skipped, since under its new
 * name it is listed again; one that cannot be looked at or opened is quarantined ({@link FileFailures}). Neither
 * stops the agent: one bad file must not hold up a station.
 */
final class DirectoryScan {
    private static final Logger LOG = LoggerFactory.getLogger(DirectoryScan.class);

    /** Reads one slice of an open file; false when it had nothing. */
    interface SliceReader {
        boolean read(TrackedFile f, long nowMs) throws IOException;
    }

    private final List<Path> directories;
    private final FileRegistry files;
    private final FileOpener opener;
    private final FileFailures failures;
    private final LongSupplier wallClockMs;
    private final SliceReader slices;

    DirectoryScan(final List<Path> directories, final FileRegistry files, final FileOpener opener,
                  final FileFailures failures, final LongSupplier wallClockMs, final SliceReader slices) {
        this.directories = List.copyOf(directories);
        this.files = files;
        this.opener = opener;
        this.failures = failures;
        this.wallClockMs = wallClockMs;
        this.slices = slices;
    }

    /** Lists the directories and starts reading new files; notices files truncated or rewritten. */
    void discover() throws IOException {
        for (final Path dir : directories) {
            for (final Path file : Discovery.list(dir)) {
                try {
                    consider(file);
                } catch (final NoSuchFileException gone) {
                    LOG.info("{} went away before it was picked up (renamed or deleted): {}", file,
                            gone.getMessage());
                } catch (final IOException | RuntimeException e) {
                    failures.cannotPickUp(file, e);
                }
            }
        }
    }

    private void consider(final Path file) throws IOException {
        final FileIdentity now = FileIdentity.of(file);
        final Pickup pickup = Pickup.decide(files.facts(file, now));
        switch (pickup.action()) {
            case NONE -> { }
            case REREAD_AS_NEW_TEST -> {
                final TrackedFile tracked = files.open(file);
                LOG.warn("{} was truncated, rewritten or replaced while being read: test {} ends once its reader is "
                        + "at the end; the file is read again as a new test", file, tracked.channel.testId());
                // the open reader still holds the old content (a renamed file is read to its end, not lost)
                tracked.supersede();
                while (!tracked.finished) {
                    slices.read(tracked, wallClockMs.getAsLong());
                }
                opener.open(file, now, null, true);
            }
            case IGNORE_RENAMED -> {
                if (files.ignore(file)) {
                    LOG.info("{} is {}: not read twice", file, pickup.reason());
                }
            }
            case START -> opener.open(file, now, null, false);
            case START_REWRITTEN -> {
                LOG.warn("{} {}: reading it again as a new test", file, pickup.reason());
                opener.open(file, now, null, true);
            }
            case WAIT_FOR_CHANNEL -> files.holderOf(pickup.previous().channelId(), file).supersede();
            case RESUME -> opener.open(file, now, pickup.previous(), false);
            default -> throw new IllegalStateException("unhandled pickup " + pickup);
        }
    }
}
