package io.cellfloor.cli;

import static org.awaitility.Awaitility.await;

import io.cellfloor.schema.registry.SchemaRegistryClient;
import io.cellfloor.schema.serde.CellfloorSerdes;
import io.cellfloor.sinks.archive.ArchiveMetrics;
import io.cellfloor.sinks.archive.ArchiveSettings;
import io.cellfloor.sinks.archive.ArchiveTopic;
import io.cellfloor.sinks.archive.ArchiveWriter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;

/**
 * The Parquet archive writer of the sinks module running beside a fault test, on a thread of its own with the
 * production settings, so that the test can compare what the archive kept of a faulted run with what it kept of
 * the uninterrupted one. The archive partitions by test, so each run's rows are in directories of their own.
 */
final class ArchiveRun implements AutoCloseable {
    private final Path root;
    private final ArchiveMetrics metrics = new ArchiveMetrics(new SimpleMeterRegistry());
    private final KafkaConsumer<String, byte[]> consumer;
    private final ArchiveWriter writer;
    private final Thread loop;
    private boolean closed;

    ArchiveRun(final Path root, final String bootstrap, final String registryUrl, final SchemaRegistryClient client,
               final Map<String, String> registry) {
        this.root = root;
        final ArchiveSettings settings = ArchiveSettings.parse(Map.of("bootstrap.servers", bootstrap,
                "schema.registry.url", registryUrl), root);
        final Map<ArchiveTopic, Deserializer<? extends SpecificRecordBase>> deserializers =
                new EnumMap<>(ArchiveTopic.class);
        for (final ArchiveTopic t : ArchiveTopic.values()) {
            deserializers.put(t, CellfloorSerdes.value(t.type(), client, registry).deserializer());
        }
        consumer = new KafkaConsumer<>(settings.consumer(), new StringDeserializer(), new ByteArrayDeserializer());
        writer = new ArchiveWriter(consumer, deserializers, settings, Clock.systemUTC(), metrics);
        loop = new Thread(writer::run, "archive-under-test");
        loop.setDaemon(true);
        loop.start();
    }

    /**
     * Waits until the writer has read every record on its topics (its lag, updated after each poll, is 0 after the
     * caller's last write), then stops it, which publishes the open files and commits.
     */
    void finish(final Duration atMost) throws InterruptedException {
        await().atMost(atMost).pollDelay(Duration.ofSeconds(2)).until(() -> metrics.lag() == 0);
        close();
    }

    /** Every row archived for {@code topic} in the directories of tests whose id contains {@code testPart}. */
    List<String> rows(final ArchiveTopic topic, final String testPart) throws IOException {
        final Path dir = root.resolve(topic.dir());
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        final List<Path> files;
        try (Stream<Path> all = Files.walk(dir)) {
            files = all.filter(p -> p.toString().endsWith(".parquet")
                    && p.getParent().getFileName().toString().startsWith("test=")
                    && p.getParent().getFileName().toString().contains(testPart)).sorted().toList();
        }
        final List<String> out = new ArrayList<>();
        for (final Path p : files) {
            try (ParquetReader<SpecificRecordBase> reader = AvroParquetReader.<SpecificRecordBase>builder(
                    new LocalInputFile(p), new PlainParquetConfiguration()).withDataModel(SpecificData.get()).build()) {
                for (SpecificRecordBase r = reader.read(); r != null; r = reader.read()) {
                    out.add(r.toString());
                }
            }
        }
        return out;
    }

    @Override
    public void close() throws InterruptedException {
        if (closed) {
            return;
        }
        closed = true;
        writer.stop();
        loop.join(Duration.ofSeconds(30).toMillis());
        consumer.close();
    }
}
