package io.cellfloor.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.slf4j.Marker;

/**
 * Turns one broker ERROR that is not an error into a one-line WARN: under transactions v2 (Kafka 4.x) the broker
 * rejects a transactional producer's batch whose first sequence is not 0 when the partition has no state for that
 * producer yet, which happens when the batch with sequence 0 is still being retried (typically after a
 * {@code CONCURRENT_TRANSACTIONS} answer at the start of a transaction). The rejection is retriable
 * ({@code OUT_OF_ORDER_SEQUENCE_NUMBER}): the producer resends the batches in order and they are appended once
 * (apache/kafka KAFKA-18202). {@code ReplicaManager} still logs it at ERROR with a stack trace, which on a demo
 * start reads as a failure. Only that case is lowered: the logger {@code kafka.server.ReplicaManager}, an
 * {@link OutOfOrderSequenceException} whose message names the transactions-v2 "no existing state" case; every
 * other ReplicaManager error, and every other out-of-order sequence, stays an ERROR.
 *
 * <p>Registered in {@code logback.xml} as {@code <turboFilter class="io.cellfloor.cli.RetriableSequenceRejectionFilter"/>}.
 */
public final class RetriableSequenceRejectionFilter extends TurboFilter {
    static final String LOGGER = "kafka.server.ReplicaManager";

    @Override
    public FilterReply decide(final Marker marker, final Logger logger, final Level level, final String format,
                              final Object[] params, final Throwable t) {
        if (level != Level.ERROR || logger == null || !LOGGER.equals(logger.getName()) || !isRetriableRejection(t)) {
            return FilterReply.NEUTRAL;
        }
        logger.warn("{} (retriable under transactions v2, KAFKA-18202: the producer resends in order; nothing is "
                + "lost)", firstLine(t.getMessage()));
        return FilterReply.DENY;
    }

    static boolean isRetriableRejection(final Throwable t) {
        if (!(t instanceof OutOfOrderSequenceException) || t.getMessage() == null) {
            return false;
        }
        final String message = t.getMessage();
        return message.contains("transactions v2") && message.contains("no existing state");
    }

    private static String firstLine(final String message) {
        final int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
