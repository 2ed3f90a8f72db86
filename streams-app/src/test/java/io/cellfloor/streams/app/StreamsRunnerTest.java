package io.cellfloor.streams.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TransactionAbortableException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

/** Which failures of a stream thread the app rides out, and which stop it. */
class StreamsRunnerTest {

    @Test
    void shouldReplaceAThreadThatFailedOnBrokersItCouldNotReach() {
        // as logged when the broker was down for 180 s: a changelog's metadata not found within max.block.ms
        final Throwable outage = new StreamsException("Error encountered trying to send record to topic x-changelog",
                new KafkaException("Cannot execute transactional method because we are in an error state",
                        new TransactionAbortableException("Transaction Request was aborted after exhausting retries",
                                new TimeoutException("Topic x-changelog not present in metadata after 60000 ms."))));

        assertThat(StreamsRunner.responseTo(outage)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(StreamsRunner.responseTo(new StreamsException(new TimeoutException("no answer"))))
                .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    }

    @Test
    void shouldStopTheClientOnAnythingElse() {
        assertThat(StreamsRunner.responseTo(new StreamsException(new IllegalStateException(
                "the schema registry has not answered for 240 s"))))
                .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        assertThat(StreamsRunner.responseTo(new StreamsException(new NullPointerException())))
                .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    }
}
