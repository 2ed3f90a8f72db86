package io.cellfloor.ingest.agent;

import io.cellfloor.ingest.format.CyclerFormat;
import io.cellfloor.ingest.format.ReaderOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link FileAgent} reads and how.
 *
 * @param stationId the station id every batch carries
 * @param directories the cycler PC's export directories to read
 * @param follow true to follow files as the cycler appends (never finishes a file until a newer one takes its
 *               channel or it is rewritten); false to import finished files once (backfill) and stop
 * @param format the files' format, or null to sniff each file's content
 * @param channels file name to channel rules, first match wins; empty: every file is its own channel (its name)
 * @param options how to read files (zone, plausibility limits); {@code following()} is applied in follow mode
 * @param quarantineDir where each file's rejected rows go ({@code <file name>.quarantine})
 * @param pollInterval how often directories are listed and idle files looked at again
 * @param checkpointInterval how often the spool is forced to disk and a checkpoint written; records are sent to
 *                           Kafka only once a checkpoint covers them, so this is also the added latency
 * @param readers how many threads read, parse and serialize files at once (a channel's files always on one thread,
 *                so its batches stay in order); 1 reads on the agent's own thread. A backfill of many files wants
 *                one per core: parsing, not Kafka, is what limits it
 */
public record FileAgentSettings(String stationId, List<Path> directories, boolean follow, CyclerFormat format,
                                List<ChannelRule> channels, ReaderOptions options, Path quarantineDir,
                                Duration pollInterval, Duration checkpointInterval, AgentSettings batching,
                                int readers) {
    public FileAgentSettings {
        Objects.requireNonNull(stationId, "stationId");
        directories = List.copyOf(directories);
        channels = List.copyOf(channels);
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(quarantineDir, "quarantineDir");
        Objects.requireNonNull(batching, "batching");
        if (directories.isEmpty()) {
            throw new IllegalArgumentException("the agent needs at least one directory to read");
        }
        if (readers < 1) {
            throw new IllegalArgumentException("readers must be at least 1, got " + readers);
        }
    }

    /** Settings that read on the agent's own thread, as before parallel backfill. */
    public FileAgentSettings(final String stationId, final List<Path> directories, final boolean follow,
                             final CyclerFormat format, final List<ChannelRule> channels, final ReaderOptions options,
                             final Path quarantineDir, final Duration pollInterval, final Duration checkpointInterval,
                             final AgentSettings batching) {
        this(stationId, directories, follow, format, channels, options, quarantineDir, pollInterval,
                checkpointInterval, batching, 1);
    }

    /** These settings with {@code n} reading threads. */
    public FileAgentSettings withReaders(final int n) {
        return new FileAgentSettings(stationId, directories, follow, format, channels, options, quarantineDir,
                pollInterval, checkpointInterval, batching, n);
    }
}
