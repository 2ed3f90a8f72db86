package io.cellfloor.schema.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellfloor.avro.SampleBatch;
import io.cellfloor.schema.registry.InMemorySchemaRegistryClient;
import io.cellfloor.schema.registry.RegisteredSchema;
import io.cellfloor.schema.registry.SchemaRegistryClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/** The serdes on the in-memory registry: the hot path, and sharing across threads. */
class CellfloorSerdesTest {

    private final CountingClient registry = new CountingClient(new InMemorySchemaRegistryClient());
    private final Serde<SampleBatch> serde = CellfloorSerdes.value(SampleBatch.class, registry, Map.of());

    @Test
    void shouldAskTheRegistryOnlyForTheFirstRecord() {
        for (int sequence = 0; sequence < 1000; sequence++) {
            final SampleBatch batch = TestRecords.sampleBatch("ch-1", sequence, 100);
            final byte[] bytes = serde.serializer().serialize("cellfloor.samples.v1", batch);
            assertThat(serde.deserializer().deserialize("cellfloor.samples.v1", bytes)).isEqualTo(batch);
        }

        assertThat(registry.calls.get()).isEqualTo(2);
    }

    @Test
    void shouldRoundTripFromManyThreadsAtOnce() throws Exception {
        final ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            final List<Future<Boolean>> results = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                final String channel = "ch-" + thread;
                results.add(pool.submit(() -> {
                    for (int sequence = 0; sequence < 200; sequence++) {
                        final SampleBatch batch = TestRecords.sampleBatch(channel, sequence, 50 + sequence);
                        final byte[] bytes = serde.serializer().serialize("cellfloor.samples.v1", batch);
                        if (!batch.equals(serde.deserializer().deserialize("cellfloor.samples.v1", bytes))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (final Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldWriteTheSameBytesTwiceForTheSameRecord() {
        final SampleBatch batch = TestRecords.sampleBatch("ch-1", 1, 10);

        final byte[] first = serde.serializer().serialize("cellfloor.samples.v1", batch);
        final byte[] second = serde.serializer().serialize("cellfloor.samples.v1", batch);

        assertThat(second).isEqualTo(first).isNotSameAs(first);
    }

    /** Counts calls that would be HTTP requests against a real registry. */
    private static final class CountingClient implements SchemaRegistryClient {
        private final SchemaRegistryClient delegate;
        private final AtomicInteger calls = new AtomicInteger();

        CountingClient(final SchemaRegistryClient delegate) {
            this.delegate = delegate;
        }

        @Override
        public int register(final String subject, final Schema schema) {
            calls.incrementAndGet();
            return delegate.register(subject, schema);
        }

        @Override
        public int idOf(final String subject, final Schema schema) {
            calls.incrementAndGet();
            return delegate.idOf(subject, schema);
        }

        @Override
        public Schema getById(final int id) {
            calls.incrementAndGet();
            return delegate.getById(id);
        }

        @Override
        public RegisteredSchema latest(final String subject) {
            calls.incrementAndGet();
            return delegate.latest(subject);
        }

        @Override
        public boolean testCompatibility(final String subject, final Schema schema) {
            calls.incrementAndGet();
            return delegate.testCompatibility(subject, schema);
        }

        @Override
        public List<String> subjects() {
            calls.incrementAndGet();
            return delegate.subjects();
        }
    }
}
