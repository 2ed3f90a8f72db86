package io.cellfloor.sinks.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;

/** Reads an archive back as a query engine would: every published Parquet file under a directory, temps ignored. */
final class ArchiveFiles {
    private ArchiveFiles() {
    }

    static List<Path> parquetFiles(final Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(p -> p.toString().endsWith(".parquet")).sorted().toList();
        }
    }

    static List<SpecificRecordBase> rows(final Path root) throws IOException {
        final List<SpecificRecordBase> out = new ArrayList<>();
        for (final Path p : parquetFiles(root)) {
            try (ParquetReader<SpecificRecordBase> reader = AvroParquetReader.<SpecificRecordBase>builder(
                    new LocalInputFile(p), new PlainParquetConfiguration()).withDataModel(SpecificData.get()).build()) {
                for (SpecificRecordBase r = reader.read(); r != null; r = reader.read()) {
                    out.add(r);
                }
            }
        }
        return out;
    }
}
