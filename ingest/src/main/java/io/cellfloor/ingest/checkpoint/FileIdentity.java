package io.cellfloor.ingest.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HexFormat;
import java.util.zip.CRC32C;

/**
 * What tells a cycler file from another one at the same path: its inode (where the file system has one), its size,
 * and a checksum of its first bytes. A file that shrank or whose first bytes changed was truncated or rewritten.
 *
 * @param fileKey the file system's key (inode and device on Linux) as text, or "" where there is none
 * @param size the size when last seen
 * @param headLength how many leading bytes {@code headCrc} covers (the file may have been shorter than
 *                   {@link #HEAD_BYTES} when first seen)
 * @param headCrc CRC32C of the first {@code headLength} bytes, hex
 */
public record FileIdentity(String fileKey, long size, int headLength, String headCrc) {
    public static final int HEAD_BYTES = 4096;

    public static FileIdentity of(final Path file) throws IOException {
        final BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
        final Object key = attrs.fileKey();
        final byte[] head = new byte[HEAD_BYTES];
        final int n = readHead(file, head);
        return new FileIdentity(key == null ? "" : key.toString(), attrs.size(), n, crc(head, n));
    }

    /**
     * Whether {@code now} is this file, possibly grown: same inode, not shorter, and the same first bytes (as
     * far as this identity saw them).
     */
    public boolean sameFileAs(final Path file, final FileIdentity now) throws IOException {
        if (!fileKey.isEmpty() && !now.fileKey.isEmpty() && !fileKey.equals(now.fileKey)) {
            return false;
        }
        if (now.size < size) {
            return false;
        }
        final byte[] head = new byte[headLength];
        final int n = readHead(file, head);
        return n == headLength && crc(head, n).equals(headCrc);
    }

    private static int readHead(final Path file, final byte[] head) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Math.max(0, in.readNBytes(head, 0, head.length));
        }
    }

    private static String crc(final byte[] bytes, final int n) {
        final CRC32C crc = new CRC32C();
        crc.update(bytes, 0, n);
        return HexFormat.of().toHexDigits((int) crc.getValue());
    }
}
