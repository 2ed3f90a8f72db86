package io.cellfloor.embedded;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real KRaft Kafka cluster inside this JVM, for end-to-end tests and for the product's demo mode.
 *
 * <p>Why in-JVM: no Docker on the build machines, and the demo should be one process. It is Kafka's own server,
 * not a fake, so transactions, compaction and broker failures behave as in production.
 * <pre>{@code
 * try (EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.singleNode(dir).start()) {
 *     kafka.createTopic("cellfloor.samples.v1", 3, 1, Map.of());
 *     ... clients use kafka.bootstrapServers() ...
 * }
 * }</pre>
 *
 * <p>Ports are picked when the cluster is built (new on every build; clients get them from
 * {@link #bootstrapServers()}) and kept for its lifetime, so {@link #stopBroker(int)} then {@link #startBroker(int)}
 * brings a broker back where clients expect it. Storage is formatted only when a node's directory has no
 * {@code meta.properties}: a new cluster on the same directory (the demo's next run) keeps topics and offsets.
 * {@link #singleNodeSecured(Path, TlsMaterial)} builds a broker that admits only SCRAM users with ACLs.
 *
 * <p>Use one cluster per test class, with {@link #trapKafkaExit()}; a cold start takes a few seconds. The broker runs
 * on the system clock: a real broker cannot run on a fake one. Logging: the server logs hundreds of INFO lines per
 * start through SLF4J. This module excludes log4j-core and routes Kafka's few log4j-api calls to SLF4J, so one backend
 * (logback) governs everything; the price is that changing broker log levels at runtime ({@code kafka-configs
 * --entity-type broker-loggers}) is disabled. An application embedding the cluster brings logback-classic and quiets,
 * in its {@code logback.xml}: {@code <logger name="kafka" level="WARN"/>}, {@code <logger name="org.apache.kafka"
 * level="WARN"/>} and {@code <logger name="state.change.logger" level="WARN"/>} (then raise {@code
 * org.apache.kafka.streams} again if it wants the Streams state changes). A long-running application should call {@link
 * #close()} from a shutdown hook so the brokers shut down cleanly and skip log recovery on the next start.
 */
public final class EmbeddedKafkaCluster implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaCluster.class);

    private final Path dataDir;
    private final Time time;
    private final ClusterLayout layout;
    private final List<KafkaNode> brokers;
    private KafkaExitTrap exitTrap;
    private boolean started;
    private boolean closed;

    private EmbeddedKafkaCluster(final Path dataDir, final ClusterLayout layout) {
        this.dataDir = dataDir;
        this.time = Time.SYSTEM;
        this.layout = layout;
        this.brokers = layout.brokers();
    }

    /**
     * One node that is both controller and broker; internal topics have replication factor 1.
     *
     * @param dataDir where the node keeps its log; reuse it to keep topics across restarts of the whole cluster
     */
    public static EmbeddedKafkaCluster singleNode(final Path dataDir) {
        return new EmbeddedKafkaCluster(dataDir, ClusterLayout.singleNode(dataDir));
    }

    /**
     * One combined node with broker settings of the test's own on top of the defaults, e.g. a retention check
     * every second ({@code log.retention.check.interval.ms}), which only a broker's start-up file can set.
     */
    public static EmbeddedKafkaCluster singleNode(final Path dataDir, final Map<String, String> brokerConfigs) {
        return new EmbeddedKafkaCluster(dataDir, ClusterLayout.singleNode(dataDir, brokerConfigs));
    }

    /**
     * One combined node that admits only authenticated, authorized clients: {@code SASL_SSL} with SCRAM-SHA-512
     * on {@link #bootstrapServers()}, the StandardAuthorizer, no access without an ACL. Create users and ACLs as
     * the super user ({@link #superUserClient()}); see {@link BrokerSecurity}.
     *
     * @param tls the CA-signed broker certificate, e.g. {@link TlsMaterial#generate(Path, String)}
     */
    public static EmbeddedKafkaCluster singleNodeSecured(final Path dataDir, final TlsMaterial tls) {
        return new EmbeddedKafkaCluster(dataDir, ClusterLayout.securedSingleNode(dataDir, tls));
    }

    /**
     * One controller-only node and three brokers; internal topics and new topics default to replication factor 3,
     * internal topics to min ISR 2, so one broker can be stopped without stopping transactions.
     * (Three combined controller+broker voters stall or hang on shutdown in Kafka 4.x, hence the split.)
     *
     * @param dataDir one sub-directory per node is kept here; reuse it to keep topics across restarts
     */
    public static EmbeddedKafkaCluster threeBrokers(final Path dataDir) {
        return new EmbeddedKafkaCluster(dataDir, ClusterLayout.threeBrokers(dataDir));
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
        final List<KafkaNode> nodes = layout.allNodes();
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

    /** Client settings of a SCRAM user of a secured cluster, {@code bootstrap.servers} included. */
    public Map<String, Object> scramClient(final String user, final String password) {
        return layout.security().orElseThrow(() -> new IllegalStateException("This cluster has no security; build "
            + "it with singleNodeSecured(...) to get SCRAM clients")).scramClient(bootstrapServers(), user, password);
    }

    /** The super user's settings (secured: mutual TLS, inter-broker listener), for users, ACLs and topics. */
    public Map<String, Object> superUserClient() {
        return layout.security()
            .map(security -> security.superUserClient(layout.addresses(BrokerSecurity.INTERNAL_LISTENER)))
            .orElseGet(() -> Map.of("bootstrap.servers", bootstrapServers()));
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

    /** Creates a topic unless it exists, with {@code configs} (may be empty); waits for the controller. */
    public void createTopic(final String name, final int partitions, final int replicationFactor,
                            final Map<String, String> configs) {
        createTopics(new NewTopic(name, partitions, (short) replicationFactor).configs(configs));
    }

    /**
     * Creates the topics that do not exist yet and leaves existing ones alone (not even checking their settings),
     * so the demo can call it on every run.
     */
    public void createTopics(final NewTopic... topics) {
        TopicCreation.createMissing(superUserClient(), List.of(topics));
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
        final RuntimeException failure = NodeShutdown.closeAll(layout, exitTrap);
        LOG.info("Kafka cluster at {} stopped in {} ms", dataDir, time.milliseconds() - begin);
        if (failure != null) {
            throw failure;
        }
    }

    private void closeAfterFailedStart(final RuntimeException startFailure) {
        closed = true;
        final RuntimeException stopFailure = NodeShutdown.closeAll(layout, exitTrap);
        if (stopFailure != null) {
            startFailure.addSuppressed(stopFailure);
        }
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
}
