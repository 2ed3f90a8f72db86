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
 */
public record FileAgentSettings(String stationId, List<Path> directories, boolean follow, CyclerFormat format,
                                List<ChannelRule> channels, ReaderOptions options, Path quarantineDir,
                                Duration pollInterval, Duration checkpointInterval, AgentSettings batching) {
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
    }
}
