package io.cellfloor.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * Stops a cluster's nodes in the order KRaft needs: brokers first, so they can hand their partitions over in a
 * controlled shutdown while the controller still runs, then the controller. Failures are collected, not thrown
 * at the first one, so one stuck node does not leave the others running.
 */
final class NodeShutdown {

    private NodeShutdown() {
    }

    /**
     * Stops every node and removes the exit trap, if any.
     *
     * @return what closing should throw: the trapped exit call (a fatal broker fault) with stop failures attached,
     *     else the first stop failure, else null
     */
    static RuntimeException closeAll(final ClusterLayout layout, final KafkaExitTrap exitTrap) {
        final RuntimeException failure = stopAll(layout.brokers(), layout.controller());
        if (exitTrap == null) {
            return failure;
        }
        exitTrap.uninstall();
        final Optional<String> exitCall = exitTrap.firstCall();
        if (exitCall.isEmpty()) {
            return failure;
        }
        final IllegalStateException trapped = new IllegalStateException(exitCall.get()
            + "; the broker hit a fatal error while the test ran - see the Kafka log for the cause");
        if (failure != null) {
            trapped.addSuppressed(failure);
        }
        return trapped;
    }

    /**
     * Stops the brokers together (each waits for its controlled shutdown: seconds), then the controller.
     *
     * @return the first failure with later ones attached, or null when every node stopped cleanly
     */
    static RuntimeException stopAll(final List<KafkaNode> brokers, final Optional<KafkaNode> controller) {
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
}
