package io.cellfloor.bench.parallel;

import io.cellfloor.avro.CellTest;
import io.cellfloor.avro.DeadLetter;
import io.cellfloor.avro.SampleBatch;
import io.cellfloor.embedded.EmbeddedKafkaCluster;
import io.cellfloor.embedded.RegistryProcess;
import io.cellfloor.ingest.agent.AgentSettings;
import io.cellfloor.ingest.agent.ChannelRule;
import io.cellfloor.ingest.agent.FileAgent;
import io.cellfloor.ingest.agent.FileAgentSettings;
import io.cellfloor.ingest.agent.StationAgent;
import io.cellfloor.ingest.format.CyclerFormat;
import io.cellfloor.ingest.format.ReaderOptions;
import io.cellfloor.ingest.spool.SpoolDrainer;
import io.cellfloor.schema.registry.HttpSchemaRegistryClient;
import io.cellfloor.schema.registry.RegistryConfig;
import io.cellfloor.schema.registry.SchemaRegistryClient;
import io.cellfloor.schema.serde.CellfloorSerdes;
import io.cellfloor.streams.app.TopicPlan;
import io.cellfloor.streams.config.StreamsAppConfig;
import io.cellfloor.streams.replay.ReplayRequest;
import io.cellfloor.streams.replay.ReplayTopics;
import io.cellfloor.streams.replay.Replayer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Backfill and replay on one thread against N threads, side by side in one run on the embedded broker with the real
 * registry: the figure issue 16 asks for (publishing was the floor's bottleneck at one thread).
 *
 * <p>Backfill: the station agent imports a directory of generated Arbin exports (one file per channel) with
 * {@code readers} 1, then N, alternately for {@code rounds} rounds; each run publishes the files under its own
 * channel ids, timed from the start to the last record acknowledged. Replay: every sample those runs published is
 * replayed through the production topology with 1, then N, threads into a replay topic of its own, timed from start
 * to the last output acknowledged. Each line also says how many cores the JVM kept busy (its CPU time over the wall
 * time), since on a shared machine the other processes decide how much of N threads can run.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.cellfloor.bench.parallel.ParallelPublishing
 * [files=16] [rowsPerFile=100000] [threads=cores] [rounds=2] [partitions=4]}
 */
public final class ParallelPublishing {
    private ParallelPublishing() {
    }

    public static void main(final String[] args) throws Exception {
        final int files = arg(args, 0, 16);
        final int rowsPerFile = arg(args, 1, 100_000);
        final int threads = arg(args, 2, Runtime.getRuntime().availableProcessors());
        final int rounds = arg(args, 3, 2);
        final int partitions = arg(args, 4, 4);
        final Path dir = Files.createTempDirectory("cellfloor-parallel");
        final long rows = ArbinExport.write(dir.resolve("in"), files, rowsPerFile);
        System.out.printf(Locale.ROOT, "%d files x %,d rows = %,d rows; %d cores; N = %d; %d partitions%n", files,
                rowsPerFile, rows, Runtime.getRuntime().availableProcessors(), threads, partitions);
        try (EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.singleNode(dir.resolve("kafka")).start();
             RegistryProcess registry = RegistryProcess.start(dir)) {
            final List<NewTopic> topics = new ArrayList<>(TopicPlan.topics(partitions, 1));
            final List<Integer> counts = List.of(1, threads);
            for (int r = 1; r <= rounds; r++) {
                for (final int n : counts) {
                    topics.addAll(ReplayTopics.newTopics(suffix(r, n), partitions));
                }
            }
            kafka.createTopics(topics.stream().map(ParallelPublishing::keepForever).toArray(NewTopic[]::new));
            final Map<String, String> rs = Map.of(RegistryConfig.URL, registry.url());
            final SchemaRegistryClient client = new HttpSchemaRegistryClient(RegistryConfig.fromMap(rs));

            final List<String> lines = new ArrayList<>();
            int run = 0;
            for (int r = 1; r <= rounds; r++) {
                for (final int n : counts) {
                    final long cpu = cpuNanos();
                    final double seconds = backfill(kafka.bootstrapServers(), client, rs, dir, ++run, n, rows);
                    lines.add(String.format(Locale.ROOT, "| backfill | %d | %d | %,d rows | %.2f s | %.2f |"
                            + " %,.0f rows/s |", r, n, rows, seconds, (cpuNanos() - cpu) / 1e9 / seconds,
                            rows / seconds));
                    System.out.println(lines.get(lines.size() - 1));
                }
            }
            final long published = rows * run;
            final StreamsAppConfig config = StreamsAppConfig.parse(Map.of("bootstrap.servers",
                    kafka.bootstrapServers(), StreamsAppConfig.REGISTRY_URL, registry.url(),
                    "application.id", "cellfloor-parallel-bench"));
            for (int r = 1; r <= rounds; r++) {
                for (final int n : counts) {
                    final long start = System.nanoTime();
                    final long cpu = cpuNanos();
                    final Map<String, Long> written = replay(kafka.bootstrapServers(), client, rs, config,
                            suffix(r, n), n);
                    final double seconds = (System.nanoTime() - start) / 1e9;
                    lines.add(String.format(Locale.ROOT, "| replay | %d | %d | %,d samples, %,d outputs | %.2f s |"
                                    + " %.2f | %,.0f samples/s |", r, n, published,
                            written.values().stream().mapToLong(Long::longValue).sum(), seconds,
                            (cpuNanos() - cpu) / 1e9 / seconds, published / seconds));
                    System.out.println(lines.get(lines.size() - 1));
                }
            }
            System.out.println("| what | round | threads | work | wall time | cores busy (JVM CPU / wall) | rate |");
            System.out.println("|---|---|---|---|---|---|---|");
            lines.forEach(System.out::println);
        }
    }

    /** One backfill of the directory with {@code readers} threads, its channels named for {@code run}; seconds. */
    private static double backfill(final String bootstrap, final SchemaRegistryClient client,
                                   final Map<String, String> rs, final Path dir, final int run, final int readers,
                                   final long rows) throws Exception {
        final Path state = dir.resolve("agent-" + run);
        final FileAgentSettings settings = new FileAgentSettings("bench", List.of(dir.resolve("in")), false,
                CyclerFormat.ARBIN_CSV, List.of(new ChannelRule(Pattern.compile("cell-(\\d+)\\.csv"),
                "run" + run + "-ch$1", null)), ReaderOptions.defaults(), state.resolve("q"),
                Duration.ofMillis(100), Duration.ofMillis(1000), AgentSettings.DEFAULTS, readers);
        final SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (KafkaProducer<String, byte[]> producer = StationAgent.producer(bootstrap)) {
            final long start = System.nanoTime();
            final FileAgent agent = FileAgent.open(settings, state.resolve("spool"), 4L << 30,
                    state.resolve("checkpoint"), CellfloorSerdes.value(SampleBatch.class, client, rs).serializer(),
                    CellfloorSerdes.value(CellTest.class, client, rs).serializer(),
                    CellfloorSerdes.value(DeadLetter.class, client, rs).serializer(), meters,
                    System::currentTimeMillis, null);
            final SpoolDrainer drainer = new SpoolDrainer(agent.spool(), producer, 512, Duration.ofSeconds(1), meters,
                    System::currentTimeMillis).start();
            agent.run(() -> true);
            drainer.close(Duration.ofMinutes(10));
            final double seconds = (System.nanoTime() - start) / 1e9;
            agent.close();
            final double published = meters.counter("cellfloor.agent.samples.published").count();
            if (!drainer.drained() || published != rows) {
                throw new IllegalStateException("backfill " + run + " published " + published + " of " + rows
                        + " rows");
            }
            return seconds;
        }
    }

    private static Map<String, Long> replay(final String bootstrap, final SchemaRegistryClient client,
                                            final Map<String, String> rs, final StreamsAppConfig config,
                                            final String suffix, final int threads) throws Exception {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                new ByteArrayDeserializer());
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                     ProducerConfig.LINGER_MS_CONFIG, "20"), new StringSerializer(), new ByteArraySerializer())) {
            return new Replayer(consumer, producer, client, rs, config.topology(), Clock.systemUTC(),
                    System.err::println, threads).replay(new ReplayRequest(Instant.EPOCH,
                    Instant.parse("9999-12-31T00:00:00Z"), Set.of(), suffix));
        }
    }

    /** CPU time of this whole JVM (agent or replay, and the in-JVM broker): how many cores a run kept busy. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String suffix(final int round, final int threads) {
        return "bench-r" + round + "-t" + threads;
    }

    private static NewTopic keepForever(final NewTopic topic) {
        final Map<String, String> configs = new HashMap<>(topic.configs() == null ? Map.of() : topic.configs());
        configs.put("retention.ms", "-1");
        return topic.configs(configs);
    }

    private static int arg(final String[] args, final int i, final int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }
}
