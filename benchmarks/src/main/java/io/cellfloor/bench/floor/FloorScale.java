package io.cellfloor.bench.floor;

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
import io.cellfloor.sim.FloorPlan;
import io.cellfloor.sim.Pacing;
import io.cellfloor.sim.SamplingConfig;
import io.cellfloor.sim.SimulatedFloor;
import io.cellfloor.streams.app.TopicPlan;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The floor-scale benchmark (issue 16): a simulated floor at a real floor's pace (one sample a second per channel,
 * stamped with the wall clock) on three brokers (RF 3, min ISR 2) with the registry process and two streams
 * instances in JVMs of their own, one standby replica. In one run, in this order:
 * <ol>
 * <li><b>Outage and catch-up.</b> The floor starts {@code outageMinutes} in the past, so the agent first publishes
 *     that much floor time while no streams app runs (the backlog an outage leaves: records as small as live
 *     ones, since the agent batches at most 2 samples). Then both instances start, and the time until they have
 *     committed up to the backlog's end is the catch-up time; floor time over catch-up time is the multiple of
 *     real time. Start-up of the JVMs and of the group is inside it.</li>
 * <li><b>Live.</b> {@code liveSeconds} at wall-clock pace: latency from a cycle's last sample (its timestamp,
 *     the wall clock at the agent) to the cycle summary and to the alert, read_committed; then heap after GC and
 *     RSS of each instance and state-directory bytes per channel.</li>
 * <li><b>Failover.</b> {@code kill -9} of the second instance; the time until the first one's query API answers
 *     for every sampled channel the killed one owned (served by itself); then {@code afterSeconds} with the
 *     survivor alone holding every channel: latencies, heap and RSS again.</li>
 * </ol>
 * Trailing {@code key=value} arguments go to both instances' settings (e.g. {@code session.timeout.ms=6000});
 * {@code -Dfloor.agent.max-samples=1} makes the agent send every sample as it comes instead of in pairs.
 *
 * <p>Only the cycles are compressed (minutes, not hours). The command, its arguments and what the figures miss:
 * BENCHMARKS.md, "Floor scale".
 */
public final class FloorScale {
    private static final String APP_ID = "cellfloor-floor";
    private static final int PER_STATION = 16;
    /** System property: samples per agent record (default 2; 1 sends each sample at once, twice the records). */
    private static final String AGENT_MAX_SAMPLES = "floor.agent.max-samples";

    private FloorScale() {
    }

    public static void main(final String[] args) throws Exception {
        final int requested = arg(args, 0, 1_000);
        final int liveSeconds = arg(args, 1, 180);
        final int outageMinutes = arg(args, 2, 60);
        final int partitions = arg(args, 3, 8);
        final String childHeap = args.length > 4 && !args[4].contains("=") ? args[4] : "768m";
        final int afterSeconds = arg(args, 5, 60);
        final Path dir = Files.createTempDirectory("cellfloor-floor-scale");
        say("work dir %s, load average %s", dir, load());
        try (EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.threeBrokers(dir.resolve("kafka")).start();
             RegistryProcess registry = RegistryProcess.start(dir)) {
            kafka.createTopics(TopicPlan.topics(partitions, 3).stream().map(FloorScale::cycleTimesOnRecords)
                    .toArray(NewTopic[]::new));
            final long wallStart = System.currentTimeMillis();
            final long simStart = wallStart - outageMinutes * 60_000L;
            final SimulatedFloor floor = new SimulatedFloor(FloorPlan.builder()
                    .stations((requested + PER_STATION - 1) / PER_STATION).channelsPerStation(PER_STATION)
                    .cycles(100_000).breakdowns(Math.max(1, requested / 2))
                    .sampling(SamplingConfig.typical().withIntervalMs(1_000).timeOnly()).build(),
                    new Pacing(System::currentTimeMillis, simStart, simStart, 1.0,
                            Pacing.DEFAULT_MAX_SAMPLES_PER_POLL, 0L, false));
            final int channels = floor.channels().size();
            final TrackedSource source =
                    new TrackedSource(new SimulatedSource(floor), Pacing.DEFAULT_MAX_SAMPLES_PER_POLL);
            final Map<String, String> registrySettings = Map.of(RegistryConfig.URL, registry.url());
            final SchemaRegistryClient client = new HttpSchemaRegistryClient(RegistryConfig.fromMap(registrySettings));
            final AtomicBoolean stop = new AtomicBoolean();
            try (KafkaProducer<String, byte[]> producer = StationAgent.producer(kafka.bootstrapServers())) {
                final StationAgent agent = new StationAgent(source, producer,
                        CellfloorSerdes.value(SampleBatch.class, client, registrySettings).serializer(),
                        CellfloorSerdes.value(CellTest.class, client, registrySettings).serializer(),
                        new AgentSettings(Integer.getInteger(AGENT_MAX_SAMPLES, 2), 1_000), new SimpleMeterRegistry(),
                        System::currentTimeMillis);
                agent.publishCellTests();
                final Thread publisher = new Thread(() -> publish(agent, stop), "station-agent");
                publisher.setDaemon(true);
                publisher.start();
                run(kafka, registry, source, channels, simStart, liveSeconds, afterSeconds, childHeap, dir,
                        extraSettings(args));
                stop.set(true);
                publisher.join(30_000);
            }
        }
    }

    private static void run(final EmbeddedKafkaCluster kafka, final RegistryProcess registry,
                            final TrackedSource source, final int channels, final long simStart,
                            final int liveSeconds, final int afterSeconds, final String childHeap, final Path dir,
                            final Map<String, String> extra)
            throws Exception {
        final long backlogBegin = System.currentTimeMillis();
        for (int k = 1; !source.caughtUp(); k++) {
            Thread.sleep(500);
            if (k % 20 == 0) {
                say("  backlog: %,d samples published", source.samples());
            }
        }
        final Lag lag = new Lag(kafka.bootstrapServers(), APP_ID);
        final Map<Integer, Long> backlogEnd = lag.endOffsets();
        say("%,d channels: %.1f min of floor time (%,d samples) published with no streams app in %.1f s; load %s",
                channels, (System.currentTimeMillis() - simStart) / 60e3, source.samples(),
                (System.currentTimeMillis() - backlogBegin) / 1e3, load());

        final Map<String, String> settings = new TreeMap<>(Map.of("bootstrap.servers",
                kafka.bootstrapServers(), "schema.registry.url", registry.url(), "application.id", APP_ID,
                "num.standby.replicas", "1"));
        settings.putAll(extra);
        final long start = System.currentTimeMillis();
        final long floorTimeMs = start - simStart;
        final OutputWatch.Phase catchUp = new OutputWatch.Phase("catch-up", Long.MAX_VALUE);
        try (InstanceProcess first = InstanceProcess.start(childHeap, dir.resolve("streams-1"), settings);
             InstanceProcess second = InstanceProcess.start(childHeap, dir.resolve("streams-2"), settings);
             OutputWatch watch = new OutputWatch(kafka.bootstrapServers(), catchUp, source)) {
            final String firstUrl = first.address(Duration.ofMinutes(3));
            final String secondUrl = second.address(Duration.ofMinutes(3));
            lag.awaitCommitted(backlogEnd, Duration.ofMinutes(60));
            final long drained = System.currentTimeMillis() - start;
            say("catch-up: %.1f min of floor time drained in %.1f s from starting both JVMs: %.1fx real time; "
                    + "load %s", floorTimeMs / 60e3, drained / 1e3, floorTimeMs / (double) drained, load());

            final OutputWatch.Phase live = new OutputWatch.Phase("live, 2 instances", System.currentTimeMillis());
            watch.next(live);
            say("cycle summaries and alerts out while catching up: %,d", catchUp.older().get());
            OutputWatch.progress(live, lag, liveSeconds);
            OutputWatch.report(live);
            say("instance 1: heap after GC %s, RSS %s; instance 2: heap after GC %s, RSS %s",
                    mb(first.heapAfterGc()), mb(first.rssBytes()), mb(second.heapAfterGc()), mb(second.rssBytes()));
            final long state = first.stateBytes() + second.stateBytes();
            say("state directories: %s + %s = %,.0f bytes per channel (active and standby copies)",
                    mb(first.stateBytes()), mb(second.stateBytes()), state / (double) channels);

            final Failover failover = new Failover(firstUrl, secondUrl, source.channelIds());
            final List<String> owned = failover.ownedBySecond(200);
            final OutputWatch.Phase after = new OutputWatch.Phase("after kill -9", System.currentTimeMillis());
            watch.next(after);
            second.kill();
            final long killedAt = System.currentTimeMillis();
            final Failover.Served served = failover.awaitServedByFirst(owned, Duration.ofMinutes(5));
            say("failover: the %d sampled channels of the killed instance answered by the survivor %.1f s after "
                            + "kill -9 from its standby (stale), %.1f s as their active owner "
                            + "(num.standby.replicas=1, %s); load %s", owned.size(), (served.anyMs() - killedAt) / 1e3,
                    (served.freshMs() - killedAt) / 1e3, extra.isEmpty() ? "client defaults" : extra, load());
            OutputWatch.progress(after, lag, afterSeconds);
            OutputWatch.report(after);
            say("survivor holding all %,d channels: heap after GC %s, RSS %s", channels, mb(first.heapAfterGc()),
                    mb(first.rssBytes()));
        }
    }

    private static void publish(final StationAgent agent, final AtomicBoolean stop) {
        try {
            agent.run(() -> !stop.get());
        } catch (final IOException e) {
            throw new IllegalStateException("the simulated floor failed", e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int arg(final String[] args, final int index, final int fallback) {
        return args.length > index && !args[index].contains("=") ? Integer.parseInt(args[index]) : fallback;
    }

    /** Arguments of the form {@code key=value}: settings for both streams instances (e.g. session.timeout.ms). */
    private static Map<String, String> extraSettings(final String[] args) {
        final Map<String, String> out = new TreeMap<>();
        for (final String a : args) {
            final int eq = a.indexOf('=');
            if (eq > 0) {
                out.put(a.substring(0, eq), a.substring(eq + 1));
            }
        }
        return out;
    }

    private static String mb(final long bytes) {
        return String.format(Locale.ROOT, "%,.1f MB", bytes / 1e6);
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (final IOException e) {
            return "?";
        }
    }

    static void say(final String format, final Object... values) {
        System.out.printf("[%tT] %s%n", System.currentTimeMillis(), String.format(Locale.ROOT, format, values));
    }

    /**
     * {@link OutputWatch} reads a cycle's end and an alert's time from the record timestamp, which the streams app
     * sets from the payload; production topics are stamped on arrival (so backfills outlive retention), which
     * would turn every latency into broker delivery time. This run backfills nothing, so create time is safe here.
     */
    private static NewTopic cycleTimesOnRecords(final NewTopic topic) {
        if (!Topics.CYCLES.equals(topic.name()) && !Topics.ALERTS.equals(topic.name())) {
            return topic;
        }
        final Map<String, String> configs = new HashMap<>(topic.configs());
        configs.put("message.timestamp.type", "CreateTime");
        return topic.configs(configs);
    }
}
