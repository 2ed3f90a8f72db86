package io.cellfloor.ingest.agent;

import io.cellfloor.ingest.format.RejectedRow;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One source file's quarantine: an append-only text file, one rejected row per line as
 * {@code line <TAB> reason <TAB> raw row}, so a person can find, fix and re-import the rows. Cut back to the
 * length of the last checkpoint when reopened, so a resumed file does not list its rows twice.
 */
final class Quarantine implements AutoCloseable {
    private final Path file;
    private FileChannel channel;

    Quarantine(final Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** Opens lazily (files with no bad row get no quarantine file), cut to {@code committedBytes}. */
    void reopen(final long committedBytes) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        open();
        if (channel.size() > committedBytes) {
            channel.truncate(committedBytes);
        }
        channel.position(channel.size());
    }

    void write(final RejectedRow row) throws IOException {
        if (channel == null) {
            open();
            channel.position(channel.size());
        }
        final String text = row.line() + "\t" + oneLine(row.reason()) + "\t" + oneLine(row.content()) + "\n";
        final ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }

    private void open() throws IOException {
        Files.createDirectories(file.getParent());
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }

    /** Forces the rows to disk and returns the file's length, for the checkpoint. */
    long sync() throws IOException {
        if (channel == null) {
            return 0;
        }
        channel.force(false);
        return channel.size();
    }

    private static String oneLine(final String s) {
        return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }
}
