package io.cellfloor.cli;

import io.cellfloor.avro.CellTest;
import io.cellfloor.avro.CycleSummary;
import io.cellfloor.avro.SampleBatch;
import io.cellfloor.embedded.EmbeddedKafkaCluster;
import io.cellfloor.embedded.RegistryProcess;
import io.cellfloor.ingest.SimulatedSource;
import io.cellfloor.ingest.agent.AgentSettings;
import io.cellfloor.ingest.agent.StationAgent;
import io.cellfloor.schema.registry.SchemaRegistryClient;
import io.cellfloor.schema.serde.CellfloorSerdes;
import io.cellfloor.sim.FloorPlan;
import io.cellfloor.sim.Pacing;
import io.cellfloor.sim.SimulatedFloor;
import io.cellfloor.streams.app.CellfloorRuntime;
import io.cellfloor.streams.app.TopicPlan;
import io.cellfloor.streams.config.StreamsAppConfig;
import io.cellfloor.streams.query.QueryServer;
import io.cellfloor.streams.query.QuerySettings;
import io.cellfloor.streams.topology.TopologyMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.awt.Desktop;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * {@code cellfloor demo}: a whole floor on one machine. A real KRaft broker in this JVM, the schema registry as
 * a child process, a simulated floor published by a station agent, and the streams app, with a progress line and
 * every cycle printed as it closes. Ctrl-C (or {@code --seconds}) stops everything in reverse order.
 */
final class Demo {
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    private static final double HOUR_MS = 3_600_000.0;

    private Demo() {
    }

    static int run(final DemoSettings s) throws Exception {
        try (ShutdownSignal shutdown = new ShutdownSignal("cellfloor-demo", Duration.ofSeconds(60))) {
            return runUntilStopped(s, shutdown::requested, System.out);
        }
    }

    static int runUntilStopped(final DemoSettings s, final BooleanSupplier stopRequested, final PrintStream out)
            throws Exception {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(s.seconds());
        deleteRecursively(s.stateDir());
        Files.createDirectories(s.stateDir());
        out.printf("cellfloor demo: %d channels, speed-up %.0fx, state in %s%n", s.channels(), s.speedUp(),
                s.stateDir().toAbsolutePath());
        final Path logFile = s.stateDir().resolve("cellfloor.log");
        if (!s.verbose()) {
            out.println("log of the broker, the streams apps and the clients: " + logFile
                    + " (--verbose shows it here)");
        }
        try (DemoLogs logs = s.verbose() ? null : DemoLogs.toFile(logFile)) {
            return runWithLogs(s, stopRequested, out, deadline);
        }
    }

    private static int runWithLogs(final DemoSettings s, final BooleanSupplier stopRequested, final PrintStream out,
                                   final long deadline) throws Exception {
        final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.singleNode(s.stateDir().resolve("kafka")).start();
             RegistryProcess registry = RegistryProcess.start(s.stateDir());
             MetricsServer metricsServer = MetricsServer.start("127.0.0.1", s.metricsPort(), meters)) {
            kafka.createTopics(TopicPlan.topics(s.partitions(), 1).toArray(NewTopic[]::new));
            out.printf("broker %s | schema registry %s | metrics http://127.0.0.1:%d/metrics%n",
                    kafka.bootstrapServers(), registry.url(), metricsServer.port());
            final StreamsAppConfig config = StreamsAppConfig.parse(Map.of(
                    "bootstrap.servers", kafka.bootstrapServers(),
                    StreamsAppConfig.REGISTRY_URL, registry.url(),
                    "application.id", "cellfloor-demo",
                    "state.dir", s.stateDir().resolve("streams").toString()));
            final TopologyMetrics topologyMetrics = new TopologyMetrics(meters);
            final Pacing pacing = Pacing.catchingUp(System::currentTimeMillis,
                    (long) (s.historyHours() * HOUR_MS), s.speedUp());
            out.println(catchUpLine(s, pacing));
            final SimulatedSource floor = new SimulatedSource(new SimulatedFloor(floorPlan(s), pacing));
            try (CellfloorRuntime streams = CellfloorRuntime.of(config).meters(meters).metrics(topologyMetrics)
                    .query(new QuerySettings("127.0.0.1", s.httpPort(), "127.0.0.1", null)).start();
                 CyclePrinter printer = new CyclePrinter(kafka.bootstrapServers(),
                         CellfloorSerdes.value(CycleSummary.class, streams.registryClient(), streams.registrySettings())
                                 .deserializer(), floor.channels(), out);
                 KafkaProducer<String, byte[]> producer = StationAgent.producer(Map.of(
                         ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                         ProducerConfig.CLIENT_ID_CONFIG, "cellfloor-demo-agent"));
                 KafkaClientMetrics producerMetrics = new KafkaClientMetrics(producer)) {
                producerMetrics.bindTo(meters);
                final QueryServer query = streams.query();
                final SchemaRegistryClient client = streams.registryClient();
                final Map<String, String> registrySettings = streams.registrySettings();
                out.printf("dashboard http://127.0.0.1:%d/%n", query.port());
                if (s.openBrowser()) {
                    openBrowser(URI.create("http://127.0.0.1:" + query.port() + "/"), out);
                }
                printer.start();
                final StationAgent agent = new StationAgent(floor, producer,
                        CellfloorSerdes.value(SampleBatch.class, client, registrySettings).serializer(),
                        CellfloorSerdes.value(CellTest.class, client, registrySettings).serializer(),
                        AgentSettings.DEFAULTS, meters, System::currentTimeMillis);
                agent.publishCellTests();
                final AtomicBoolean stop = new AtomicBoolean();
                final Thread agentThread = new Thread(() -> {
                    try {
                        agent.run(() -> !stop.get());
                    } catch (IOException e) {
                        throw new IllegalStateException("the simulated floor failed", e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "station-agent");
                agentThread.start();
                final Runnable announceCatchUp = catchUpAnnouncement(pacing, out);
                new Progress(s.channels(), meters, topologyMetrics, out).runUntil(() -> {
                    announceCatchUp.run();
                    return stopRequested.getAsBoolean() || (s.seconds() > 0 && System.nanoTime() >= deadline)
                            || streams.failure() != null;
                }, PROGRESS_EVERY);
                stop.set(true);
                agentThread.join(Duration.ofSeconds(10).toMillis());
                out.println("cellfloor demo: stopping");
                if (streams.failure() != null) {
                    out.println("cellfloor demo: the streams app failed: " + streams.failure() + " (details in "
                            + s.stateDir().resolve("cellfloor.log") + ")");
                    return 1;
                }
            }
        }
        out.println("cellfloor demo: stopped; state kept in " + s.stateDir().toAbsolutePath());
        return 0;
    }

    /** Where simulated time starts and when it reaches now: samples are never stamped after the wall clock. */
    private static String catchUpLine(final DemoSettings s, final Pacing pacing) {
        if (s.historyHours() == 0) {
            return "simulated floor: starts now and keeps pace with the wall clock";
        }
        final Duration catchUp = pacing.catchUpTime();
        final String when = catchUp.compareTo(Duration.ofDays(365)) > 0 ? "never (speed-up <= 1)"
                : "in " + (catchUp.toSeconds() >= 60 ? catchUp.toMinutes() + " min " + catchUp.toSecondsPart() + " s"
                : catchUp.toSeconds() + " s");
        return String.format("simulated floor: starts %s h ago at %.0fx, catches up with now %s, then keeps pace "
                + "with the wall clock", trim(s.historyHours()), s.speedUp(), when);
    }

    /**
     * Says once, when the simulated floor reaches the wall clock, that it now runs in real time: the drop in
     * samples/s that follows is the floor keeping pace, not the demo stalling. Run it as often as you like.
     */
    private static Runnable catchUpAnnouncement(final Pacing pacing, final PrintStream out) {
        final Duration catchUp = pacing.catchUpTime();
        if (pacing.wallStartMs() == pacing.simStartMs() || catchUp.compareTo(Duration.ofDays(365)) > 0) {
            return () -> { };
        }
        final long at = pacing.wallStartMs() + catchUp.toMillis();
        final AtomicBoolean said = new AtomicBoolean();
        return () -> {
            if (System.currentTimeMillis() >= at && !said.getAndSet(true)) {
                out.println("simulated floor: caught up with now; from here on it keeps pace with the wall clock");
            }
        };
    }

    private static String trim(final double hours) {
        return hours == Math.rint(hours) ? Long.toString((long) hours) : Double.toString(hours);
    }

    /** Best effort: a machine without a desktop (a server, a container) just has the address printed above. */
    private static void openBrowser(final URI dashboard, final PrintStream out) {
        if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
            return;
        }
        try {
            Desktop.getDesktop().browse(dashboard);
        } catch (IOException | UnsupportedOperationException e) {
            out.println("cellfloor demo: could not open a browser (" + e.getMessage() + "); open the address above");
        }
    }

    private static FloorPlan floorPlan(final DemoSettings s) {
        final int perStation = Math.min(16, s.channels());
        final int stations = (s.channels() + perStation - 1) / perStation;
        return FloorPlan.builder().stations(stations).channelsPerStation(perStation).cycles(s.cycles()).build();
    }

    private static void deleteRecursively(final Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (final Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
