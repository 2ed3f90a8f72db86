package io.cellfloor.embedded;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates topics through the Admin API, tolerating ones that exist: the demo's data directory keeps its topics
 * from one run to the next, and it declares them on every run.
 */
final class TopicCreation {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private TopicCreation() {
    }

    /** @param clientSettings {@code bootstrap.servers} and, for a secured cluster, the super user's security */
    static void createMissing(final Map<String, Object> clientSettings, final Collection<NewTopic> topics) {
        final Map<String, Object> adminConfig = new HashMap<>(clientSettings);
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        try (Admin admin = Admin.create(adminConfig)) {
            final Map<String, KafkaFuture<Void>> results = admin.createTopics(topics).values();
            for (final Map.Entry<String, KafkaFuture<Void>> result : results.entrySet()) {
                awaitCreated(result.getKey(), result.getValue());
            }
            awaitLeaders(admin, results.keySet());
        }
    }

    /**
     * Waits until the broker reports a leader for every partition. Right after creation the broker may still
     * answer NOT_LEADER_OR_FOLLOWER; an idempotent producer that retries its first batch then may have its second
     * batch accepted first (the broker takes any first sequence from a producer it has no state for), and the
     * first batch is refused as out of order until it expires: a lost batch, seen on a loaded build machine.
     */
    private static void awaitLeaders(final Admin admin, final Collection<String> topics) {
        final long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            try {
                final boolean led = admin.describeTopics(topics).allTopicNames().get().values().stream()
                    .flatMap(d -> d.partitions().stream())
                    .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
                if (led) {
                    return;
                }
            } catch (final ExecutionException e) {
                // metadata not propagated yet: ask again
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for leaders of " + topics, e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Topics " + topics + " have partitions without a leader after "
                    + TIMEOUT + "; are the brokers running?");
            }
            try {
                Thread.sleep(50);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for leaders of " + topics, e);
            }
        }
    }

    private static void awaitCreated(final String topic, final KafkaFuture<Void> creation) {
        try {
            creation.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (final ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return;
            }
            throw new IllegalStateException("Could not create topic " + topic + ": " + e.getCause().getMessage()
                + " (is the replication factor above the number of running brokers?)", e.getCause());
        } catch (final TimeoutException e) {
            throw new IllegalStateException("Topic " + topic + " was not created within " + TIMEOUT
                + "; are the brokers running?", e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + topic, e);
        }
    }
}
