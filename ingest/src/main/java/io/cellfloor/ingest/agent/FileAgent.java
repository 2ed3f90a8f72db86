package io.cellfloor.ingest.agent;

import io.cellfloor.avro.CellTest;
import io.cellfloor.avro.DeadLetter;
import io.cellfloor.avro.SampleBatch;
import io.cellfloor.ingest.ChannelInfo;
import io.cellfloor.ingest.FileSource;
import io.cellfloor.ingest.checkpoint.AgentCheckpoint;
import io.cellfloor.ingest.checkpoint.CheckpointStore;
import io.cellfloor.ingest.checkpoint.FileCheckpoint;
import io.cellfloor.ingest.checkpoint.FileIdentity;
import io.cellfloor.ingest.format.CyclerFileReader;
import io.cellfloor.ingest.format.FormatSniffer;
import io.cellfloor.ingest.format.ReaderOptions;
import io.cellfloor.ingest.format.RejectedRow;
import io.cellfloor.ingest.spool.Spool;
import io.cellfloor.ingest.spool.SpoolPosition;
import io.cellfloor.ingest.spool.SpoolRecord;
import io.cellfloor.schema.AvroMapping;
import io.cellfloor.schema.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station agent for cycler files: reads the files of a cycler PC's export directories (following them as they
 * grow, or importing finished ones) and loses nothing on the way to Kafka.
 *
 * <p>How: every batch, cell test and dead letter is appended to the {@link Spool} (a {@code SpoolDrainer} sends
 * it on); every rejected row also goes to the file's quarantine. Every {@code checkpointInterval} the agent closes
 * the open batches, forces spool and quarantines to disk, writes the {@link AgentCheckpoint} (each file's last
 * line and its channel's next sequence number) and only then lets the drainer send what the checkpoint covers.
 * After a crash, {@link #open} cuts the spool and the quarantines back to the checkpoint, and the files are read
 * again from the start with the rows up to the checkpointed line skipped: the batches produced again get the same
 * numbers they would have had, and none that was sent is produced again.
 *
 * <p>Counters: {@code cellfloor.agent.samples.read} (rows read: accepted and rejected),
 * {@code cellfloor.agent.rows.quarantined}; the drainer counts {@code cellfloor.agent.samples.published}. Once the
 * spool is drained, read = published + quarantined. Gauge {@code cellfloor.agent.files.active}.
 */
public final class FileAgent implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FileAgent.class);
    private static final int ROWS_PER_SLICE = 10_000;

    private final FileAgentSettings settings;
    private final Spool spool;
    private final CheckpointStore store;
    private final Serializer<SampleBatch> batches;
    private final Serializer<CellTest> cellTests;
    private final Serializer<DeadLetter> deadLetters;
    private final LongSupplier wallClockMs;
    private final Counter read;
    private final Counter quarantined;
    private final Map<Path, TrackedFile> active = new LinkedHashMap<>();
    private final Map<String, FileCheckpoint> known = new HashMap<>();
    private final Map<Path, String> ignored = new HashMap<>();
    /** Identities of files read to their end in this run, whatever their path is now (rotation by rename). */
    private final Map<FileIdentity, String> retired = new HashMap<>();
    private final BackfillProgress progress;
    private long lastCheckpointMs;
    private long lastDiscoveryMs = Long.MIN_VALUE / 2;

    private FileAgent(final FileAgentSettings settings, final Spool spool, final CheckpointStore store,
                      final AgentCheckpoint checkpoint, final Serializer<SampleBatch> batches,
                      final Serializer<CellTest> cellTests, final Serializer<DeadLetter> deadLetters,
                      final MeterRegistry registry, final LongSupplier wallClockMs, final BackfillProgress progress) {
        this.settings = settings;
        this.spool = spool;
        this.store = store;
        this.batches = batches;
        this.cellTests = cellTests;
        this.deadLetters = deadLetters;
        this.wallClockMs = wallClockMs;
        this.progress = progress;
        this.read = registry.counter("cellfloor.agent.samples.read");
        this.quarantined = registry.counter("cellfloor.agent.rows.quarantined");
        registry.gauge("cellfloor.agent.files.active", active, Map::size);
        checkpoint.files().forEach(f -> known.put(f.path(), f));
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
        final CheckpointStore store = new CheckpointStore(checkpointDir);
        final AgentCheckpoint checkpoint = store.load();
        final long segment = Math.max(1024, Math.min(16L << 20, spoolMaxBytes / 8));
        final Spool spool = Spool.open(spoolDir, spoolMaxBytes, segment, checkpoint.spoolEnd());
        if (!checkpoint.files().isEmpty()) {
            LOG.info("resuming from checkpoint {}: {} file(s), spool end {}", store.file(), checkpoint.files().size(),
                    checkpoint.spoolEnd());
        }
        return new FileAgent(settings, spool, store, checkpoint, batches, cellTests, deadLetters, registry,
                wallClockMs, progress);
    }

    public Spool spool() {
        return spool;
    }

    boolean following() {
        return settings.follow();
    }

    int maxSamples() {
        return settings.batching().maxSamples();
    }

    void countRead() {
        read.increment();
    }

    /**
     * Reads until {@code keepGoing} says stop or, when not following, every file is finished; then writes a last
     * checkpoint. While the spool is full it reads nothing (back-pressure).
     */
    public void run(final BooleanSupplier keepGoing) throws IOException, InterruptedException {
        boolean announcedFull = false;
        while (keepGoing.getAsBoolean()) {
            final long now = wallClockMs.getAsLong();
            if (spool.isFull()) {
                if (!announcedFull) {
                    LOG.warn("the spool is full ({} bytes of {}): reading paused until Kafka takes records again",
                            spool.bytes(), spool.maxBytes());
                    announcedFull = true;
                }
                checkpoint();
                Thread.sleep(settings.pollInterval().toMillis());
                continue;
            }
            if (announcedFull) {
                LOG.info("the spool has room again ({} bytes): reading resumes", spool.bytes());
                announcedFull = false;
            }
            if (now - lastDiscoveryMs >= settings.pollInterval().toMillis()) {
                discover();
                lastDiscoveryMs = now;
            }
            boolean any = false;
            for (final TrackedFile f : new ArrayList<>(active.values())) {
                any |= f.read(this, ROWS_PER_SLICE, now);
            }
            if (now - lastCheckpointMs >= settings.checkpointInterval().toMillis()) {
                checkpoint();
            }
            if (progress != null) {
                progress.maybePrint(now);
            }
            if (!settings.follow() && active.isEmpty() && !any) {
                break;
            }
            if (!any) {
                Thread.sleep(Math.min(50, settings.pollInterval().toMillis()));
            }
        }
        checkpoint();
        if (progress != null) {
            progress.print(wallClockMs.getAsLong());
        }
    }

    /** Lists the directories and starts reading new files; notices files truncated or rewritten. */
    void discover() throws IOException {
        for (final Path dir : settings.directories()) {
            if (!Files.isDirectory(dir)) {
                LOG.warn("{} is not a directory (yet); nothing read from it", dir);
                continue;
            }
            final List<Path> files;
            try (Stream<Path> list = Files.list(dir)) {
                files = list.filter(Files::isRegularFile)
                        .filter(p -> !p.getFileName().toString().startsWith("."))
                        .sorted(Comparator.comparing(FileAgent::modified).thenComparing(Path::toString)).toList();
            }
            for (final Path file : files) {
                consider(file.toAbsolutePath());
            }
        }
    }

    private void consider(final Path file) throws IOException {
        final TrackedFile tracked = active.get(file);
        final FileIdentity now = FileIdentity.of(file);
        if (tracked != null) {
            if (!tracked.identity.sameFileAs(file, now)) {
                LOG.warn("{} was truncated, rewritten or replaced while being read: test {} ends once its reader is "
                        + "at the end; the file is read again as a new test", file, tracked.channel.testId());
                // the open reader still holds the old content (a renamed file is read to its end, not lost)
                tracked.finishAtEnd = true;
                while (!tracked.finished) {
                    tracked.read(this, ROWS_PER_SLICE, wallClockMs.getAsLong());
                }
                start(file, now, null, true);
            }
            return;
        }
        final String renamedFrom = renamedFrom(file, now);
        if (renamedFrom != null) {
            if (ignored.put(file, name(file)) == null) {
                LOG.info("{} is {} renamed (same inode and first bytes): not read twice", file, renamedFrom);
            }
            return;
        }
        final FileCheckpoint previous = known.get(file.toString());
        if (previous != null) {
            if (previous.identity().sameFileAs(file, now)) {
                if (!previous.finished() && channelFree(previous.channelId(), file)) {
                    start(file, now, previous, false);
                }
                return;
            }
            LOG.warn("{} changed since the checkpoint (truncated or rewritten): reading it again as a new test", file);
            start(file, now, null, true);
            return;
        }
        start(file, now, null, false);
    }

    /** The path this file was read under before a rename (rotation), or null when it is a new file. */
    private String renamedFrom(final Path file, final FileIdentity now) throws IOException {
        if (now.fileKey().isEmpty()) {
            return null;
        }
        for (final TrackedFile t : active.values()) {
            if (!t.path.equals(file) && now.fileKey().equals(t.identity.fileKey()) && t.identity.sameFileAs(file, now)) {
                return t.path.toString();
            }
        }
        for (final FileCheckpoint k : known.values()) {
            if (!k.path().equals(file.toString()) && now.fileKey().equals(k.identity().fileKey())
                    && k.identity().sameFileAs(file, now)) {
                return k.path();
            }
        }
        for (final Map.Entry<FileIdentity, String> r : retired.entrySet()) {
            if (now.fileKey().equals(r.getKey().fileKey()) && r.getKey().sameFileAs(file, now)) {
                return r.getValue();
            }
        }
        return null;
    }

    private static String name(final Path file) {
        return file.getFileName().toString();
    }

    private boolean channelFree(final String channelId, final Path file) {
        for (final TrackedFile f : active.values()) {
            if (f.channel.channelId().equals(channelId) && !f.path.equals(file)) {
                // rotation: the cycler started a new file for the channel; the old one ends once read to its end
                f.finishAtEnd = true;
                return false;
            }
        }
        return true;
    }

    private void start(final Path file, final FileIdentity identity, final FileCheckpoint resume,
                       final boolean rewritten) throws IOException {
        final String name = file.getFileName().toString();
        final ChannelRule rule = rule(name);
        if (rule == null && !settings.channels().isEmpty()) {
            if (ignored.put(file, name) == null) {
                LOG.info("{} matches no channel rule: not read", file);
            }
            return;
        }
        final String channelId = rule == null ? FileSource.baseName(file) : rule.channelOf(name);
        if (!channelFree(channelId, file)) {
            return;
        }
        final String testId = resume != null ? resume.testId()
                : rewritten ? FileSource.baseName(file) + "~" + wallClockMs.getAsLong() : FileSource.baseName(file);
        final ReaderOptions options = settings.follow() ? settings.options().following() : settings.options();
        final CyclerFileReader reader;
        try {
            reader = settings.format() == null ? FormatSniffer.open(file, options)
                    : FormatSniffer.open(file, settings.format(), options);
        } catch (final IOException | RuntimeException e) {
            if (ignored.put(file, name) == null) {
                LOG.error("{} cannot be read as a cycler file and is skipped: {}", file, e.getMessage());
            }
            return;
        }
        ignored.remove(file);
        final Quarantine quarantine = new Quarantine(settings.quarantineDir().resolve(name + ".quarantine"));
        quarantine.reopen(resume == null ? 0 : resume.quarantineBytes());
        final ChannelInfo channel = new ChannelInfo(settings.stationId(), channelId, testId,
                rule == null ? null : rule.cell());
        final TrackedFile tracked = new TrackedFile(file, identity, reader, channel, quarantine,
                resume == null ? 0 : resume.nextSequence(), resume == null ? 0 : resume.lastLine());
        active.put(file, tracked);
        if (resume == null) {
            known.remove(file.toString());
        }
        LOG.info("picked up {} ({}) as channel {}, test {}{}", file, reader.metadata().format(), channelId, testId,
                resume == null ? "" : ", resuming after line " + resume.lastLine());
        if (channel.cell() != null) {
            final CellTest test = AvroMapping.cellTest(channel.stationId(), channelId, testId, channel.cell());
            append(Topics.CELL_TESTS, channelId, wallClockMs.getAsLong(), -1, 0,
                    cellTests.serialize(Topics.CELL_TESTS, test));
        }
        if (progress != null) {
            progress.fileStarted();
        }
    }

    private ChannelRule rule(final String name) {
        for (final ChannelRule r : settings.channels()) {
            if (r.channelOf(name) != null) {
                return r;
            }
        }
        return null;
    }

    void spoolBatch(final TrackedFile f, final SampleBatch batch) throws IOException {
        final int n = batch.getTimestampMs().size();
        final long timestamp = n > 0 ? batch.getTimestampMs().get(0)
                : f.lastSampleMs() >= 0 ? f.lastSampleMs() : wallClockMs.getAsLong();
        append(Topics.SAMPLES, batch.getChannelId(), timestamp, batch.getSequence(), n,
                batches.serialize(Topics.SAMPLES, batch));
        if (progress != null) {
            progress.rows(n);
        }
    }

    void quarantine(final TrackedFile f, final RejectedRow row) throws IOException {
        quarantined.increment();
        f.quarantine.write(row);
        final DeadLetter letter = DeadLetter.newBuilder()
                .setSourceTopic(row.file().toString()).setPartition(-1).setOffset(row.line())
                .setKey(f.channel.channelId()).setChannelId(f.channel.channelId())
                .setReason(row.reason()).setRejectedSamples(1)
                .setPayload(ByteBuffer.wrap(row.content().getBytes(StandardCharsets.UTF_8)))
                .build();
        append(Topics.DEAD_LETTER, f.channel.channelId(), wallClockMs.getAsLong(), -1, 1,
                deadLetters.serialize(Topics.DEAD_LETTER, letter));
        if (progress != null) {
            progress.rows(1);
        }
    }

    private void append(final String topic, final String key, final long timestampMs, final long sequence,
                        final int samples, final byte[] value) throws IOException {
        spool.append(new SpoolRecord(topic, key, timestampMs, sequence, samples, wallClockMs.getAsLong(), value));
    }

    /** The file's test has ended: its last batch goes out flagged end-of-test and the file is not read again. */
    void finish(final TrackedFile f) throws IOException {
        spoolBatch(f, f.drainBatch(true));
        f.finished = true;
        active.remove(f.path);
        retired.put(f.identity, f.path.toString());
        final long quarantineBytes = f.quarantine.sync();
        known.put(f.path.toString(), f.checkpoint(quarantineBytes));
        f.close();
        LOG.info("finished {}: {} rows this run, {} quarantined{}", f.path, f.rows(), f.rejected(),
                f.rejected() > 0 ? " (see " + f.quarantine.file() + ")" : "");
        if (progress != null) {
            progress.fileFinished(f.identity.size(), f.rows());
        }
    }

    /**
     * Closes the open batches, forces spool and quarantines to disk, writes the checkpoint, then lets the drainer
     * send everything it covers.
     */
    public void checkpoint() throws IOException {
        final List<FileCheckpoint> files = new ArrayList<>();
        for (final TrackedFile f : active.values()) {
            final SampleBatch open = f.drainBatch(false);
            if (open != null) {
                spoolBatch(f, open);
            }
            f.identity = growth(f);
            files.add(f.checkpoint(f.quarantine.sync()));
        }
        for (final FileCheckpoint k : known.values()) {
            if (!active.containsKey(Path.of(k.path()))) {
                files.add(k);
            }
        }
        final SpoolPosition end = spool.sync();
        store.save(new AgentCheckpoint(end, files));
        spool.markDurable(end);
        lastCheckpointMs = wallClockMs.getAsLong();
    }

    /** Keeps the first bytes' checksum from when the file was picked up but records its current size. */
    private static FileIdentity growth(final TrackedFile f) {
        try {
            final FileIdentity now = FileIdentity.of(f.path);
            return new FileIdentity(f.identity.fileKey(), now.size(), f.identity.headLength(), f.identity.headCrc());
        } catch (final IOException e) {
            // renamed or deleted while open: the reader still reads it; keep what was known
            return f.identity;
        }
    }

    private static long modified(final Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (final IOException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Writes a last checkpoint and closes the files and the spool; the drainer is closed by its owner first. */
    @Override
    public void close() throws IOException {
        checkpoint();
        for (final TrackedFile f : active.values()) {
            f.close();
        }
        active.clear();
        spool.close();
    }
}
