package io.cellfloor.embedded;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.utils.internals.Exit;

/**
 * Turns Kafka's JVM exit and halt calls into exceptions while installed.
 *
 * <p>A broker's fatal fault handlers call {@link Exit#exit}/{@link Exit#halt}; in a test fork that kills the JVM and
 * surefire reports only "the forked VM terminated". Installed, the call throws in the Kafka thread instead and is
 * remembered so that the cluster can report it when closed. The procedures are JVM-global, so only one cluster
 * per JVM should trap at a time.
 */
final class KafkaExitTrap {

    private final AtomicReference<String> firstCall = new AtomicReference<>();

    void install() {
        Exit.setExitProcedure((status, message) -> trap("exit", status, message));
        Exit.setHaltProcedure((status, message) -> trap("halt", status, message));
    }

    void uninstall() {
        Exit.resetExitProcedure();
        Exit.resetHaltProcedure();
    }

    /** The first exit or halt Kafka asked for since installation, if any. */
    Optional<String> firstCall() {
        return Optional.ofNullable(firstCall.get());
    }

    private void trap(final String kind, final int status, final String message) {
        final String call = "Kafka asked the JVM to " + kind + " with status " + status + ": " + message;
        firstCall.compareAndSet(null, call);
        throw new IllegalStateException(call + " (trapped by EmbeddedKafkaCluster; the broker log above says why)");
    }
}
