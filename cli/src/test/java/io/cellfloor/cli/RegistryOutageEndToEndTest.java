package io.cellfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cellfloor.avro.CellTest;
import io.cellfloor.avro.SampleBatch;
import io.cellfloor.embedded.KafkaAndRegistryExtension;
import io.cellfloor.ingest.SimulatedSource;
import io.cellfloor.ingest.agent.AgentSettings;
import io.cellfloor.ingest.agent.StationAgent;
import io.cellfloor.schema.Topics;
import io.cellfloor.schema.registry.HttpSchemaRegistryClient;
import io.cellfloor.schema.registry.RegistryConfig;
import io.cellfloor.schema.registry.SchemaRegistryClient;
import io.cellfloor.schema.serde.CellfloorSerdes;
import io.cellfloor.sim.FloorPlan;
import io.cellfloor.sim.Pacing;
import io.cellfloor.sim.SimulatedFloor;
import io.cellfloor.streams.app.CellfloorRuntime;
import io.cellfloor.streams.app.TopicPlan;
import io.cellfloor.streams.config.StreamsAppConfig;
import io.cellfloor.streams.topology.TopologyMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry process is stopped (SIGSTOP: it accepts connections and answers nothing, as a hung or overloaded
 * registry does) while a streams app starts with cold schema caches, and continued 60 s later. Every sample must
 * be processed, no batch dead-lettered, and every planned cycle closed exactly once.
 */
class RegistryOutageEndToEndTest {
    @RegisterExtension
    static final KafkaAndRegistryExtension PLATFORM = KafkaAndRegistryExtension.withTopics(TopicPlan.topics(2, 1));
    private static final Duration OUTAGE = Duration.ofSeconds(60);
    @TempDir
    Path dir;

    @Test
    void shouldWaitForTheRegistryAndLoseOrDeadLetterNothing() throws Exception {
        final double published = publishFloor();

        final SimpleMeterRegistry meters = new SimpleMeterRegistry();
        final TopologyMetrics metrics = new TopologyMetrics(meters);
        final ProcessHandle registry = registryProcess();
        signal(registry, "STOP");
        final long stoppedAt = System.nanoTime();
        try (CellfloorRuntime streams = CellfloorRuntime.of(config("cellfloor-outage")).meters(meters)
                .metrics(metrics).start()) {
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> metrics.registryRetries() > 0);
                Thread.sleep(Math.max(0, OUTAGE.toMillis() - (System.nanoTime() - stoppedAt) / 1_000_000));
                assertThat(metrics.samplesIn()).as("nothing decoded while the registry is stopped").isZero();
            } finally {
                signal(registry, "CONT");
            }
            final long resumedAt = System.nanoTime();
            try {
                await().atMost(Duration.ofSeconds(90)).until(() -> metrics.samplesIn() >= published
                        || streams.failure() != null || metrics.deadLetters() > 0);
            } finally {
                System.out.printf("after the outage: %.0f of %.0f samples in, %.0f batches in, %.0f unreadable, "
                                + "%.0f dead letters, %.0f waits%n", metrics.samplesIn(), published,
                        meters.counter("cellfloor.streams.batches.in").count(),
                        meters.counter("cellfloor.streams.records.unreadable").count(), metrics.deadLetters(),
                        metrics.registryRetries());
            }
            System.out.printf("registry outage: %.0f samples, %.0f waits, caught up %.1f s after the registry "
                    + "answered again, %.0f dead letters%n", metrics.samplesIn(), metrics.registryRetries(),
                    (System.nanoTime() - resumedAt) / 1e9, metrics.deadLetters());
            streams.rethrowIfFailed();
            assertThat(metrics.deadLetters()).isZero();
            assertThat(metrics.samplesIn()).isEqualTo(published);
        }

        // the floor closes every planned cycle once: 2 stations x 3 channels x 3 cycles; nothing twice
        final List<String> cycles = readCommitted(Topics.CYCLES);
        assertThat(cycles).hasSize(18).doesNotHaveDuplicates();
        assertThat(readCommitted(Topics.DEAD_LETTER)).isEmpty();
    }

    private StreamsAppConfig config(final String appId) {
        final Map<String, String> s = new HashMap<>();
        s.put("bootstrap.servers", PLATFORM.bootstrapServers());
        s.put(StreamsAppConfig.REGISTRY_URL, PLATFORM.registryUrl());
        s.put("schema.registry." + RegistryConfig.READ_TIMEOUT_MS, "2000");
        s.put("schema.registry." + RegistryConfig.MAX_RETRIES, "1");
        s.put("application.id", appId);
        s.put("state.dir", dir.resolve(appId).toString());
        return StreamsAppConfig.parse(s);
    }

    private static double publishFloor() throws Exception {
        final Map<String, String> settings = Map.of(RegistryConfig.URL, PLATFORM.registryUrl());
        final SchemaRegistryClient client = new HttpSchemaRegistryClient(RegistryConfig.fromMap(settings));
        final SimpleMeterRegistry meters = new SimpleMeterRegistry();
        final SimulatedFloor floor = new SimulatedFloor(
                FloorPlan.builder().seed(15).stations(2).channelsPerStation(3).cycles(3).breakdowns(1).build(),
                Pacing.runToCompletion(1_767_225_600_000L));
        try (KafkaProducer<String, byte[]> producer = StationAgent.producer(PLATFORM.bootstrapServers())) {
            final StationAgent agent = new StationAgent(new SimulatedSource(floor), producer,
                    CellfloorSerdes.value(SampleBatch.class, client, settings).serializer(),
                    CellfloorSerdes.value(CellTest.class, client, settings).serializer(),
                    AgentSettings.DEFAULTS, meters, System::currentTimeMillis);
            agent.publishCellTests();
            agent.run(() -> true);
            producer.flush();
        }
        return meters.counter("cellfloor.agent.samples.published").count();
    }

    /** Output records as key and value bytes in hex, so that a duplicate is an equal string. */
    private static List<String> readCommitted(final String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, PLATFORM.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            final List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            final Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            final List<String> out = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (final ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    out.add(r.key() + "=" + HexFormat.of().formatHex(r.value()));
                }
                return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
            });
            return out;
        }
    }

    /** The registry child process of this JVM (started by the extension). */
    private static ProcessHandle registryProcess() {
        return ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().orElse("").contains("cellfloor-registry-runner"))
                .findFirst().orElseThrow(() -> new IllegalStateException("no registry child process found"));
    }

    private static void signal(final ProcessHandle process, final String signal) throws Exception {
        final int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start()
                .waitFor();
        assertThat(exit).as("kill -" + signal).isZero();
    }
}
