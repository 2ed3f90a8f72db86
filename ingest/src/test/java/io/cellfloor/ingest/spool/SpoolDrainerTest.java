package io.cellfloor.ingest.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drainer sends in order, sends again what failed, and moves the drained position over acknowledged records. */
class SpoolDrainerTest {
    @TempDir
    Path dir;

    @Test
    void shouldSendAFailedRecordAgainAndCountOnlyAcknowledgedSamples() throws Exception {
        final Spool spool = Spool.open(dir, 1 << 20, 4096, null);
        for (int i = 0; i < 3; i++) {
            spool.append(new SpoolRecord("cellfloor.samples.v1", "ch", i, i, 10, 0,
                    ("v" + i).getBytes(StandardCharsets.UTF_8)));
        }
        final MockProducer<String, byte[]> producer = new MockProducer<>(false, null, new StringSerializer(),
                new ByteArraySerializer());
        final SimpleMeterRegistry meters = new SimpleMeterRegistry();
        final SpoolDrainer drainer = new SpoolDrainer(spool, producer, 16, Duration.ofMillis(20), meters,
                System::currentTimeMillis).start();
        assertThat(producer.history()).as("nothing is sent before a checkpoint makes it durable").isEmpty();

        spool.markDurable(spool.sync());
        await().atMost(Duration.ofSeconds(5)).until(() -> producer.history().size() == 3);
        producer.errorNext(new TimeoutException("broker down"));
        producer.completeNext();
        producer.completeNext();
        await().atMost(Duration.ofSeconds(5)).until(() -> producer.history().size() == 4);
        assertThat(drainer.drained()).isFalse();
        assertThat(meters.counter("cellfloor.agent.samples.published").count()).isZero();
        producer.completeNext();

        await().atMost(Duration.ofSeconds(5)).until(drainer::drained);
        assertThat(producer.history()).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .containsExactly("v0", "v1", "v2", "v0");
        assertThat(meters.counter("cellfloor.agent.samples.published").count()).isEqualTo(30);
        assertThat(meters.get("cellfloor.agent.last.ack.timestamp.seconds").gauge().value())
                .isCloseTo(System.currentTimeMillis() / 1000.0, within(10.0));
        assertThat(meters.get("cellfloor.agent.up").gauge().value()).isEqualTo(1);
        drainer.close(Duration.ofSeconds(5));
        assertThat(spool.drained()).isEqualTo(spool.durableEnd());
    }

    @Test
    void shouldReportItselfDeadWhenTheSendingThreadDiesAndKeepTheRecords() throws Exception {
        final Spool spool = Spool.open(dir, 1 << 20, 4096, null);
        spool.append(new SpoolRecord("cellfloor.samples.v1", "ch", 0, 0, 10, 0, new byte[] {1}));
        spool.markDurable(spool.sync());
        final MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(),
                new ByteArraySerializer()) {
            @Override
            public synchronized Future<RecordMetadata> send(final ProducerRecord<String, byte[]> r,
                                                            final Callback callback) {
                throw new AssertionError("simulated fatal error in the sending thread");
            }
        };
        final SimpleMeterRegistry meters = new SimpleMeterRegistry();
        final SpoolDrainer drainer = new SpoolDrainer(spool, producer, 16, Duration.ofMillis(20), meters,
                System::currentTimeMillis).start();

        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(5)).until(() -> !drainer.alive());

        assertThat(drainer.death()).hasMessage("simulated fatal error in the sending thread");
        assertThat(meters.get("cellfloor.agent.up").gauge().value()).isZero();
        assertThat(meters.get("cellfloor.agent.last.ack.timestamp.seconds").gauge().value()).isZero();
        assertThat(drainer.drained()).isFalse();
        assertThat(spool.drained().isBefore(spool.durableEnd())).as("the record is still to send").isTrue();
    }
}
