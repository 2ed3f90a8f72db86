package io.cellfloor.ingest.checkpoint;

import io.cellfloor.ingest.io.AtomicFiles;
import io.cellfloor.ingest.spool.SpoolPosition;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Reads and writes the agent's checkpoint file ({@code checkpoint.properties}, human-readable), atomically: temp
 * file, fsync, rename, fsync of the directory (see {@link AtomicFiles}).
 */
public final class CheckpointStore {
    private static final String FILE = "checkpoint.properties";

    private final Path file;

    public CheckpointStore(final Path dir) {
        this.file = dir.resolve(FILE);
    }

    public Path file() {
        return file;
    }

    public AgentCheckpoint load() throws IOException {
        if (!Files.exists(file)) {
            return AgentCheckpoint.EMPTY;
        }
        final Properties p = new Properties();
        p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        try {
            final SpoolPosition end = new SpoolPosition(Long.parseLong(p.getProperty("spool.segment")),
                    Long.parseLong(p.getProperty("spool.offset")));
            final int n = Integer.parseInt(p.getProperty("files"));
            final List<FileCheckpoint> files = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                final String k = "file." + i + ".";
                files.add(new FileCheckpoint(p.getProperty(k + "path"),
                        new FileIdentity(p.getProperty(k + "inode"), Long.parseLong(p.getProperty(k + "size")),
                                Integer.parseInt(p.getProperty(k + "head.length")), p.getProperty(k + "head.crc32c")),
                        Long.parseLong(p.getProperty(k + "line")), p.getProperty(k + "channel"),
                        p.getProperty(k + "test"), Long.parseLong(p.getProperty(k + "next.sequence")),
                        Long.parseLong(p.getProperty(k + "quarantine.bytes")),
                        Boolean.parseBoolean(p.getProperty(k + "finished"))));
            }
            return new AgentCheckpoint(end, files);
        } catch (final RuntimeException e) {
            throw new IOException("the checkpoint " + file + " is damaged (" + e.getMessage() + "); move it away to "
                    + "start over from the beginning of every file (the topology drops replayed batches)", e);
        }
    }

    public void save(final AgentCheckpoint checkpoint) throws IOException {
        final Properties p = new Properties();
        p.setProperty("spool.segment", Long.toString(checkpoint.spoolEnd().segment()));
        p.setProperty("spool.offset", Long.toString(checkpoint.spoolEnd().offset()));
        p.setProperty("files", Integer.toString(checkpoint.files().size()));
        int i = 0;
        for (final FileCheckpoint f : checkpoint.files()) {
            final String k = "file." + i++ + ".";
            p.setProperty(k + "path", f.path());
            p.setProperty(k + "inode", f.identity().fileKey());
            p.setProperty(k + "size", Long.toString(f.identity().size()));
            p.setProperty(k + "head.length", Integer.toString(f.identity().headLength()));
            p.setProperty(k + "head.crc32c", f.identity().headCrc());
            p.setProperty(k + "line", Long.toString(f.lastLine()));
            p.setProperty(k + "channel", f.channelId());
            p.setProperty(k + "test", f.testId());
            p.setProperty(k + "next.sequence", Long.toString(f.nextSequence()));
            p.setProperty(k + "quarantine.bytes", Long.toString(f.quarantineBytes()));
            p.setProperty(k + "finished", Boolean.toString(f.finished()));
        }
        final StringWriter out = new StringWriter();
        try {
            p.store(out, "cellfloor station agent checkpoint: written after the spool is on disk");
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicFiles.write(file, out.toString().getBytes(StandardCharsets.UTF_8));
    }
}
