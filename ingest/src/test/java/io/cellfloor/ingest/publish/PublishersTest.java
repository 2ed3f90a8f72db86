package io.cellfloor.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellfloor.ingest.spool.Spool;
import io.cellfloor.schema.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two ways out of an agent: what each does with a record, and when it counts as sent. */
class PublishersTest {
    @TempDir
    Path dir;

    @Test
    void shouldCountSamplesPublishedOrFailedAsTheBrokerAnswers() throws Exception {
        final MockProducer<String, byte[]> producer = new MockProducer<>(false, null, new StringSerializer(),
                new ByteArraySerializer());
        final SimpleMeterRegistry meters = new SimpleMeterRegistry();
        final Publisher publisher = new ProducerPublisher(producer, meters);

        publisher.cellTest("ch1", new byte[] {1});
        publisher.batch("ch1", 1_767_225_600_000L, 0, 500, new byte[] {2});
        publisher.batch("ch1", 1_767_225_610_000L, 1, 120, new byte[] {3});
        producer.completeNext();
        producer.completeNext();
        producer.errorNext(new RuntimeException("broker down"));

        assertThat(producer.history()).extracting(r -> r.topic())
                .containsExactly(Topics.CELL_TESTS, Topics.SAMPLES, Topics.SAMPLES);
        assertThat(producer.history().get(0).timestamp()).as("cell tests take the producer's time").isNull();
        assertThat(producer.history().get(1).timestamp()).isEqualTo(1_767_225_600_000L);
        assertThat(meters.counter("cellfloor.agent.samples.published").count()).isEqualTo(500);
        assertThat(meters.counter("cellfloor.agent.samples.failed").count()).isEqualTo(120);
        assertThat(publisher.isFull()).isFalse();
    }

    @Test
    void shouldKeepSpooledRecordsFromTheDrainerUntilReleased() throws Exception {
        try (Spool spool = Spool.open(dir, 1 << 20, 1 << 16, null)) {
            final SpoolPublisher publisher = new SpoolPublisher(spool, () -> 42L);
            final var before = spool.durableEnd();

            publisher.batch("ch1", 1_767_225_600_000L, 7, 500, new byte[100]);
            publisher.deadLetter("ch1", new byte[10]);
            assertThat(spool.durableEnd()).as("appended, not yet sendable").isEqualTo(before);

            publisher.release();
            assertThat(before.isBefore(spool.durableEnd())).isTrue();
            assertThat(spool.durableEnd()).isEqualTo(spool.sync());
        }
    }

    @Test
    void shouldReportFullOnceTheSpoolHoldsItsLimit() throws Exception {
        try (Spool spool = Spool.open(dir, 4096, 1024, null)) {
            final SpoolPublisher publisher = new SpoolPublisher(spool, () -> 42L);
            assertThat(publisher.isFull()).isFalse();
            for (int i = 0; i < 5; i++) {
                publisher.batch("ch1", i, i, 1, new byte[1000]);
            }
            assertThat(publisher.isFull()).isTrue();
        }
    }
}
