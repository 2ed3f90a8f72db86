package io.cellfloor.sinks.archive;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;

/**
 * Parquet on the local file system without Hadoop's FileSystem: parquet-avro writes through {@link LocalOutputFile}
 * with a plain configuration, ZSTD-compressed, the Avro schema embedded in the footer ({@code parquet.avro.schema}).
 * A file becomes visible only by {@link #publish}: fsync, atomic rename, fsync of the directory.
 */
final class ParquetFiles {
    private ParquetFiles() {
    }

    static ParquetWriter<SpecificRecordBase> open(final Path temp, final Schema schema, final long rowGroupBytes)
            throws IOException {
        Files.createDirectories(temp.getParent());
        return AvroParquetWriter.<SpecificRecordBase>builder(new LocalOutputFile(temp))
                .withSchema(schema)
                .withDataModel(SpecificData.get())
                .withConf(new PlainParquetConfiguration())
                .withCompressionCodec(CompressionCodecName.ZSTD)
                .withRowGroupSize(rowGroupBytes)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .build();
    }

    /** Makes a closed temp file durable, then visible under its final name; returns its size. */
    static long publish(final Path temp, final Path target) throws IOException {
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        final long size = Files.size(temp);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        fsyncDirectory(target.getParent());
        return size;
    }

    /** A rename is durable only once its directory is; not every OS lets a directory be opened, which is fine. */
    private static void fsyncDirectory(final Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Windows cannot open directories; its renames are durable through NTFS' journal
        }
    }
}
