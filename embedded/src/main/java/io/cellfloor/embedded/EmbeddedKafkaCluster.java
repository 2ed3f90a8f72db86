package io.cellfloor.embedded;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real KRaft Kafka cluster inside this JVM, for end-to-end tests and for the product's demo mode.
 *
 * <p>Why in-JVM: no Docker on the build machines, and the demo should be one process. It is Kafka's own server,
 * not a fake, so transactions, compaction and broker failures behave as in production.
 *
 * <pre>{@code
 * try (EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.singleNode(dir).start()) {
 *     kafka.createTopic("cellfloor.samples.v1", 3, 1, Map.of());
 *     ... clients use kafka.bootstrapServers() ...
 * }
 * }</pre>
 *
 * <p>Ports are picked when the cluster is built and kept for its lifetime, so {@link #stopBroker(int)} then
 * {@link #startBroker(int)} brings a broker back where clients expect it. Storage is formatted only when a node's
 * directory has no {@code meta.properties}: building a new cluster on the same directory (for the demo, the next
 * run) restarts it with its topics and offsets. Ports are new on every build; clients get them from
 * {@link #bootstrapServers()}.
 *
 * <p>Use one cluster per test class, with {@link #trapKafkaExit()}; a cold start takes a few seconds. The broker
 * runs on the system clock: a real broker cannot run on a fake one.
 *
 * <p>Logging: the server logs hundreds of INFO lines per start through SLF4J. This module excludes log4j-core
 * and routes Kafka's few log4j-api calls to SLF4J, so one backend (logback) governs everything; the price is that
 * changing broker log levels at runtime ({@code kafka-configs --entity-type broker-loggers}) is disabled. An
 * application embedding the cluster brings logback-classic and quiets, in its {@code logback.xml}:
 * {@code <logger name="kafka" level="WARN"/>}, {@code <logger name="org.apache.kafka" level="WARN"/>} and
 * {@code <logger name="state.change.logger" level="WARN"/>} (then raise {@code org.apache.kafka.streams} again
 * if it wants the Streams state changes). A long-running application should call {@link #close()} from a
 * shutdown hook so the brokers shut down cleanly and skip log recovery on the next start.
 */
public final class EmbeddedKafkaCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaCluster.class);
    private static final int SINGLE_NODE_ID = 1;
    private static final int CONTROLLER_ID = 100;

    private final Path dataDir;
    private final Time time;
    private final Optional<KafkaNode> controller;
    private final List<KafkaNode> brokers;
    private KafkaExitTrap exitTrap;
    private boolean started;
    private boolean closed;

    private EmbeddedKafkaCluster(final Path dataDir, final Time time, final Optional<KafkaNode> controller,
                                 final List<KafkaNode> brokers) {
        this.dataDir = dataDir;
        this.time = time;
        this.controller = controller;
        this.brokers = List.copyOf(brokers);
    }

    /**
     * One node that is both controller and broker; internal topics have replication factor 1.
     *
     * @param dataDir where the node keeps its log; reuse it to keep topics across restarts of the whole cluster
     */
    public static EmbeddedKafkaCluster singleNode(final Path dataDir) {
        final Path logDir = ClusterStorage.nodeDir(dataDir, ClusterStorage.COMBINED, SINGLE_NODE_ID);
        final KafkaNode node = new KafkaNode(SINGLE_NODE_ID, logDir,
            NodeConfigs.combined(SINGLE_NODE_ID, FreePorts.pick(), FreePorts.pick(), logDir), Time.SYSTEM);
        return new EmbeddedKafkaCluster(dataDir, Time.SYSTEM, Optional.empty(), List.of(node));
    }

    /**
     * One controller-only node and three brokers; internal topics and new topics default to replication factor 3,
     * internal topics to min ISR 2, so one broker can be stopped without stopping transactions.
     * (Three combined controller+broker voters stall or hang on shutdown in Kafka 4.x, hence the split.)
     *
     * @param dataDir one sub-directory per node is kept here; reuse it to keep topics across restarts
     */
    public static EmbeddedKafkaCluster threeBrokers(final Path dataDir) {
        final int replication = 3;
        final int minIsr = 2;
        final int controllerPort = FreePorts.pick();
        final Path controllerDir = ClusterStorage.nodeDir(dataDir, ClusterStorage.CONTROLLER, CONTROLLER_ID);
        final KafkaNode controller = new KafkaNode(CONTROLLER_ID, controllerDir,
            NodeConfigs.controllerOnly(CONTROLLER_ID, controllerPort, controllerDir, replication, minIsr), Time.SYSTEM);
        final String voters = NodeConfigs.voters(CONTROLLER_ID, controllerPort);
        final List<KafkaNode> brokers = new ArrayList<>();
        for (int nodeId = 1; nodeId <= replication; nodeId++) {
            final Path logDir = ClusterStorage.nodeDir(dataDir, ClusterStorage.BROKER, nodeId);
            brokers.add(new KafkaNode(nodeId, logDir,
                NodeConfigs.brokerOnly(nodeId, FreePorts.pick(), voters, logDir, replication, minIsr), Time.SYSTEM));
        }
        return new EmbeddedKafkaCluster(dataDir, Time.SYSTEM, Optional.of(controller), brokers);
    }

    /**
     * For tests: while this cluster runs, Kafka's requests to exit or halt the JVM throw instead, and
     * {@link #close()} reports the first one. Without it a fatal broker fault kills the test fork without a word.
     * Leave it off in the demo, which should stop like a real broker does. Call before {@link #start()}.
     */
    public synchronized EmbeddedKafkaCluster trapKafkaExit() {
        if (started) {
            throw new IllegalStateException("trapKafkaExit() must be called before start()");
        }
        exitTrap = new KafkaExitTrap();
        return this;
    }

    /**
     * Formats storage where needed and starts every node; returns once every broker serves clients.
     * Starting a started cluster does nothing.
     */
    public synchronized EmbeddedKafkaCluster start() {
        if (closed) {
            throw new IllegalStateException("This cluster was closed; build a new one on " + dataDir + " to restart it");
        }
        if (started) {
            return this;
        }
        final long begin = time.milliseconds();
        final List<KafkaNode> nodes = allNodes();
        final String clusterId = ClusterStorage.prepare(dataDir, nodes);
        if (exitTrap != null) {
            exitTrap.install();
        }
        started = true;
        try {
            nodes.forEach(KafkaNode::start);
        } catch (final RuntimeException e) {
            closeAfterFailedStart(e);
            throw e;
        }
        LOG.info("Kafka cluster {} with {} broker(s) serving at {} (data in {}), started in {} ms",
            clusterId, brokers.size(), bootstrapServers(), dataDir, time.milliseconds() - begin);
        return this;
    }

    /** Comma-separated {@code 127.0.0.1:port} of every broker, running or not; stable for this instance. */
    public String bootstrapServers() {
        return brokers.stream()
            .map(KafkaNode::brokerAddress)
            .collect(Collectors.joining(","));
    }

    /** How many brokers {@link #stopBroker(int)} and {@link #startBroker(int)} can address. */
    public int brokerCount() {
        return brokers.size();
    }

    /** The {@code node.id} of a broker, to match it with the leader and ISR that Admin reports. */
    public int brokerNodeId(final int index) {
        checkIndex(index);
        return brokers.get(index).nodeId();
    }

    /** The directory the nodes keep their data in. */
    public Path dataDir() {
        return dataDir;
    }

    /**
     * Creates a topic unless it exists; waits until the controller has created it.
     *
     * @param configs topic configs such as {@code cleanup.policy=compact}; may be empty
     */
    public void createTopic(final String name, final int partitions, final int replicationFactor,
                            final Map<String, String> configs) {
        createTopics(new NewTopic(name, partitions, (short) replicationFactor).configs(configs));
    }

    /**
     * Creates the topics that do not exist yet and leaves existing ones alone (not even checking their settings),
     * so the demo can call it on every run.
     */
    public void createTopics(final NewTopic... topics) {
        TopicCreation.createMissing(bootstrapServers(), List.of(topics));
    }

    /**
     * Stops one broker (for the single-node cluster: the node, controller included) and keeps its data.
     *
     * @param index 0 to {@link #brokerCount()} - 1
     */
    public synchronized void stopBroker(final int index) {
        final long begin = time.milliseconds();
        broker(index).stop();
        LOG.info("Kafka broker {} stopped in {} ms", index, time.milliseconds() - begin);
    }

    /** Starts a stopped broker again on the same port and data; returns once it serves clients. */
    public synchronized void startBroker(final int index) {
        final long begin = time.milliseconds();
        broker(index).start();
        LOG.info("Kafka broker {} started in {} ms", index, time.milliseconds() - begin);
    }

    /**
     * Stops every node, brokers first so they can hand over to the controller; the data stays on disk.
     * Closing twice does nothing.
     *
     * @throws IllegalStateException if a node failed to stop, or Kafka asked to exit the JVM while trapped
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        final long begin = time.milliseconds();
        final RuntimeException failure = stopAll();
        final Optional<String> exitCall = uninstallExitTrap();
        LOG.info("Kafka cluster at {} stopped in {} ms", dataDir, time.milliseconds() - begin);
        if (exitCall.isPresent()) {
            final IllegalStateException trapped = new IllegalStateException(exitCall.get()
                + "; the broker hit a fatal error while the test ran - see the Kafka log for the cause");
            if (failure != null) {
                trapped.addSuppressed(failure);
            }
            throw trapped;
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void closeAfterFailedStart(final RuntimeException startFailure) {
        closed = true;
        final RuntimeException stopFailure = stopAll();
        if (stopFailure != null) {
            startFailure.addSuppressed(stopFailure);
        }
        uninstallExitTrap().ifPresent(call -> startFailure.addSuppressed(new IllegalStateException(call)));
    }

    /**
     * Stops the brokers together (one at a time, each waits for its controlled shutdown: seconds), then the
     * controller; returns the first failure with later ones attached.
     */
    private RuntimeException stopAll() {
        final ExecutorService stopper = Executors.newFixedThreadPool(brokers.size(), runnable -> {
            final Thread thread = new Thread(runnable, "embedded-kafka-stop");
            thread.setDaemon(true);
            return thread;
        });
        final List<CompletableFuture<RuntimeException>> brokerStops = brokers.stream()
            .map(broker -> CompletableFuture.supplyAsync(() -> stopNode(broker), stopper))
            .collect(Collectors.toList());
        final List<RuntimeException> failures = new ArrayList<>();
        brokerStops.forEach(stop -> failures.add(stop.join()));
        stopper.shutdown();
        controller.ifPresent(node -> failures.add(stopNode(node)));
        RuntimeException first = null;
        for (final RuntimeException failure : failures) {
            if (failure == null) {
                continue;
            }
            if (first == null) {
                first = failure;
            } else {
                first.addSuppressed(failure);
            }
        }
        return first;
    }

    private static RuntimeException stopNode(final KafkaNode node) {
        try {
            node.stop();
            return null;
        } catch (final RuntimeException e) {
            return new IllegalStateException("Kafka node " + node.nodeId() + " did not stop cleanly; its data in "
                + node.logDir() + " may need recovery on the next start", e);
        }
    }

    private Optional<String> uninstallExitTrap() {
        if (exitTrap == null) {
            return Optional.empty();
        }
        exitTrap.uninstall();
        return exitTrap.firstCall();
    }

    private void checkIndex(final int index) {
        if (index < 0 || index >= brokers.size()) {
            throw new IllegalArgumentException("Broker index " + index + " is out of range: this cluster has "
                + brokers.size() + " broker(s), indexed from 0");
        }
    }

    private KafkaNode broker(final int index) {
        checkIndex(index);
        if (!started || closed) {
            throw new IllegalStateException("Start the cluster before stopping or starting one of its brokers");
        }
        return brokers.get(index);
    }

    private List<KafkaNode> allNodes() {
        return Stream.concat(controller.stream(), brokers.stream()).collect(Collectors.toList());
    }
}
