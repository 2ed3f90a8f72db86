package io.cellfloor.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The fixture of every test that needs the real parts: a single-node KRaft broker in this JVM, the registry child
 * process, and the test's topics, started once per test class and stopped after it. Register it on a
 * {@code static} field so JUnit calls it around the whole class:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final KafkaAndRegistryExtension PLATFORM = KafkaAndRegistryExtension.withTopics(TopicPlan.topics(3, 1));
 * }</pre>
 *
 * <p>Its broker data and registry log live in a temporary directory of its own, deleted afterwards; tests keep
 * their own {@code @TempDir} for state they write. It is main code of this module so that tests of any module
 * get it through their ordinary dependency on {@code cellfloor-embedded}; JUnit is an optional dependency here and
 * this class is loaded only by tests.
 */
public final class KafkaAndRegistryExtension implements BeforeAllCallback, AfterAllCallback {
    private static final String RETENTION_MS = "retention.ms";
    private final List<NewTopic> topics;
    private final Map<String, String> brokerConfigs;
    private Path dir;
    private EmbeddedKafkaCluster kafka;
    private RegistryProcess registry;

    private KafkaAndRegistryExtension(final List<NewTopic> topics, final Map<String, String> brokerConfigs) {
        this.topics = topics;
        this.brokerConfigs = brokerConfigs;
    }

    /** Broker and registry, with {@code topics} created before the first test. */
    public static KafkaAndRegistryExtension withTopics(final Collection<NewTopic> topics) {
        return new KafkaAndRegistryExtension(List.copyOf(topics), Map.of());
    }

    /** The same, on a broker started with {@code brokerConfigs} over its defaults. */
    public KafkaAndRegistryExtension withBrokerConfigs(final Map<String, String> brokerConfigs) {
        return new KafkaAndRegistryExtension(topics, Map.copyOf(brokerConfigs));
    }

    @Override
    public void beforeAll(final ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("cellfloor-" + context.getRequiredTestClass().getSimpleName());
        kafka = EmbeddedKafkaCluster.singleNode(dir.resolve("kafka"), brokerConfigs).start();
        try {
            registry = RegistryProcess.start(dir);
            kafka.createTopics(topics.stream().map(KafkaAndRegistryExtension::keptForever).toArray(NewTopic[]::new));
        } catch (RuntimeException e) {
            afterAll(context);
            throw e;
        }
    }

    @Override
    public void afterAll(final ExtensionContext context) {
        // also called by beforeAll when a start fails, and again by JUnit: each part is closed once
        try {
            if (registry != null) {
                registry.close();
                registry = null;
            }
        } finally {
            if (kafka != null) {
                kafka.close();
                kafka = null;
            }
            deleteRecursively(dir);
            dir = null;
        }
    }

    /** The broker itself, e.g. to stop and restart it. */
    public EmbeddedKafkaCluster kafka() {
        return running(kafka);
    }

    public String bootstrapServers() {
        return running(kafka).bootstrapServers();
    }

    /** The registry's Confluent-compatible base URL. */
    public String registryUrl() {
        return running(registry).url();
    }

    /**
     * The topic without time-based retention, unless the test set its own. Test data is stamped with fixed sample
     * times (e.g. 2026-01-01) and records keep them as their Kafka timestamps, so once those are older than the
     * broker's default seven days the first retention check (30 s after the broker starts, then every 5 minutes)
     * deletes every closed and active segment: a partition not consumed by then is gone, and the streams app sits in
     * {@code poll} with nothing to read. A test of retention itself sets {@code retention.ms} on its topic.
     */
    public static NewTopic keptForever(final NewTopic topic) {
        final Map<String, String> configs = new HashMap<>(topic.configs() == null ? Map.of() : topic.configs());
        configs.putIfAbsent(RETENTION_MS, "-1");
        final NewTopic copy = topic.replicasAssignments() == null
                ? new NewTopic(topic.name(), topic.numPartitions(), topic.replicationFactor())
                : new NewTopic(topic.name(), topic.replicasAssignments());
        return copy.configs(configs);
    }

    private static <T> T running(final T part) {
        if (part == null) {
            throw new IllegalStateException("broker and registry run only around a test class: register "
                    + "KafkaAndRegistryExtension with @RegisterExtension on a static field");
        }
        return part;
    }

    private static void deleteRecursively(final Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (final Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the test directory " + root, e);
        }
    }
}
