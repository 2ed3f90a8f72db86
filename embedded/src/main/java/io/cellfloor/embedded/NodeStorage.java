package io.cellfloor.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Formats a node's log directory the way {@code kafka-storage.sh format} does, but only once.
 *
 * <p>A directory that already holds {@code meta.properties} is left alone, so the demo can keep its topics and
 * offsets in a local directory across runs and a restarted broker keeps its partitions.
 */
final class NodeStorage {

    static final String META_PROPERTIES = "meta.properties";
    private static final Logger LOG = LoggerFactory.getLogger(NodeStorage.class);

    private NodeStorage() {
    }

    /** True when the directory was formatted before. */
    static boolean isFormatted(final Path logDir) {
        return Files.exists(logDir.resolve(META_PROPERTIES));
    }

    /** The cluster id written into the directory when it was formatted, if it was. */
    static Optional<String> clusterId(final Path logDir) {
        if (!isFormatted(logDir)) {
            return Optional.empty();
        }
        final Properties meta = new Properties();
        try (InputStream in = Files.newInputStream(logDir.resolve(META_PROPERTIES))) {
            meta.load(in);
        } catch (final IOException e) {
            throw new UncheckedIOException("Could not read " + logDir.resolve(META_PROPERTIES)
                + "; delete " + logDir + " to start that node from scratch", e);
        }
        return Optional.ofNullable(meta.getProperty("cluster.id"));
    }

    /** Formats {@code logDir} for {@code nodeId} unless it already is; the single directory also holds metadata. */
    static void formatIfAbsent(final Path logDir, final int nodeId, final String clusterId) {
        if (isFormatted(logDir)) {
            return;
        }
        final ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            Files.createDirectories(logDir);
            new Formatter()
                .setPrintStream(print)
                .setNodeId(nodeId)
                .setClusterId(clusterId)
                .addDirectory(logDir.toAbsolutePath().toString())
                .setMetadataLogDirectory(logDir.toAbsolutePath().toString())
                .setControllerListenerName(NodeConfigs.CONTROLLER_LISTENER)
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .run();
        } catch (final Exception e) {
            throw new IllegalStateException("Could not format Kafka storage for node " + nodeId + " in " + logDir
                + "; check the directory is writable, or delete it if a previous run left it half-formatted", e);
        }
        LOG.debug("Formatted node {} storage: {}", nodeId, output.toString(StandardCharsets.UTF_8).trim());
    }
}
