package io.cellfloor.sinks.replay;

import io.cellfloor.schema.Topics;
import io.cellfloor.streams.topology.CellfloorTopology;
import io.cellfloor.streams.topology.Codecs;
import io.cellfloor.streams.topology.TopologyMetrics;
import io.cellfloor.streams.topology.TopologySettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * Reprocesses historical samples with the production topology, under the settings being tried, and writes what it
 * produces to the replay's own topics. The topology runs in Kafka Streams' {@link TopologyTestDriver} inside this
 * process: no application id, state store or changelog of the live app is touched, and nothing in the topology had to
 * change. Outputs are the serializer's bytes, so with the live settings they are byte-identical to the live topics.
 */
public final class Replayer {
    private final KafkaConsumer<String, byte[]> consumer;
    private final Producer<String, byte[]> producer;
    private final Codecs codecs;
    private final TopologySettings settings;
    private final Clock clock;
    private final Consumer<String> progressOut;

    public Replayer(final KafkaConsumer<String, byte[]> consumer, final Producer<String, byte[]> producer,
                    final Codecs codecs, final TopologySettings settings, final Clock clock,
                    final Consumer<String> progressOut) {
        this.consumer = consumer;
        this.producer = producer;
        this.codecs = codecs;
        this.settings = settings;
        this.clock = clock;
        this.progressOut = progressOut;
    }

    /** Returns records written per replay topic. */
    public Map<String, Long> replay(final ReplayRequest request) throws IOException, InterruptedException {
        final Map<String, String> targets = ReplayTopics.forSuffix(request.suffix());
        final Path state = Files.createTempDirectory("cellfloor-replay");
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "cellfloor-replay-" + request.suffix());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "replay.invalid:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        final Map<String, Long> written = new LinkedHashMap<>();
        targets.values().forEach(t -> written.put(t, 0L));
        try (TopologyTestDriver driver = new TopologyTestDriver(CellfloorTopology.build(codecs, settings,
                new TopologyMetrics(new SimpleMeterRegistry())), props)) {
            final TestInputTopic<String, byte[]> tests = driver.createInputTopic(Topics.CELL_TESTS,
                    new StringSerializer(), new ByteArraySerializer());
            final TestInputTopic<String, byte[]> samples = driver.createInputTopic(Topics.SAMPLES,
                    new StringSerializer(), new ByteArraySerializer());
            final Map<String, TestOutputTopic<String, byte[]>> outputs = new LinkedHashMap<>();
            targets.keySet().forEach(live -> outputs.put(live, driver.createOutputTopic(live, new StringDeserializer(),
                    new ByteArrayDeserializer())));
            // Kafka Streams takes the record with the lowest timestamp from a task's two partitions; cell tests are
            // merged into each samples partition the same way, so a cell test published after the samples it
            // describes (by timestamp) applies, as live, only from then on
            final Map<Integer, java.util.ArrayDeque<ConsumerRecord<String, byte[]>>> pendingTests = new HashMap<>();
            for (final ConsumerRecord<String, byte[]> r : readAll(Topics.CELL_TESTS)) {
                if (request.wants(r.key())) {
                    pendingTests.computeIfAbsent(r.partition(), k -> new java.util.ArrayDeque<>()).add(r);
                }
            }
            final Map<TopicPartition, Long> start = new HashMap<>();
            final Map<TopicPartition, Long> end = consumer.endOffsets(partitions(Topics.SAMPLES));
            final Map<TopicPartition, Long> query = new HashMap<>();
            end.keySet().forEach(tp -> query.put(tp, request.from().toEpochMilli()));
            final Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
            end.forEach((tp, e) -> start.put(tp, found.get(tp) == null ? e : found.get(tp).offset()));
            final long total = end.entrySet().stream().mapToLong(x -> x.getValue() - start.get(x.getKey())).sum();
            final Progress progress = new Progress(clock, Duration.ofSeconds(2));
            consumer.assign(start.keySet());
            start.forEach(consumer::seek);
            final Map<TopicPartition, Boolean> open = new HashMap<>();
            start.forEach((tp, s) -> open.put(tp, s < end.get(tp)));
            long done = 0;
            while (open.containsValue(true)) {
                for (final ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    final TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    if (!open.get(tp)) {
                        continue;
                    }
                    done++;
                    if (r.timestamp() >= request.to().toEpochMilli()) {
                        open.put(tp, false);
                        consumer.pause(List.of(tp));
                        continue;
                    }
                    final var queue = pendingTests.get(r.partition());
                    while (queue != null && !queue.isEmpty() && queue.peek().timestamp() <= r.timestamp()) {
                        final ConsumerRecord<String, byte[]> t = queue.poll();
                        tests.pipeInput(t.key(), t.value(), t.timestamp());
                    }
                    if (request.wants(r.key())) {
                        samples.pipeInput(new TestRecord<>(r.key(), r.value(), r.headers(), r.timestamp()));
                    }
                }
                for (final TopicPartition tp : consumer.assignment()) {
                    if (open.get(tp) && consumer.position(tp) >= end.get(tp)) {
                        open.put(tp, false);
                    }
                }
                forward(outputs, targets, written);
                final String line = progress.line(done, total, false);
                if (line != null) {
                    progressOut.accept(line);
                }
            }
            for (final var queue : pendingTests.values()) {
                for (final ConsumerRecord<String, byte[]> t : queue) {
                    tests.pipeInput(t.key(), t.value(), t.timestamp());
                }
            }
            forward(outputs, targets, written);
            progressOut.accept(progress.line(total, total, true));
            producer.flush();
        } finally {
            deleteRecursively(state);
        }
        return written;
    }

    private void forward(final Map<String, TestOutputTopic<String, byte[]>> outputs,
                         final Map<String, String> targets, final Map<String, Long> written)
            throws InterruptedException {
        final List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
        for (final var e : outputs.entrySet()) {
            final String target = targets.get(e.getKey());
            for (final TestRecord<String, byte[]> r : e.getValue().readRecordsToList()) {
                sent.add(producer.send(new ProducerRecord<>(target, null, r.timestamp(), r.key(), r.value(),
                        r.headers())));
                written.merge(target, 1L, Long::sum);
            }
        }
        for (final var f : sent) {
            try {
                f.get();
            } catch (ExecutionException ex) {
                throw new IllegalStateException("cannot write the replay's output (do the cellfloor.replay.* topics"
                        + " exist, may this principal write them?): " + ex.getCause().getMessage(), ex.getCause());
            }
        }
    }

    private List<ConsumerRecord<String, byte[]>> readAll(final String topic) {
        final List<TopicPartition> parts = partitions(topic);
        final Map<TopicPartition, Long> end = consumer.endOffsets(parts);
        consumer.assign(parts);
        consumer.seekToBeginning(parts);
        final List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
            consumer.poll(Duration.ofMillis(500)).forEach(out::add);
        }
        consumer.unsubscribe();
        return out;
    }

    private List<TopicPartition> partitions(final String topic) {
        final List<PartitionInfo> infos = consumer.partitionsFor(topic);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist on this cluster: nothing to replay");
        }
        return infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private static void deleteRecursively(final Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (final Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
