package io.cellfloor.ingest.agent;

import io.cellfloor.avro.CellTest;
import io.cellfloor.avro.DeadLetter;
import io.cellfloor.avro.SampleBatch;
import io.cellfloor.ingest.checkpoint.AgentCheckpoint;
import io.cellfloor.ingest.checkpoint.CheckpointStore;
import io.cellfloor.ingest.checkpoint.FileCheckpoint;
import io.cellfloor.ingest.publish.SpoolPublisher;
import io.cellfloor.ingest.spool.Spool;
import io.cellfloor.ingest.spool.SpoolPosition;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station agent for cycler files: reads the files of a cycler PC's export directories (following them as they
 * grow, or importing finished ones) and loses nothing on the way to Kafka.
 *
 * <p>How: every batch, cell test and dead letter goes into the {@link Spool} through a {@link SpoolPublisher} (a
 * {@code SpoolDrainer} sends it on); every rejected row also goes to the file's quarantine. Every
 * {@code checkpointInterval} the agent closes the open batches, forces spool and quarantines to disk, writes the
 * {@link AgentCheckpoint} (each file's last line and its channel's next sequence number) and only then lets the
 * drainer send what the checkpoint covers. After a crash, {@link #open} cuts the spool and the quarantines back to
 * the checkpoint, and the files are read again from the start with the rows up to the checkpointed line skipped:
 * the batches produced again get the same numbers they would have had, and none that was sent is produced again.
 *
 * <p>Files are read a slice at a time by an {@link OpenFileReader}, on reader threads in a backfill.
 *
 * <p>This class only sequences; the rules live in pure functions tested alone: what to do with a file found
 * ({@link Pickup}), its channel and test ({@link ChannelAssignment}), timing and stopping ({@link ReadSchedule}).
 *
 * <p>Counters: {@code cellfloor.agent.samples.read} (rows read: accepted and rejected),
 * {@code cellfloor.agent.rows.quarantined}, {@code cellfloor.agent.files.quarantined} (files given up on: vanished,
 * locked, unreadable or corrupt, each with its reason in its quarantine file); the drainer counts
 * {@code cellfloor.agent.samples.published}. Once the spool is drained, read = published + quarantined. Gauges
 * {@code cellfloor.agent.files.active}, {@code cellfloor.agent.spool.full} (1 while reading is paused because the
 * spool reached its size cap).
 */
public final class FileAgent implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FileAgent.class);

    private final FileAgentSettings settings;
    private final SpoolPublisher publisher;
    private final CheckpointStore store;
    private final FileOutput output;
    private final FileRegistry files;
    private final FileOpener opener;
    private final LongSupplier wallClockMs;
    private final Sleeper sleeper;
    private final DirectoryScan scan;
    private final OpenFileReader reader;
    private long lastCheckpointMs;
    private long lastDiscoveryMs = Long.MIN_VALUE / 2;

    private FileAgent(final FileAgentSettings settings, final CheckpointStore store, final AgentCheckpoint checkpoint,
                      final FileOutput output, final MeterRegistry registry, final LongSupplier wallClockMs,
                      final Sleeper sleeper) {
        this.settings = settings;
        this.publisher = output.publisher();
        this.store = store;
        this.output = output;
        this.files = new FileRegistry(checkpoint.files());
        this.opener = new FileOpener(settings, files, output, wallClockMs);
        this.wallClockMs = wallClockMs;
        this.sleeper = sleeper;
        registry.gauge("cellfloor.agent.files.active", files.active(), Map::size);
        // 1 while reading is paused for a full spool: nothing is lost, but the station's data waits on this disk
        registry.gauge("cellfloor.agent.spool.full", publisher, p -> p.isFull() ? 1 : 0);
        final FileFailures failures = new FileFailures(settings.quarantineDir(), files, registry);
        this.reader = new OpenFileReader(settings, output, files, failures);
        this.scan = new DirectoryScan(settings.directories(), files, opener, failures, wallClockMs,
                reader::readOrGiveUp);
        this.lastCheckpointMs = wallClockMs.getAsLong();
    }

    /**
     * Opens the agent over the spool and checkpoint in their directories, cutting the spool back to the last
     * checkpoint. Start a {@code SpoolDrainer} on {@link #spool()} to send.
     *
     * @param progress where backfill progress goes, or null for none
     */
    public static FileAgent open(final FileAgentSettings settings, final Path spoolDir, final long spoolMaxBytes,
                                 final Path checkpointDir, final Serializer<SampleBatch> batches,
                                 final Serializer<CellTest> cellTests, final Serializer<DeadLetter> deadLetters,
                                 final MeterRegistry registry, final LongSupplier wallClockMs,
                                 final BackfillProgress progress) throws IOException {
        return open(settings, spoolDir, spoolMaxBytes, checkpointDir, batches, cellTests, deadLetters, registry,
                wallClockMs, progress, Sleeper.system());
    }

    /** As the other {@code open}, waiting through {@code sleeper}: tests pass one that does not sleep. */
    public static FileAgent open(final FileAgentSettings settings, final Path spoolDir, final long spoolMaxBytes,
                                 final Path checkpointDir, final Serializer<SampleBatch> batches,
                                 final Serializer<CellTest> cellTests, final Serializer<DeadLetter> deadLetters,
                                 final MeterRegistry registry, final LongSupplier wallClockMs,
                                 final BackfillProgress progress, final Sleeper sleeper) throws IOException {
        final CheckpointStore store = new CheckpointStore(checkpointDir);
        final AgentCheckpoint checkpoint = store.load();
        final long segment = Math.max(1024, Math.min(16L << 20, spoolMaxBytes / 8));
        final Spool spool = Spool.open(spoolDir, spoolMaxBytes, segment, checkpoint.spoolEnd());
        if (!checkpoint.files().isEmpty()) {
            LOG.info("resuming from checkpoint {}: {} file(s), spool end {}", store.file(), checkpoint.files().size(),
                    checkpoint.spoolEnd());
        }
        final FileOutput output = new FileOutput(new SpoolPublisher(spool, wallClockMs),
                new FileOutput.Serializers(batches, cellTests, deadLetters), registry, wallClockMs, progress);
        return new FileAgent(settings, store, checkpoint, output, registry, wallClockMs, sleeper);
    }

    public Spool spool() {
        return publisher.spool();
    }

    /**
     * Reads until {@code keepGoing} says stop or, when not following, every file is finished; then writes a last
     * checkpoint. While the spool is full it reads nothing (back-pressure).
     */
    public void run(final BooleanSupplier keepGoing) throws IOException, InterruptedException {
        boolean announcedFull = false;
        while (keepGoing.getAsBoolean()) {
            final long now = wallClockMs.getAsLong();
            if (publisher.isFull()) {
                if (!announcedFull) {
                    LOG.warn("the spool is full ({} bytes of {}): reading paused until Kafka takes records again",
                            spool().bytes(), spool().maxBytes());
                    announcedFull = true;
                }
                checkpoint();
                sleeper.sleep(settings.pollInterval());
                continue;
            }
            if (announcedFull) {
                LOG.info("the spool has room again ({} bytes): reading resumes", spool().bytes());
                announcedFull = false;
            }
            if (ReadSchedule.due(now, lastDiscoveryMs, settings.pollInterval())) {
                scan.discover();
                lastDiscoveryMs = now;
            }
            final boolean any = reader.readOpenFiles(now);
            if (ReadSchedule.due(now, lastCheckpointMs, settings.checkpointInterval())) {
                checkpoint();
            }
            output.maybePrintProgress();
            if (ReadSchedule.done(settings.follow(), !files.active().isEmpty(), any)) {
                break;
            }
            if (!any) {
                sleeper.sleep(ReadSchedule.idleWait(settings.pollInterval()));
            }
        }
        checkpoint();
        output.printProgress();
    }

    /**
     * Closes the open batches, forces spool and quarantines to disk, writes the checkpoint, then lets the drainer
     * send everything it covers.
     */
    public void checkpoint() throws IOException {
        final List<FileCheckpoint> entries = new ArrayList<>();
        for (final TrackedFile f : files.active().values()) {
            final SampleBatch open = f.drainBatch(false);
            if (open != null) {
                output.batch(f, open);
            }
            f.refreshSize();
            entries.add(f.checkpoint(f.quarantine.sync()));
        }
        entries.addAll(files.notOpen());
        final SpoolPosition end = publisher.sync();
        store.save(new AgentCheckpoint(end, entries));
        publisher.release(end);
        lastCheckpointMs = wallClockMs.getAsLong();
    }

    /** Writes a last checkpoint and closes the files and the spool; the drainer is closed by its owner first. */
    @Override
    public void close() throws IOException {
        reader.close();
        checkpoint();
        for (final TrackedFile f : files.active().values()) {
            f.close();
        }
        files.active().clear();
        spool().close();
    }
}
