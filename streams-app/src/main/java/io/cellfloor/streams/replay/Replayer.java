package io.cellfloor.streams.replay;

import io.cellfloor.schema.Topics;
import io.cellfloor.schema.registry.SchemaRegistryClient;
import io.cellfloor.streams.offline.OfflineRun;
import io.cellfloor.streams.topology.TopologySettings;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Reprocesses historical samples with the production topology, under the settings being tried, and writes what it
 * produces to the replay's own topics. The topology runs in an {@link OfflineRun} (Kafka Streams' test driver) inside
 * this process: no application id, state store or changelog of the live app is touched, and nothing in the topology
 * had to change. Outputs are the serializer's bytes, so with the live settings they are byte-identical to the live
 * topics. With several threads, each runs its own topology over its share of the partitions ({@link ReplayLane}).
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
    private final int threads;

    /** A replay on one thread. */
    public Replayer(final KafkaConsumer<String, byte[]> consumer, final Producer<String, byte[]> producer,
                    final SchemaRegistryClient registry, final Map<String, ?> registryConfig,
                    final TopologySettings settings, final Clock clock,
                    final Consumer<String> progressOut) {
        this(consumer, producer, registry, registryConfig, settings, clock, progressOut, 1);
    }

    /**
     * A replay over {@code threads} topologies at once, each on its own thread with its share of the samples
     * partitions (no more threads than partitions are used); the consumer is polled on the calling thread.
     */
    public Replayer(final KafkaConsumer<String, byte[]> consumer, final Producer<String, byte[]> producer,
                    final SchemaRegistryClient registry, final Map<String, ?> registryConfig,
                    final TopologySettings settings, final Clock clock,
                    final Consumer<String> progressOut, final int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("a replay needs at least 1 thread, got " + threads);
        }
        this.threads = threads;
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
        final ConcurrentMap<String, LongAdder> written = new ConcurrentHashMap<>();
        targets.values().forEach(t -> written.put(t, new LongAdder()));
        final Map<Integer, ArrayDeque<ConsumerRecord<String, byte[]>>> pendingTests = new HashMap<>();
        for (final ConsumerRecord<String, byte[]> r : readAll(Topics.CELL_TESTS)) {
            if (request.wants(r.key())) {
                pendingTests.computeIfAbsent(r.partition(), k -> new ArrayDeque<>()).add(r);
            }
        }
        final Map<TopicPartition, Long> start = new HashMap<>();
        final Map<TopicPartition, Long> end = consumer.endOffsets(partitions(Topics.SAMPLES));
        final Map<TopicPartition, Long> query = new HashMap<>();
        end.keySet().forEach(tp -> query.put(tp, request.from().toEpochMilli()));
        // a batch arrives after its first sample, so the first record that arrived at or after `from` is a safe
        // start for either timestamp type; which batches are in the window is decided by their sample times
        final Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
        end.forEach((tp, e) -> start.put(tp, found.get(tp) == null ? e : found.get(tp).offset()));
        final long total = end.entrySet().stream().mapToLong(x -> x.getValue() - start.get(x.getKey())).sum();
        final int laneCount = Math.min(threads, end.size());
        final AtomicLong done = new AtomicLong();
        final Progress progress = new Progress(clock, Duration.ofSeconds(2));
        final List<OfflineRun> runs = new ArrayList<>();
        final List<Thread> laneThreads = new ArrayList<>();
        try {
            final List<ReplayLane> lanes = new ArrayList<>();
            for (int i = 0; i < laneCount; i++) {
                final Map<Integer, ArrayDeque<ConsumerRecord<String, byte[]>>> own = new HashMap<>();
                for (final var e : pendingTests.entrySet()) {
                    if (e.getKey() % laneCount == i) {
                        own.put(e.getKey(), e.getValue());
                    }
                }
                final OfflineRun run = OfflineRun.start(registry, registryConfig, settings,
                        "cellfloor-replay-" + request.suffix());
                runs.add(run);
                lanes.add(new ReplayLane(run, request, new SampleWindow(request, registry, registryConfig), own,
                        targets, producer, written, done));
            }
            for (int i = 0; i < laneCount; i++) {
                final Thread t = new Thread(lanes.get(i), "cellfloor-replay-lane-" + (i + 1));
                t.setDaemon(true);
                t.start();
                laneThreads.add(t);
            }
            read(start, end, lanes, done, total, progress);
            for (final ReplayLane lane : lanes) {
                lane.finish();
            }
            for (final Thread t : laneThreads) {
                t.join();
            }
            lanes.forEach(ReplayLane::throwIfFailed);
        } finally {
            laneThreads.forEach(Thread::interrupt);
            for (final Thread t : laneThreads) {
                t.join();
            }
            runs.forEach(OfflineRun::close);
        }
        progressOut.accept(progress.line(total, total, true));
        producer.flush();
        final Map<String, Long> out = new LinkedHashMap<>();
        targets.values().forEach(t -> out.put(t, written.get(t).sum()));
        return out;
    }

    /**
     * Polls the samples from {@code start} to {@code end} and hands each partition's records, in offset order, to
     * the lane that owns the partition ({@code partition % lanes}).
     */
    private void read(final Map<TopicPartition, Long> start,
                      final Map<TopicPartition, Long> end, final List<ReplayLane> lanes, final AtomicLong done,
                      final long total, final Progress progress) throws InterruptedException {
        consumer.assign(start.keySet());
        start.forEach(consumer::seek);
        final Map<TopicPartition, Boolean> open = new HashMap<>();
        start.forEach((tp, s) -> open.put(tp, s < end.get(tp)));
        while (open.containsValue(true)) {
            final List<List<ConsumerRecord<String, byte[]>>> chunks = new ArrayList<>();
            lanes.forEach(l -> chunks.add(new ArrayList<>()));
            for (final ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                final TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                if (!open.get(tp)) {
                    continue;
                }
                chunks.get(r.partition() % lanes.size()).add(r);
            }
            for (int i = 0; i < lanes.size(); i++) {
                if (!chunks.get(i).isEmpty()) {
                    lanes.get(i).submit(chunks.get(i));
                }
                lanes.get(i).throwIfFailed();
            }
            for (final TopicPartition tp : consumer.assignment()) {
                if (open.get(tp) && consumer.position(tp) >= end.get(tp)) {
                    open.put(tp, false);
                }
            }
            final String line = progress.line(done.get(), total, false);
            if (line != null) {
                progressOut.accept(line);
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
