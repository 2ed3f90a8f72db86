package io.cellfloor.bench;

import io.cellfloor.avro.CellTest;
import io.cellfloor.avro.SampleBatch;
import io.cellfloor.embedded.EmbeddedKafkaCluster;
import io.cellfloor.embedded.RegistryProcess;
import io.cellfloor.ingest.agent.AgentSettings;
import io.cellfloor.ingest.agent.StationAgent;
import io.cellfloor.ingest.sim.FloorPlan;
import io.cellfloor.ingest.sim.Pacing;
import io.cellfloor.ingest.sim.SimulatedFloor;
import io.cellfloor.schema.registry.HttpSchemaRegistryClient;
import io.cellfloor.schema.registry.RegistryConfig;
import io.cellfloor.schema.registry.SchemaRegistryClient;
import io.cellfloor.schema.serde.CellfloorSerdes;
import io.cellfloor.streams.app.StreamsRunner;
import io.cellfloor.streams.app.TopicPlan;
import io.cellfloor.streams.config.StreamsAppConfig;
import io.cellfloor.streams.query.QueryCodecs;
import io.cellfloor.streams.query.QueryServer;
import io.cellfloor.streams.query.QuerySettings;
import io.cellfloor.streams.topology.CellfloorTopology;
import io.cellfloor.streams.topology.Codecs;
import io.cellfloor.streams.topology.TopologyMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Latency of the query API under load, on a live demo-sized floor: embedded broker, registry process, the streams
 * app with its query server, and a simulated floor published in real time (speed-up as in the demo) while
 * {@code rate} channel queries a second go to the API, open-loop, for {@code seconds} (after 5 s of warm-up).
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.cellfloor.bench.QueryLoad
 * [channels=64] [rate=200] [seconds=60] [endpoint=channel|cycles|trace|floor] [speedUp=600]}
 */
public final class QueryLoad {
    private QueryLoad() {
    }

    public static void main(final String[] args) throws Exception {
        final int channels = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        final int rate = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        final int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        final String endpoint = args.length > 3 ? args[3] : "channel";
        final double speedUp = args.length > 4 ? Double.parseDouble(args[4]) : 600;
        final Path dir = Files.createTempDirectory("cellfloor-query-load");
        try (EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.singleNode(dir.resolve("kafka")).start();
             RegistryProcess registry = RegistryProcess.start(dir)) {
            kafka.createTopics(TopicPlan.topics(4, 1).toArray(NewTopic[]::new));
            final Map<String, String> registrySettings = Map.of(RegistryConfig.URL, registry.url());
            final SchemaRegistryClient client = new HttpSchemaRegistryClient(RegistryConfig.fromMap(registrySettings));
            final SimpleMeterRegistry meters = new SimpleMeterRegistry();
            final StreamsAppConfig config = StreamsAppConfig.parse(Map.of(
                    "bootstrap.servers", kafka.bootstrapServers(),
                    StreamsAppConfig.REGISTRY_URL, registry.url(),
                    "application.id", "cellfloor-query-load",
                    "state.dir", dir.resolve("streams").toString()));
            final int perStation = Math.min(16, channels);
            final SimulatedFloor floor = new SimulatedFloor(FloorPlan.builder()
                    .stations((channels + perStation - 1) / perStation).channelsPerStation(perStation).cycles(1_000)
                    .build(), Pacing.paced(System::currentTimeMillis, System.currentTimeMillis(), speedUp));
            final TopologyMetrics metrics = new TopologyMetrics(meters);
            try (QueryServer query = QueryServer.start(new QuerySettings("127.0.0.1", 0, "127.0.0.1", null));
                 StreamsRunner streams = new StreamsRunner(CellfloorTopology.build(
                         Codecs.registry(client, registrySettings), config.topology(), metrics),
                         withServer(config, query), meters);
                 KafkaProducer<String, byte[]> producer = StationAgent.producer(kafka.bootstrapServers())) {
                streams.start();
                query.attach(streams.streams(), QueryCodecs.registry(client, registrySettings),
                        Map.of("bootstrap.servers", kafka.bootstrapServers()));
                final StationAgent agent = new StationAgent(floor, producer,
                        CellfloorSerdes.value(SampleBatch.class, client, registrySettings).serializer(),
                        CellfloorSerdes.value(CellTest.class, client, registrySettings).serializer(),
                        AgentSettings.DEFAULTS, meters, System::currentTimeMillis);
                agent.publishCellTests();
                final AtomicBoolean stop = new AtomicBoolean();
                final Thread publisher = new Thread(() -> publish(agent, stop), "station-agent");
                publisher.start();
                waitForCycles(metrics, channels);

                final List<URI> urls = floor.channels().stream().map(c -> URI.create("http://" + query.advertised()
                        + path(endpoint, c.channelId()))).toList();
                new LoadClock().run(urls, rate, 5);
                final double cyclesBefore = metrics.cyclesClosed();
                final LoadClock load = new LoadClock();
                final long[] latencies = load.run(urls, rate, seconds);
                System.out.printf("%s queries (%s) at %d/s open-loop for %d s on a live floor of %d channels "
                                + "(speed-up %.0fx, %,.0f cycles closed meanwhile): %d requests, %d errors, "
                                + "median %.2f ms, p99 %.2f ms, max %.2f ms%n",
                        endpoint, path(endpoint, "{id}"), rate, seconds, channels, speedUp,
                        metrics.cyclesClosed() - cyclesBefore, latencies.length, load.errors(),
                        LoadClock.percentileMs(latencies, 0.5), LoadClock.percentileMs(latencies, 0.99),
                        LoadClock.percentileMs(latencies, 1.0));
                stop.set(true);
                publisher.join();
            }
        }
    }

    private static String path(final String endpoint, final String channel) {
        return switch (endpoint) {
            case "channel" -> "/api/channels/" + channel;
            case "cycles" -> "/api/channels/" + channel + "/cycles?size=50";
            case "trace" -> "/api/channels/" + channel + "/trace";
            case "floor" -> "/api/floor";
            default -> throw new IllegalArgumentException("endpoint must be channel, cycles, trace or floor, got "
                    + endpoint);
        };
    }

    private static Properties withServer(final StreamsAppConfig config, final QueryServer query) {
        final Properties props = config.streamsProperties();
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, query.advertised());
        return props;
    }

    private static void publish(final StationAgent agent, final AtomicBoolean stop) {
        try {
            agent.run(() -> !stop.get());
        } catch (IOException e) {
            throw new IllegalStateException("the simulated floor failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Until every channel has closed a cycle or so, so the queries read real state (at most two minutes). */
    private static void waitForCycles(final TopologyMetrics metrics, final int channels) throws InterruptedException {
        final long deadline = System.nanoTime() + 120_000_000_000L;
        while (metrics.cyclesClosed() < channels && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }
}
