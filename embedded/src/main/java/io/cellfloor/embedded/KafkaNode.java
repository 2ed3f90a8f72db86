package io.cellfloor.embedded;

import java.nio.file.Path;
import java.util.Map;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;

/**
 * One KRaft server (controller, broker or both) that can be stopped and started again on the same ports and data.
 *
 * <p>{@link KafkaRaftServer} is an internal Kafka class: this is the only place that touches it, so a Kafka upgrade
 * that changes it breaks one file and the smoke tests.
 */
final class KafkaNode {

    private final int nodeId;
    private final Path logDir;
    private final Map<String, String> props;
    private final Time time;
    private KafkaRaftServer server;

    KafkaNode(final int nodeId, final Path logDir, final Map<String, String> props, final Time time) {
        this.nodeId = nodeId;
        this.logDir = logDir;
        this.props = Map.copyOf(props);
        this.time = time;
    }

    int nodeId() {
        return nodeId;
    }

    Path logDir() {
        return logDir;
    }

    /** {@code 127.0.0.1:port} clients use (the first advertised listener), or null for a controller-only node. */
    String brokerAddress() {
        final String advertised = props.get("advertised.listeners");
        return advertised == null ? null : address(advertised.split(",")[0]);
    }

    /** {@code 127.0.0.1:port} of the advertised listener called {@code name}. */
    String listenerAddress(final String name) {
        for (final String listener : props.getOrDefault("advertised.listeners", "").split(",")) {
            if (listener.startsWith(name + "://")) {
                return address(listener);
            }
        }
        throw new IllegalStateException("Kafka node " + nodeId + " advertises no listener " + name);
    }

    private static String address(final String listener) {
        return listener.substring(listener.indexOf("://") + 3);
    }

    /**
     * Starts the server; for a broker this returns once the controller has unfenced it, i.e. it serves clients.
     */
    void start() {
        if (server != null) {
            return;
        }
        final KafkaRaftServer starting = new KafkaRaftServer(new KafkaConfig(props), time);
        try {
            starting.startup();
        } catch (final RuntimeException e) {
            final IllegalStateException failure = new IllegalStateException("Kafka node " + nodeId
                + " (" + props.get("process.roles") + ") failed to start on " + props.get("listeners")
                + " with data in " + logDir
                + "; if a port is in use, another process took it after it was picked - build a new cluster", e);
            stopAfterFailedStart(starting, failure);
            throw failure;
        }
        server = starting;
    }

    /** Stops the server and waits for it; the data directory is kept for a later {@link #start()}. */
    void stop() {
        if (server == null) {
            return;
        }
        final KafkaRaftServer stopping = server;
        server = null;
        stopping.shutdown();
        stopping.awaitShutdown();
    }

    private static void stopAfterFailedStart(final KafkaRaftServer failed, final RuntimeException failure) {
        try {
            failed.shutdown();
            failed.awaitShutdown();
        } catch (final RuntimeException e) {
            // the start failure is the useful error; keep the shutdown trouble attached to it
            failure.addSuppressed(e);
        }
    }
}
