package io.cellfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The broker's ERROR for the retriable transactions-v2 sequence rejection becomes one WARN line; nothing else does.
 * The message is the one Kafka 4.4's broker logged in the secured end-to-end run.
 */
class RetriableSequenceRejectionFilterTest {
    private static final String TV2_REJECTION = "Invalid sequence number for producer 2 at offset 0 in partition "
            + "cellfloor.cycles.v1-0: 7 (incoming seq. number). Expected sequence 0 for transactions v2 idempotent "
            + "producer with no existing state.";

    private final LoggerContext context = new LoggerContext();
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();

    @BeforeEach
    void configure() {
        final RetriableSequenceRejectionFilter filter = new RetriableSequenceRejectionFilter();
        filter.start();
        context.addTurboFilter(filter);
        events.setContext(context);
        events.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(events);
    }

    @Test
    void shouldLowerTheRetriableTransactionsV2RejectionToOneWarnLine() {
        final Logger replicaManager = context.getLogger("kafka.server.ReplicaManager");

        replicaManager.error("[ReplicaManager broker=1] Error processing append operation on partition x",
                new OutOfOrderSequenceException(TV2_REJECTION));

        assertThat(events.list).hasSize(1);
        assertThat(events.list.get(0).getLevel()).isEqualTo(Level.WARN);
        assertThat(events.list.get(0).getFormattedMessage()).contains("incoming seq. number").contains("KAFKA-18202");
        assertThat(events.list.get(0).getThrowableProxy()).isNull();
    }

    @Test
    void shouldKeepEveryOtherErrorAnError() {
        final Logger replicaManager = context.getLogger("kafka.server.ReplicaManager");
        replicaManager.error("append failed", new OutOfOrderSequenceException("Out of order sequence number for "
                + "producer 4 at offset 12 in partition p-0: 9 (incoming seq. number), 3 (current end sequence number)"));
        replicaManager.error("append failed", new IllegalStateException("disk full"));
        context.getLogger("kafka.server.KafkaApis").error("other", new OutOfOrderSequenceException(TV2_REJECTION));

        assertThat(events.list).hasSize(3).allSatisfy(e -> assertThat(e.getLevel()).isEqualTo(Level.ERROR));
    }

    @Test
    void shouldBeRegisteredInTheProductLoggingConfig() throws Exception {
        try (InputStream in = RetriableSequenceRejectionFilter.class.getResourceAsStream("/logback.xml")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("<turboFilter class=\"io.cellfloor.cli.RetriableSequenceRejectionFilter\"/>");
        }
    }
}
