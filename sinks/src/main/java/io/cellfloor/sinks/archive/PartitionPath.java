package io.cellfloor.sinks.archive;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Where a record goes: {@code <topic dir>/date=YYYY-MM-DD/station=S/test=T}, Hive-style, so Spark, DuckDB
 * ({@code hive_partitioning}) and pandas/pyarrow turn the directories into columns and prune by them. The date is the
 * record's event time in UTC; a record without one uses its Kafka timestamp.
 */
public record PartitionPath(String topicDir, String date, String station, String test) {
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");

    public static PartitionPath of(final ArchiveTopic topic, final SpecificRecordBase record, final long kafkaTimestamp) {
        final long t = topic.eventTimeMs(record);
        final String date = Instant.ofEpochMilli(t >= 0 ? t : kafkaTimestamp).atZone(ZoneOffset.UTC).toLocalDate()
                .toString();
        return new PartitionPath(topic.dir(), date, safe(record.get("stationId")), safe(record.get("testId")));
    }

    /** Keeps path segments to characters every file system and query engine takes; others become '_'. */
    static String safe(final Object value) {
        final String s = value == null ? "unknown" : value.toString();
        return s.isEmpty() ? "unknown" : UNSAFE.matcher(s).replaceAll("_");
    }

    public Path under(final Path root) {
        return root.resolve(topicDir).resolve("date=" + date).resolve("station=" + station).resolve("test=" + test);
    }
}
