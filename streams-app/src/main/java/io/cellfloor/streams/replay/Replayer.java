package io.cellfloor.streams.replay;

import io.cellfloor.schema.Topics;
import io.cellfloor.schema.registry.SchemaRegistryClient;
import io.cellfloor.streams.offline.OfflineRun;
import io.cellfloor.streams.offline.OutputRecord;
import io.cellfloor.streams.topology.TopologySettings;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Reprocesses historical samples with the production topology, under the settings being tried, and writes what it
 * produces to the replay's own topics. The topology runs in an {@link OfflineRun} (Kafka Streams' test driver) inside
 * this process: no application id, state store or changelog of the live app is touched, and nothing in the topology
 * had to change. Outputs are the serializer's bytes, so with the live settings they are byte-identical to the live
 * topics.
 *
 * <p>The window {@code [from, to)} is in sample time, read from each batch's payload: the samples topic is stamped
 * with append time (so backfilled files outlive its retention), where a record's timestamp says only when it arrived.
 * Cell tests are still merged in by record timestamp, which is the order Kafka Streams sees live.
 */
public final class Replayer {
    private final KafkaConsumer<String, byte[]> consumer;
    private final Producer<String, byte[]> producer;
    private final SchemaRegistryClient registry;
    private final Map<String, ?> registryConfig;
    private final TopologySettings settings;
    private final Clock clock;
    private final Consumer<String> progressOut;

    public Replayer(final KafkaConsumer<String, byte[]> consumer, final Producer<String, byte[]> producer,
                    final SchemaRegistryClient registry, final Map<String, ?> registryConfig,
                    final TopologySettings settings, final Clock clock,
                    final Consumer<String> progressOut) {
        this.consumer = consumer;
        this.producer = producer;
        this.registry = registry;
        this.registryConfig = registryConfig;
        this.settings = settings;
        this.clock = clock;
        this.progressOut = progressOut;
    }

    /** Returns records written per replay topic. */
    public Map<String, Long> replay(final ReplayRequest request) throws IOException, InterruptedException {
        final Map<String, String> targets = ReplayTopics.forSuffix(request.suffix());
        final Map<String, Long> written = new LinkedHashMap<>();
        targets.values().forEach(t -> written.put(t, 0L));
        try (OfflineRun run = OfflineRun.start(registry, registryConfig, settings,
                "cellfloor-replay-" + request.suffix())) {
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
            // a batch arrives after its first sample, so the first record that arrived at or after `from` is a safe
            // start for either timestamp type; which batches are in the window is decided by their sample times
            final Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
            final SampleWindow window = new SampleWindow(request, registry, registryConfig);
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
                    final var queue = pendingTests.get(r.partition());
                    while (queue != null && !queue.isEmpty() && queue.peek().timestamp() <= r.timestamp()) {
                        final ConsumerRecord<String, byte[]> t = queue.poll();
                        run.cellTest(t.key(), t.value(), t.timestamp());
                    }
                    if (request.wants(r.key()) && window.contains(r)) {
                        run.samples(r.key(), r.value(), r.timestamp(), r.headers());
                    }
                }
                for (final TopicPartition tp : consumer.assignment()) {
                    if (open.get(tp) && consumer.position(tp) >= end.get(tp)) {
                        open.put(tp, false);
                    }
                }
                forward(run, targets, written);
                final String line = progress.line(done, total, false);
                if (line != null) {
                    progressOut.accept(line);
                }
            }
            for (final var queue : pendingTests.values()) {
                for (final ConsumerRecord<String, byte[]> t : queue) {
                    run.cellTest(t.key(), t.value(), t.timestamp());
                }
            }
            forward(run, targets, written);
            progressOut.accept(progress.line(total, total, true));
            producer.flush();
        }
        return written;
    }

    private void forward(final OfflineRun run, final Map<String, String> targets, final Map<String, Long> written)
            throws InterruptedException {
        final List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
        for (final var e : targets.entrySet()) {
            final String target = e.getValue();
            for (final OutputRecord r : run.take(e.getKey())) {
                sent.add(producer.send(new ProducerRecord<>(target, null, r.timestampMs(), r.key(), r.value(),
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
}
