package io.cellfloor.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.common.Uuid;

/**
 * Gets a cluster's data directory ready: the nodes of one cluster must share a cluster id, whether the directory
 * is new, was used before (the demo's next run), or lost one node's sub-directory.
 */
final class ClusterStorage {

    static final String COMBINED = "combined";
    static final String CONTROLLER = "controller";
    static final String BROKER = "broker";
    private static final Set<String> ROLES = Set.of(COMBINED, CONTROLLER, BROKER);

    private ClusterStorage() {
    }

    /** A node's own directory, named by role so that a directory of another cluster shape is recognised. */
    static Path nodeDir(final Path dataDir, final String role, final int nodeId) {
        return dataDir.resolve(role + "-" + nodeId);
    }

    /**
     * Formats every node not formatted yet with the cluster id the others already have (or a new one).
     *
     * @return the cluster id
     */
    static String prepare(final Path dataDir, final List<KafkaNode> nodes) {
        checkLayout(dataDir, nodes);
        final String clusterId = existingClusterId(nodes).orElseGet(() -> Uuid.randomUuid().toString());
        nodes.forEach(node -> NodeStorage.formatIfAbsent(node.logDir(), node.nodeId(), clusterId));
        return clusterId;
    }

    /** Refuses a data directory written by a cluster of another shape, whose nodes would not fit this one. */
    private static void checkLayout(final Path dataDir, final List<KafkaNode> nodes) {
        if (!Files.isDirectory(dataDir)) {
            return;
        }
        final Set<Path> expected = nodes.stream().map(KafkaNode::logDir).collect(Collectors.toSet());
        try (Stream<Path> children = Files.list(dataDir)) {
            final Set<String> foreign = children
                .filter(ClusterStorage::looksLikeNodeDir)
                .filter(child -> !expected.contains(child))
                .map(child -> child.getFileName().toString())
                .collect(Collectors.toCollection(TreeSet::new));
            if (!foreign.isEmpty()) {
                throw new IllegalStateException("Data directory " + dataDir + " holds nodes " + foreign
                    + " of a cluster of another shape (single node vs three brokers);"
                    + " use another directory or delete this one");
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("Could not list data directory " + dataDir, e);
        }
    }

    private static boolean looksLikeNodeDir(final Path child) {
        final String name = child.getFileName().toString();
        final int dash = name.indexOf('-');
        return dash > 0 && ROLES.contains(name.substring(0, dash));
    }

    private static Optional<String> existingClusterId(final List<KafkaNode> nodes) {
        final Set<String> ids = nodes.stream()
            .map(node -> NodeStorage.clusterId(node.logDir()))
            .flatMap(Optional::stream)
            .collect(Collectors.toCollection(TreeSet::new));
        if (ids.size() > 1) {
            throw new IllegalStateException("Kafka nodes under " + nodes.get(0).logDir().getParent()
                + " were formatted for different clusters " + ids + "; delete the directory to start from scratch");
        }
        return ids.stream().findFirst();
    }
}
