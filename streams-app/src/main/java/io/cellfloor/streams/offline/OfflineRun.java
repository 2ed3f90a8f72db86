package io.cellfloor.streams.offline;

import io.cellfloor.schema.Topics;
import io.cellfloor.schema.registry.SchemaRegistryClient;
import io.cellfloor.schema.serde.CellfloorSerdes;
import io.cellfloor.streams.topology.CellfloorTopology;
import io.cellfloor.streams.topology.Codecs;
import io.cellfloor.streams.topology.TopologyMetrics;
import io.cellfloor.streams.topology.TopologySettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The production topology ({@link CellfloorTopology#build}) run inside this process, without a broker, in Kafka
 * Streams' {@link TopologyTestDriver}: what {@code cellfloor analyze} runs cycler files through and what a replay runs
 * historical samples through. The one place outside tests that drives the topology this way, so it is the only main
 * code that needs {@code kafka-streams-test-utils}.
 *
 * <p>Feed it the records of the two input topics as the agent serialized them ({@link #cellTest}, {@link #samples}),
 * in the order Kafka Streams would see them, and take what the topology wrote with {@link #take(String)} (the bytes,
 * as a live app would have produced them) or {@link #take(String, Class)} (decoded). Each output record is handed out
 * once. State lives in a temporary directory removed by {@link #close}; no live application id, store or changelog
 * is touched.
 */
public final class OfflineRun implements AutoCloseable {
    private final SchemaRegistryClient registry;
    private final Map<String, ?> registryConfig;
    private final Path stateDir;
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, byte[]> cellTests;
    private final TestInputTopic<String, byte[]> samples;

    private OfflineRun(final SchemaRegistryClient registry, final Map<String, ?> registryConfig,
                       final TopologySettings settings, final String applicationId, final Path stateDir) {
        this.registry = registry;
        this.registryConfig = registryConfig;
        this.stateDir = stateDir;
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "offline.invalid:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        // as the live apps run (StreamsAppConfig); unset, Kafka Streams warns on every run
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, "true");
        this.driver = new TopologyTestDriver(CellfloorTopology.build(Codecs.registry(registry, registryConfig),
                settings, new TopologyMetrics(new SimpleMeterRegistry())), props);
        this.cellTests = driver.createInputTopic(Topics.CELL_TESTS, new StringSerializer(), new ByteArraySerializer());
        this.samples = driver.createInputTopic(Topics.SAMPLES, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Builds the topology with {@code settings} over the registry the inputs were serialized with.
     *
     * @param applicationId names the run's state directory and internal topics; never a live app's id
     */
    public static OfflineRun start(final SchemaRegistryClient registry, final Map<String, ?> registryConfig,
                                   final TopologySettings settings, final String applicationId) throws IOException {
        final Path stateDir = Files.createTempDirectory("cellfloor-offline");
        try {
            return new OfflineRun(registry, registryConfig, settings, applicationId, stateDir);
        } catch (RuntimeException e) {
            deleteRecursively(stateDir);
            throw e;
        }
    }

    /** A record of {@code cellfloor.cell-tests.v1}, as the agent serialized it. */
    public void cellTest(final String channelId, final byte[] value, final long timestampMs) {
        cellTests.pipeInput(channelId, value, timestampMs);
    }

    /** A record of {@code cellfloor.samples.v1}, as the agent serialized it. */
    public void samples(final String channelId, final byte[] value, final long timestampMs) {
        samples(channelId, value, timestampMs, new RecordHeaders());
    }

    /** A record of {@code cellfloor.samples.v1} with the headers it carried on Kafka. */
    public void samples(final String channelId, final byte[] value, final long timestampMs, final Headers headers) {
        samples.pipeInput(new TestRecord<>(channelId, value, headers, timestampMs));
    }

    /** What the topology wrote to {@code topic} since the last take, as bytes. */
    public List<OutputRecord> take(final String topic) {
        return driver.createOutputTopic(topic, new StringDeserializer(), new ByteArrayDeserializer())
                .readRecordsToList().stream()
                .map(r -> new OutputRecord(r.key(), r.value(), r.timestamp(), r.headers()))
                .toList();
    }

    /** What the topology wrote to {@code topic} since the last take, decoded as {@code type}. */
    public <T extends SpecificRecord> List<T> take(final String topic, final Class<T> type) {
        return driver.createOutputTopic(topic, new StringDeserializer(),
                CellfloorSerdes.value(type, registry, registryConfig).deserializer()).readValuesToList();
    }

    @Override
    public void close() {
        try {
            driver.close();
        } finally {
            deleteRecursively(stateDir);
        }
    }

    private static void deleteRecursively(final Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (final Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the offline run's state in " + dir, e);
        }
    }
}
