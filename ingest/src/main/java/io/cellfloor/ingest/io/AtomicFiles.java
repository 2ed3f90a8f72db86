package io.cellfloor.ingest.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a small file so that a crash at any instant leaves either the old or the new content, never a mix:
 * write a temporary file next to it, fsync it, rename it over the target atomically, fsync the directory.
 *
 * <p>Used by the spool ({@code drained.pos}, new segments) and by the checkpoint store; it lives apart from both so
 * that neither package has to import the other for it.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    public static void write(final Path target, final byte[] content) throws IOException {
        final Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        final Path temp = dir.resolve(target.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            final ByteBuffer b = ByteBuffer.wrap(content);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(dir);
    }

    /** Makes a rename or a new file in {@code dir} durable (Linux allows fsync on a directory; others may not). */
    public static void syncDirectory(final Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (final IOException e) {
            // some platforms refuse to open a directory; the rename itself is still atomic there
        }
    }
}
