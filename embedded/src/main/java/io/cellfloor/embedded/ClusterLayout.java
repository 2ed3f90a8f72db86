package io.cellfloor.embedded;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.common.utils.Time;

/**
 * The nodes of one cluster shape, with their ports picked and their directories named, before anything starts:
 * kept apart from {@link EmbeddedKafkaCluster} so that the shapes can be read (and grow) in one place.
 */
record ClusterLayout(Optional<KafkaNode> controller, List<KafkaNode> brokers, Optional<BrokerSecurity> security) {

    private static final int SINGLE_NODE_ID = 1;
    private static final int CONTROLLER_ID = 100;

    ClusterLayout {
        brokers = List.copyOf(brokers);
    }

    /** Controller first: the order in which the nodes start. */
    List<KafkaNode> allNodes() {
        return Stream.concat(controller.stream(), brokers.stream()).collect(Collectors.toList());
    }

    /** Comma-separated addresses of every broker's advertised listener {@code name}. */
    String addresses(final String listener) {
        return brokers.stream().map(broker -> broker.listenerAddress(listener)).collect(Collectors.joining(","));
    }

    static ClusterLayout singleNode(final Path dataDir) {
        return singleNode(dataDir, Map.of());
    }

    static ClusterLayout singleNode(final Path dataDir, final Map<String, String> overrides) {
        final Path logDir = ClusterStorage.nodeDir(dataDir, ClusterStorage.COMBINED, SINGLE_NODE_ID);
        final Map<String, String> configs = NodeConfigs.combined(SINGLE_NODE_ID, FreePorts.pick(), FreePorts.pick(),
            logDir);
        configs.putAll(overrides);
        final KafkaNode node = new KafkaNode(SINGLE_NODE_ID, logDir, configs, Time.SYSTEM);
        return new ClusterLayout(Optional.empty(), List.of(node), Optional.empty());
    }

    static ClusterLayout securedSingleNode(final Path dataDir, final TlsMaterial tls) {
        final BrokerSecurity security = new BrokerSecurity(tls);
        final Path logDir = ClusterStorage.nodeDir(dataDir, ClusterStorage.COMBINED, SINGLE_NODE_ID);
        final KafkaNode node = new KafkaNode(SINGLE_NODE_ID, logDir, NodeConfigs.securedCombined(SINGLE_NODE_ID,
            FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), logDir, security), Time.SYSTEM);
        return new ClusterLayout(Optional.empty(), List.of(node), Optional.of(security));
    }

    static ClusterLayout threeBrokers(final Path dataDir) {
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
        return new ClusterLayout(Optional.of(controller), brokers, Optional.empty());
    }
}
