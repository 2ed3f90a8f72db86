package io.cellfloor.bench;

import io.cellfloor.avro.CellTest;
import io.cellfloor.avro.SampleBatch;
import io.cellfloor.embedded.EmbeddedKafkaCluster;
import io.cellfloor.embedded.RegistryProcess;
import io.cellfloor.ingest.SimulatedSource;
import io.cellfloor.ingest.agent.AgentSettings;
import io.cellfloor.ingest.agent.StationAgent;
import io.cellfloor.schema.Topics;
import io.cellfloor.schema.registry.HttpSchemaRegistryClient;
import io.cellfloor.schema.registry.RegistryConfig;
import io.cellfloor.schema.registry.SchemaRegistryClient;
import io.cellfloor.schema.serde.CellfloorSerdes;
import io.cellfloor.sim.ChannelPlan;
import io.cellfloor.sim.FloorPlan;
import io.cellfloor.sim.Pacing;
import io.cellfloor.sim.SimulatedChannel;
import io.cellfloor.sim.SimulatedFloor;
import io.cellfloor.streams.app.CellfloorApps;
import io.cellfloor.streams.app.CellfloorRuntime;
import io.cellfloor.streams.app.TopicPlan;
import io.cellfloor.streams.config.StreamsAppConfig;
import io.cellfloor.streams.topology.TopologyMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * End-to-end throughput of the topology on the embedded broker, with exactly-once and the real registry, in passes.
 * Cold: publishes a simulated floor (timed on its own), starts the streams app on the full topic and times how long
 * it takes to process every sample and to commit the last one's outputs; this includes starting the tasks and
 * compiling the code. Warm: pauses the app, publishes the same floor again as new channels (ids suffixed with the
 * pass number) a year later, resumes and times that the same way, once per further pass: the steady state of an app
 * that has been running. Each pass prints the CPU each thread group used while processing (stream threads, the
 * in-JVM broker, JIT, GC) and the detection app's Kafka metrics, then when the views app had caught up; the run ends
 * with the offsets written per topic. {@code views=off} keeps the views app paused throughout: detection alone.
 * {@code baseline=trivial} also runs {@link TrivialExactlyOnce} on the same samples in every pass, one app after the
 * other with the order swapped each pass, and prints both rates and their ratio per pass and as warm medians.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.cellfloor.bench.TopologyThroughput
 * [channels=64] [cycles=20] [batch=500] [partitions=4] [threads=2] [commitMs=200] [passes=3] [views=off]
 * [baseline=trivial]}
 */
public final class TopologyThroughput {
    private static final long FIRST_FLOOR_START_MS = 1_767_225_600_000L;
    private static final long YEAR_MS = 365L * 24 * 3_600_000;

    private TopologyThroughput() {
    }

    public static void main(final String[] args) throws Exception {
        final int channels = arg(args, 0, 64);
        final int cycles = arg(args, 1, 20);
        final int batch = arg(args, 2, 500);
        final int partitions = arg(args, 3, 4);
        final int threads = arg(args, 4, 2);
        final int commitMs = arg(args, 5, 200);
        final int passes = arg(args, 6, 3);
        final boolean views = !option(args, "views=off");
        final boolean trivial = option(args, "baseline=trivial");
        final Path dir = Files.createTempDirectory("cellfloor-throughput");
        try (EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.singleNode(dir.resolve("kafka")).start();
             RegistryProcess registry = RegistryProcess.start(dir)) {
            // the simulated floor starts on 2026-01-01: without this the broker's 7-day retention deletes samples
            // that are still waiting to be processed in a long run
            kafka.createTopics(TopicPlan.topics(partitions, 1).stream().map(TopologyThroughput::keepForever)
                    .toArray(NewTopic[]::new));
            final Map<String, String> registrySettings = Map.of(RegistryConfig.URL, registry.url());
            final SchemaRegistryClient client = new HttpSchemaRegistryClient(RegistryConfig.fromMap(registrySettings));
            final Publisher publisher = new Publisher(kafka.bootstrapServers(), client, registrySettings, channels,
                    cycles, batch);
            double published = publisher.publish("", FIRST_FLOOR_START_MS);

            final StreamsAppConfig config = StreamsAppConfig.parse(Map.of(
                    "bootstrap.servers", kafka.bootstrapServers(),
                    StreamsAppConfig.REGISTRY_URL, registry.url(),
                    "application.id", "cellfloor-throughput",
                    "num.stream.threads", Integer.toString(threads),
                    "commit.interval.ms", Integer.toString(commitMs),
                    "state.dir", dir.resolve("streams").toString()));
            final TopologyMetrics metrics = new TopologyMetrics(new SimpleMeterRegistry());
            final SideBySide sideBySide = new SideBySide();
            try (CellfloorRuntime runtime = CellfloorRuntime.of(config).metrics(metrics).start();
                 TrivialRun baseline = trivial ? TrivialRun.startPaused(config.streamsProperties()) : null) {
                final CellfloorApps streams = runtime.apps();
                if (!views) {
                    streams.views().pause();
                }
                System.out.printf("cold (tasks starting, code compiling), %d partitions, %d stream threads, commit "
                        + "every %d ms, views app %s%s:%n", partitions, threads, commitMs,
                        views ? "running" : "paused throughout",
                        trivial ? ", then the trivial exactly-once app on the same samples" : "");
                double total = published;
                for (int pass = 1; pass <= passes; pass++) {
                    if (pass > 1) {
                        published = publisher.publish("-" + pass, FIRST_FLOOR_START_MS + (pass - 1) * YEAR_MS);
                        total += published;
                        System.out.printf("warm, pass %d (the same app%s, paused while the floor was published "
                                + "again as new channels, resumed):%n", pass, trivial ? "s" : "");
                    }
                    // the cold pass starts with the full system, then each pass swaps which app goes first, so
                    // neither always meets the machine just after the publisher or just after the other app
                    final boolean fullFirst = pass % 2 == 1;
                    final boolean resume = pass > 1;
                    if (baseline == null) {
                        measureFull(runtime, views, metrics, total, kafka.bootstrapServers(), resume);
                    } else if (fullFirst) {
                        final Rates full = measureFull(runtime, views, metrics, total, kafka.bootstrapServers(),
                                resume);
                        System.out.println(sideBySide.add(pass, true, full, baseline.drain(published)));
                    } else {
                        final Rates base = baseline.drain(published);
                        System.out.println(sideBySide.add(pass, false,
                                measureFull(runtime, views, metrics, total, kafka.bootstrapServers(), resume), base));
                    }
                }
                if (trivial) {
                    System.out.println(sideBySide.warmSummary());
                }
                System.out.println(CommitWatch.topicEnds(kafka.bootstrapServers()));
            }
        }
    }

    /**
     * Times cellfloor's apps ({@link #measure}), resumed first where {@code resume}, and pauses them afterwards so
     * the next publication (or the trivial app's turn) has the machine to itself.
     */
    private static Rates measureFull(final CellfloorRuntime runtime, final boolean views,
                                     final TopologyMetrics metrics, final double total, final String bootstrap,
                                     final boolean resume) throws Exception {
        final CellfloorApps streams = runtime.apps();
        if (resume) {
            if (views) {
                streams.views().resume();
            }
            streams.detection().resume();
        }
        final Rates rates = measure(runtime, views, metrics, total, bootstrap);
        streams.detection().pause();
        streams.views().pause();
        return rates;
    }

    /** Times the app from its next processed sample until {@code total} samples are in and committed. */
    private static Rates measure(final CellfloorRuntime runtime, final boolean views, final TopologyMetrics metrics,
                                 final double total, final String bootstrap) throws Exception {
        final CellfloorApps streams = runtime.apps();
        final double before = metrics.samplesIn();
        final long deadline = System.nanoTime() + 300_000_000_000L;
        long first = 0;
        Map<String, Double> atFirst = Map.of();
        Map<Long, Map.Entry<String, Long>> cpuAtFirst = Map.of();
        while (metrics.samplesIn() < total) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("processed only " + metrics.samplesIn() + " of " + total
                        + " samples in 5 minutes; streams state " + streams.detection().state());
            }
            if (first == 0 && metrics.samplesIn() > before) {
                first = System.nanoTime();
                atFirst = StreamsBreakdown.snapshot(streams.detection());
                cpuAtFirst = ThreadCpu.snapshot();
            }
            runtime.rethrowIfFailed();
            Thread.sleep(1);
        }
        final double seconds = (System.nanoTime() - first) / 1e9;
        final Map<Long, Map.Entry<String, Long>> cpuAtEnd = ThreadCpu.snapshot();
        final double samples = total - before;
        System.out.printf("processed %,.0f samples (%,.0f cycles, %,.0f dead letters so far): %.2f s, %,.0f samples/s%n",
                samples, metrics.cyclesClosed(), metrics.deadLetters(), seconds, samples / seconds);
        CommitWatch.awaitEnd(bootstrap, "cellfloor-throughput", Topics.SAMPLES, deadline);
        final double committedSeconds = (System.nanoTime() - first) / 1e9;
        System.out.printf("committed: the last sample's outputs readable (read_committed) %.2f s after the "
                + "first sample was processed: %,.0f samples/s%n", committedSeconds, samples / committedSeconds);
        System.out.println(ThreadCpu.between(cpuAtFirst, cpuAtEnd));
        System.out.println(StreamsBreakdown.between(atFirst, StreamsBreakdown.snapshot(streams.detection())));
        if (!views) {
            return new Rates(samples / seconds, samples / committedSeconds, samples / committedSeconds);
        }
        final Map<Long, Map.Entry<String, Long>> cpuAtCommit = ThreadCpu.snapshot();
        CommitWatch.awaitEnd(bootstrap, "cellfloor-throughput-views", Topics.CYCLES, deadline);
        final double currentSeconds = (System.nanoTime() - first) / 1e9;
        System.out.printf("views: the views app had read and committed every cycle %.2f s after the first sample "
                + "was processed; from detection's commit until then: %s%n", currentSeconds,
                ThreadCpu.between(cpuAtCommit, ThreadCpu.snapshot()));
        return new Rates(samples / seconds, samples / committedSeconds, samples / currentSeconds);
    }

    /** Publishes the simulated floor through the station agent, its channel and test ids suffixed. */
    private record Publisher(String bootstrap, SchemaRegistryClient client, Map<String, String> registrySettings,
                             int channels, int cycles, int batch) {
        /** Returns how many samples were published. */
        double publish(final String suffix, final long startMs) throws Exception {
            final SimpleMeterRegistry meters = new SimpleMeterRegistry();
            final int perStation = Math.min(16, channels);
            final FloorPlan plan = FloorPlan.builder().stations(channels / perStation).channelsPerStation(perStation)
                    .cycles(cycles).build();
            final SimulatedFloor floor = new SimulatedFloor(FloorPlan.of(plan.channels().stream()
                    .map(c -> new ChannelPlan(new SimulatedChannel(c.info().stationId(), c.info().channelId() + suffix,
                            c.info().testId() + suffix, c.info().cell()), c.config()))
                    .toList()), Pacing.runToCompletion(startMs));
            final long start = System.nanoTime();
            try (KafkaProducer<String, byte[]> producer = StationAgent.producer(bootstrap)) {
                final StationAgent agent = new StationAgent(new SimulatedSource(floor), producer,
                        CellfloorSerdes.value(SampleBatch.class, client, registrySettings).serializer(),
                        CellfloorSerdes.value(CellTest.class, client, registrySettings).serializer(),
                        new AgentSettings(batch, Long.MAX_VALUE), meters, System::currentTimeMillis);
                agent.publishCellTests();
                agent.run(() -> true);
            }
            final double seconds = (System.nanoTime() - start) / 1e9;
            final double samples = meters.counter("cellfloor.agent.samples.published").count();
            System.out.printf("published %,.0f samples of %d channels in batches of up to %d: %.1f s, "
                    + "%,.0f samples/s (simulator + agent + producer, one thread)%n", samples, channels, batch,
                    seconds, samples / seconds);
            return samples;
        }
    }

    private static NewTopic keepForever(final NewTopic topic) {
        final Map<String, String> configs = new HashMap<>(topic.configs() == null ? Map.of() : topic.configs());
        configs.put("retention.ms", "-1");
        return topic.configs(configs);
    }

    /** Whether {@code flag} is among the arguments after the seven numbers. */
    private static boolean option(final String[] args, final String flag) {
        return Arrays.asList(args).subList(Math.min(7, args.length), args.length).contains(flag);
    }

    private static int arg(final String[] args, final int index, final int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }
}
