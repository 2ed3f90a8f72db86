package io.cellfloor.embedded;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Server properties for the node kinds the embedded cluster runs, as pure functions of ports and directories.
 *
 * <p>In KRaft the controller, not the broker, applies {@code default.replication.factor} to new topics (4.4
 * warns when a broker-only node sets it), while brokers create the internal topics. The internal-topic
 * settings matter: with the defaults (replication factor 3) a single broker can never create the transaction
 * state topic and exactly-once producers then silently deliver nothing.
 */
final class NodeConfigs {

    static final String CONTROLLER_LISTENER = "CONTROLLER";
    static final String BROKER_LISTENER = "PLAINTEXT";
    private static final String HOST = "127.0.0.1";

    private NodeConfigs() {
    }

    /** A node that is both the only controller and the only broker. */
    static Map<String, String> combined(final int nodeId, final int brokerPort, final int controllerPort,
                                        final Path logDir) {
        final Map<String, String> props = common(nodeId, voters(nodeId, controllerPort), logDir, 1, 1);
        props.put("process.roles", "broker,controller");
        props.put("default.replication.factor", "1");
        props.put("listeners", listener(BROKER_LISTENER, brokerPort) + "," + listener(CONTROLLER_LISTENER, controllerPort));
        props.put("advertised.listeners", listener(BROKER_LISTENER, brokerPort));
        props.put("inter.broker.listener.name", BROKER_LISTENER);
        return props;
    }

    /**
     * A combined node whose clients must authenticate ({@code SASL_SSL} on {@code brokerPort}), with a mutual-TLS
     * inter-broker listener on {@code internalPort} and a mutual-TLS controller listener.
     */
    static Map<String, String> securedCombined(final int nodeId, final int brokerPort, final int internalPort,
                                               final int controllerPort, final Path logDir,
                                               final BrokerSecurity security) {
        final Map<String, String> props = combined(nodeId, brokerPort, controllerPort, logDir);
        props.putAll(security.serverProperties());
        final String client = listener(BrokerSecurity.CLIENT_LISTENER, brokerPort);
        final String internal = listener(BrokerSecurity.INTERNAL_LISTENER, internalPort);
        props.put("listeners", client + "," + internal + "," + listener(CONTROLLER_LISTENER, controllerPort));
        // clients take the first advertised address (KafkaNode#brokerAddress): the authenticated one
        props.put("advertised.listeners", client + "," + internal);
        return props;
    }

    /** The controller of a multi-broker cluster; it holds no partitions. */
    static Map<String, String> controllerOnly(final int nodeId, final int controllerPort, final Path logDir,
                                              final int replication, final int minIsr) {
        final Map<String, String> props = common(nodeId, voters(nodeId, controllerPort), logDir, replication, minIsr);
        props.put("process.roles", "controller");
        props.put("default.replication.factor", Integer.toString(replication));
        props.put("listeners", listener(CONTROLLER_LISTENER, controllerPort));
        return props;
    }

    /** A broker that follows the controller at {@code voters}. */
    static Map<String, String> brokerOnly(final int nodeId, final int brokerPort, final String voters,
                                          final Path logDir, final int replication, final int minIsr) {
        final Map<String, String> props = common(nodeId, voters, logDir, replication, minIsr);
        props.put("process.roles", "broker");
        props.put("listeners", listener(BROKER_LISTENER, brokerPort));
        props.put("advertised.listeners", listener(BROKER_LISTENER, brokerPort));
        props.put("inter.broker.listener.name", BROKER_LISTENER);
        return props;
    }

    /** The static voter set of a single controller, e.g. {@code 1@127.0.0.1:9093}. */
    static String voters(final int controllerId, final int controllerPort) {
        return controllerId + "@" + HOST + ":" + controllerPort;
    }

    private static Map<String, String> common(final int nodeId, final String voters, final Path logDir,
                                              final int replication, final int minIsr) {
        final String rf = Integer.toString(replication);
        final String isr = Integer.toString(minIsr);
        final Map<String, String> props = new LinkedHashMap<>();
        props.put("node.id", Integer.toString(nodeId));
        props.put("controller.quorum.voters", voters);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("log.dirs", logDir.toAbsolutePath().toString());
        props.put("offsets.topic.replication.factor", rf);
        props.put("offsets.topic.num.partitions", "1");
        props.put("transaction.state.log.replication.factor", rf);
        props.put("transaction.state.log.min.isr", isr);
        props.put("transaction.state.log.num.partitions", "1");
        props.put("share.coordinator.state.topic.replication.factor", rf);
        props.put("share.coordinator.state.topic.min.isr", isr);
        props.put("share.coordinator.state.topic.num.partitions", "1");
        // a test or demo group should not wait 3 s for members that will never come
        props.put("group.initial.rebalance.delay.ms", "0");
        // the simulator's accelerated clock runs ahead of the wall clock; Kafka 4 rejects records stamped
        // more than an hour in the future by default
        props.put("log.message.timestamp.after.max.ms", Long.toString(Long.MAX_VALUE));
        // the 128 MiB default is allocated on the heap at start-up; tests and the demo compact little
        props.put("log.cleaner.dedupe.buffer.size", Integer.toString(2 * 1024 * 1024));
        // heartbeats drive unfencing and controlled shutdown (2 s by default), and the controller refuses a
        // restarted broker until the old incarnation's session expires (9 s by default): fault tests would crawl
        props.put("broker.heartbeat.interval.ms", "500");
        props.put("broker.session.timeout.ms", "3000");
        // fewer threads than a production broker: this one serves a handful of local clients
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "4");
        props.put("background.threads", "4");
        return props;
    }

    private static String listener(final String name, final int port) {
        return name + "://" + HOST + ":" + port;
    }
}
