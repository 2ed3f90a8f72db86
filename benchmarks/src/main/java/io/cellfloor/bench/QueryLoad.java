package io.cellfloor.bench;

import io.cellfloor.avro.CellTest;
import io.cellfloor.avro.SampleBatch;
import io.cellfloor.embedded.EmbeddedKafkaCluster;
import io.cellfloor.embedded.RegistryProcess;
import io.cellfloor.ingest.SimulatedSource;
import io.cellfloor.ingest.agent.AgentSettings;
import io.cellfloor.ingest.agent.StationAgent;
import io.cellfloor.schema.registry.HttpSchemaRegistryClient;
import io.cellfloor.schema.registry.RegistryConfig;
import io.cellfloor.schema.registry.SchemaRegistryClient;
import io.cellfloor.schema.serde.CellfloorSerdes;
import io.cellfloor.sim.FloorPlan;
import io.cellfloor.sim.Pacing;
import io.cellfloor.sim.SimulatedFloor;
import io.cellfloor.streams.app.CellfloorApps;
import io.cellfloor.streams.app.CellfloorRuntime;
import io.cellfloor.streams.app.TopicPlan;
import io.cellfloor.streams.config.StreamsAppConfig;
import io.cellfloor.streams.query.QueryServer;
import io.cellfloor.streams.query.QuerySettings;
import io.cellfloor.streams.topology.TopologyMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Latency of the query API under load, on a live demo-sized floor: embedded broker, registry process, the streams
 * app with its query server, and a simulated floor published in real time (speed-up as in the demo) while
 * {@code rate} channel queries a second go to the API, open-loop, for {@code seconds} (after 5 s of warm-up).
 *
 * <p>With {@code instances=2} a second instance (own state dir and port, one standby replica each) joins once the
 * first has closed a cycle per channel, and every query goes to the first: about half of the channel queries are
 * then forwarded to the owner.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.cellfloor.bench.QueryLoad
 * [channels=64] [rate=200] [seconds=60] [endpoint=channel|cycles|trace|floor] [speedUp=600] [instances=1]}
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
        final int instances = args.length > 5 ? Integer.parseInt(args[5]) : 1;
        if (instances < 1 || instances > 2) {
            throw new IllegalArgumentException("instances must be 1 or 2, got " + instances);
        }
        final Path dir = Files.createTempDirectory("cellfloor-query-load");
        try (EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.singleNode(dir.resolve("kafka")).start();
             RegistryProcess registry = RegistryProcess.start(dir)) {
            kafka.createTopics(TopicPlan.topics(4, 1).toArray(NewTopic[]::new));
            final Map<String, String> registrySettings = Map.of(RegistryConfig.URL, registry.url());
            final SchemaRegistryClient client = new HttpSchemaRegistryClient(RegistryConfig.fromMap(registrySettings));
            final SimpleMeterRegistry meters = new SimpleMeterRegistry();
            final int perStation = Math.min(16, channels);
            final SimulatedFloor floor = new SimulatedFloor(FloorPlan.builder()
                    .stations((channels + perStation - 1) / perStation).channelsPerStation(perStation).cycles(1_000)
                    .build(), Pacing.paced(System::currentTimeMillis, System.currentTimeMillis(), speedUp));
            final TopologyMetrics metrics = new TopologyMetrics(meters);
            final App first = new App(kafka, registry, dir.resolve("streams-1"), metrics);
            App second = null;
            try (KafkaProducer<String, byte[]> producer = StationAgent.producer(kafka.bootstrapServers())) {
                final QueryServer query = first.query;
                final StationAgent agent = new StationAgent(new SimulatedSource(floor), producer,
                        CellfloorSerdes.value(SampleBatch.class, client, registrySettings).serializer(),
                        CellfloorSerdes.value(CellTest.class, client, registrySettings).serializer(),
                        AgentSettings.DEFAULTS, meters, System::currentTimeMillis);
                agent.publishCellTests();
                final AtomicBoolean stop = new AtomicBoolean();
                final Thread publisher = new Thread(() -> publish(agent, stop), "station-agent");
                publisher.start();
                waitForCycles(metrics, channels);
                if (instances == 2) {
                    second = new App(kafka, registry, dir.resolve("streams-2"), metrics);
                    second.awaitBothRunning(first);
                }

                final List<URI> urls = floor.channels().stream().map(c -> URI.create("http://" + query.advertised()
                        + path(endpoint, c.channelId()))).toList();
                new LoadClock().run(urls, rate, 5);
                final double cyclesBefore = metrics.cyclesClosed();
                final LoadClock load = new LoadClock();
                final long[] latencies = load.run(urls, rate, seconds);
                System.out.printf("%s queries (%s) at %d/s open-loop for %d s on a live floor of %d channels "
                                + "(speed-up %.0fx, %d instance(s), %,.0f cycles closed meanwhile): %d requests, "
                                + "%d errors, median %.2f ms, p99 %.2f ms, max %.2f ms%n",
                        endpoint, path(endpoint, "{id}"), rate, seconds, channels, speedUp, instances,
                        metrics.cyclesClosed() - cyclesBefore, latencies.length, load.errors(),
                        LoadClock.percentileMs(latencies, 0.5), LoadClock.percentileMs(latencies, 0.99),
                        LoadClock.percentileMs(latencies, 1.0));
                if (instances == 2) {
                    System.out.printf("%d of %d channels are owned by the second instance: their queries were "
                            + "forwarded%n", forwarded(floor, query), channels);
                }
                stop.set(true);
                publisher.join();
            } finally {
                if (second != null) {
                    second.close();
                }
                first.close();
            }
        }
    }

    /** One instance of the streams app with its query server, in this JVM. */
    private static final class App implements AutoCloseable {
        final CellfloorRuntime runtime;
        final QueryServer query;
        final CellfloorApps streams;

        App(final EmbeddedKafkaCluster kafka, final RegistryProcess registry, final Path stateDir,
            final TopologyMetrics metrics) {
            final StreamsAppConfig config = StreamsAppConfig.parse(Map.of(
                    "bootstrap.servers", kafka.bootstrapServers(),
                    StreamsAppConfig.REGISTRY_URL, registry.url(),
                    "application.id", "cellfloor-query-load",
                    "num.standby.replicas", "1",
                    "state.dir", stateDir.toString()));
            this.runtime = CellfloorRuntime.of(config).metrics(metrics)
                    .query(new QuerySettings("127.0.0.1", 0, "127.0.0.1", null)).start();
            this.query = runtime.query();
            this.streams = runtime.apps();
        }

        /** Until both instances run and each sees the other (at most two minutes). */
        void awaitBothRunning(final App other) throws InterruptedException {
            final long deadline = System.nanoTime() + 120_000_000_000L;
            while (System.nanoTime() < deadline) {
                if (running(this) && running(other)) {
                    return;
                }
                Thread.sleep(200);
            }
            throw new IllegalStateException("the two instances did not both reach RUNNING in two minutes");
        }

        private static boolean running(final App app) {
            return app.streams.detection().state() == KafkaStreams.State.RUNNING
                    && app.streams.views().state() == KafkaStreams.State.RUNNING
                    && app.streams.detection().metadataForAllStreamsClients().size() == 2
                    && app.streams.views().metadataForAllStreamsClients().size() == 2;
        }

        @Override
        public void close() {
            runtime.close();
        }
    }

    /** How many channels the first instance answers for by asking the other one ({@code servedBy}). */
    private static long forwarded(final SimulatedFloor floor, final QueryServer first) throws Exception {
        final java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        long n = 0;
        for (final var c : floor.channels()) {
            final String body = http.send(java.net.http.HttpRequest.newBuilder(URI.create("http://"
                    + first.advertised() + "/api/channels/" + c.channelId())).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            if (!body.contains("\"servedBy\":\"" + first.advertised() + "\"")) {
                n++;
            }
        }
        return n;
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
