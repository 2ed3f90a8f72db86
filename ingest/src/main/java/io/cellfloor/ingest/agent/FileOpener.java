package io.cellfloor.ingest.agent;

import io.cellfloor.ingest.ChannelInfo;
import io.cellfloor.ingest.FileSource;
import io.cellfloor.ingest.checkpoint.FileCheckpoint;
import io.cellfloor.ingest.checkpoint.FileIdentity;
import io.cellfloor.ingest.format.CyclerFileReader;
import io.cellfloor.ingest.format.FormatSniffer;
import io.cellfloor.ingest.format.ReaderOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks a cycler file up once {@link Pickup} said to: gives it its channel and test ({@link ChannelAssignment}),
 * waits while another file holds the channel, opens its reader (sniffing the format unless one is configured) and
 * its quarantine, registers it and announces its cell test. A file it cannot read throws, for the caller to
 * quarantine.
 */
final class FileOpener {
    private static final Logger LOG = LoggerFactory.getLogger(FileOpener.class);

    private final FileAgentSettings settings;
    private final FileRegistry files;
    private final FileOutput output;
    private final LongSupplier wallClockMs;

    FileOpener(final FileAgentSettings settings, final FileRegistry files, final FileOutput output,
               final LongSupplier wallClockMs) {
        this.settings = settings;
        this.files = files;
        this.output = output;
        this.wallClockMs = wallClockMs;
    }

    /**
     * @param resume the checkpoint entry to go on from, or null to read from the first line
     * @param rewritten true when the file is read again as a new test after it was truncated or rewritten
     */
    void open(final Path file, final FileIdentity identity, final FileCheckpoint resume, final boolean rewritten)
            throws IOException {
        final String name = file.getFileName().toString();
        final ChannelAssignment assigned = ChannelAssignment.of(name, FileSource.baseName(file), settings.channels(),
                resume, rewritten, wallClockMs.getAsLong());
        if (assigned == null) {
            if (files.ignore(file)) {
                LOG.info("{} matches no channel rule: not read", file);
            }
            return;
        }
        final TrackedFile holder = files.holderOf(assigned.channelId(), file);
        if (holder != null) {
            holder.supersede();
            return;
        }
        // a file that cannot be read as a cycler file throws: the scan quarantines it with the reason
        final CyclerFileReader reader = reader(file);
        final Quarantine quarantine = new Quarantine(settings.quarantineDir().resolve(name + ".quarantine"));
        quarantine.reopen(resume == null ? 0 : resume.quarantineBytes());
        final ChannelInfo channel = new ChannelInfo(settings.stationId(), assigned.channelId(), assigned.testId(),
                assigned.cell());
        final TrackedFile tracked = new TrackedFile(file, identity, reader, channel, quarantine,
                settings.batching().maxSamples(), resume == null ? 0 : resume.nextSequence(),
                resume == null ? 0 : resume.lastLine());
        files.opened(tracked, resume == null);
        LOG.info("picked up {} ({}) as channel {}, test {}{}", file, reader.metadata().format(), channel.channelId(),
                channel.testId(), resume == null ? "" : ", resuming after line " + resume.lastLine());
        output.started(channel);
    }

    private CyclerFileReader reader(final Path file) throws IOException {
        final ReaderOptions options = settings.follow() ? settings.options().following() : settings.options();
        return settings.format() == null ? FormatSniffer.open(file, options)
                : FormatSniffer.open(file, settings.format(), options);
    }
}
