package io.cellfloor.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cellfloor.avro.CellTest;
import io.cellfloor.avro.CycleSummary;
import io.cellfloor.avro.DeadLetter;
import io.cellfloor.avro.SampleBatch;
import io.cellfloor.schema.AvroMapping;
import io.cellfloor.schema.Topics;
import io.cellfloor.schema.registry.InMemorySchemaRegistryClient;
import io.cellfloor.schema.registry.RegisteredSchema;
import io.cellfloor.schema.registry.SchemaRegistryClient;
import io.cellfloor.schema.registry.SchemaRegistryException;
import io.cellfloor.schema.serde.CellfloorSerdes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

/** A registry that cannot answer pauses processing; one that says "no such schema" still dead-letters. */
class RegistryOutageTest {
    private static final Map<String, String> CONFIG = Map.of("schema.registry.url", "http://in-memory");

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final TopologyMetrics metrics = new TopologyMetrics(meters);
    private final List<Duration> waits = new ArrayList<>();

    @Test
    void shouldRetryAnOutageWithDoublingBoundedWaitsAndPassOtherErrorsOn() {
        final RegistryOutage outage = new RegistryOutage(metrics, Duration.ofMillis(250), Duration.ofSeconds(1),
                Duration.ofMinutes(4), waits::add);
        final AtomicInteger calls = new AtomicInteger();

        final String result = outage.await(() -> {
            if (calls.incrementAndGet() <= 4) {
                throw new SchemaRegistryException("down", new ConnectException("refused"));
            }
            return "read";
        });

        assertThat(result).isEqualTo("read");
        assertThat(waits).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
                Duration.ofSeconds(1));
        assertThat(metrics.registryRetries()).isEqualTo(4);
        assertThat(meters.get("cellfloor.streams.registry.down").gauge().value()).isZero();
        assertThatThrownBy(() -> outage.await(() -> {
            throw new SchemaRegistryException("no schema 42", 404, 40403);
        })).hasMessage("no schema 42");
        assertThat(metrics.registryRetries()).isEqualTo(4);
    }

    @Test
    void shouldStopTheAppRatherThanBlockItsThreadForever() {
        final RegistryOutage outage = new RegistryOutage(metrics, Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofSeconds(30), waits::add);

        assertThatThrownBy(() -> outage.await(() -> {
            throw new SchemaRegistryException("down", 503, 0);
        })).isInstanceOf(IllegalStateException.class).hasMessageStartingWith(
                "the schema registry has not answered for 30 s");
        assertThat(waits).hasSize(3);
        assertThat(metrics.registryRetries()).isEqualTo(3);
    }

    @Test
    void shouldProcessEveryBatchAfterTheRegistryComesBackAndDeadLetterNone() {
        final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
        final FlakyRegistry flaky = new FlakyRegistry(registry, 4);
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "cellfloor-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try (TopologyTestDriver driver = new TopologyTestDriver(CellfloorTopology.build(
                Codecs.registry(flaky, CONFIG), TopologySettings.DEFAULTS, metrics), props)) {
            final TestInputTopic<String, SampleBatch> samples = driver.createInputTopic(Topics.SAMPLES,
                    Serdes.String().serializer(), CellfloorSerdes.value(SampleBatch.class, registry, CONFIG)
                            .serializer());
            final TestOutputTopic<String, DeadLetter> deadLetters = driver.createOutputTopic(Topics.DEAD_LETTER,
                    Serdes.String().deserializer(), CellfloorSerdes.value(DeadLetter.class, registry, CONFIG)
                            .deserializer());
            final TestOutputTopic<String, CycleSummary> cycles = driver.createOutputTopic(Topics.CYCLES,
                    Serdes.String().deserializer(), CellfloorSerdes.value(CycleSummary.class, registry, CONFIG)
                            .deserializer());

            for (int k = 0; k < 4; k++) {
                samples.pipeInput("ch-1", batch(k));
            }

            assertThat(deadLetters.isEmpty()).isTrue();
            // each attempt asks twice (the fast reader's own-schema check, then the resolving reader)
            assertThat(flaky.refused.get()).isEqualTo(4);
            assertThat(metrics.registryRetries()).isEqualTo(2);
            assertThat(metrics.samplesIn()).isEqualTo(4 * 100);
            assertThat(cycles.readValuesToList()).hasSize(1);
        }
    }

    @Test
    void shouldRegisterACellTestReadDuringAnOutageAndDeadLetterNothing() {
        final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
        final FlakyRegistry flaky = new FlakyRegistry(registry, 2);
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "cellfloor-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try (TopologyTestDriver driver = new TopologyTestDriver(CellfloorTopology.build(
                Codecs.registry(flaky, CONFIG), TopologySettings.DEFAULTS, metrics), props)) {
            final TestOutputTopic<String, DeadLetter> deadLetters = driver.createOutputTopic(Topics.DEAD_LETTER,
                    Serdes.String().deserializer(), CellfloorSerdes.value(DeadLetter.class, registry, CONFIG)
                            .deserializer());

            driver.createInputTopic(Topics.CELL_TESTS, Serdes.String().serializer(),
                    CellfloorSerdes.value(CellTest.class, registry, CONFIG).serializer())
                    .pipeInput("ch-1", AvroMapping.cellTest("st-1", "ch-1", "test-1", CellfloorTopologyTest.LI_LPSC_SS));

            // with append time a cell test is often the first record a task reads, before any batch
            assertThat(deadLetters.isEmpty()).isTrue();
            assertThat(flaky.refused.get()).isEqualTo(2);
            assertThat(metrics.registryRetries()).isEqualTo(2);
            assertThat(meters.counter("cellfloor.streams.cell.tests").count()).isEqualTo(1);
        }
    }

    /** 100 samples a second apart: two batches charging at 1 mA, two discharging, the fifth would close it. */
    private static SampleBatch batch(final int k) {
        final List<Long> t = new ArrayList<>();
        final List<Double> i = new ArrayList<>();
        final List<Double> v = new ArrayList<>();
        for (int s = 0; s < 100; s++) {
            final long sec = k * 100L + s;
            t.add(1_700_000_000_000L + sec * 1000);
            i.add(k < 2 ? -0.001 : 0.001);
            v.add(k < 2 ? -0.03 : 0.03);
        }
        return SampleBatch.newBuilder().setStationId("st-1").setChannelId("ch-1").setTestId("test-1")
                .setSequence(k).setEndOfTest(k == 3).setTimestampMs(t).setCurrentA(i).setVoltageV(v).build();
    }

    /** Refuses the first lookups of a schema by id as a stopped registry would, then answers. */
    private static final class FlakyRegistry implements SchemaRegistryClient {
        private final SchemaRegistryClient delegate;
        private final int failures;
        private final AtomicInteger refused = new AtomicInteger();

        FlakyRegistry(final SchemaRegistryClient delegate, final int failures) {
            this.delegate = delegate;
            this.failures = failures;
        }

        @Override
        public Schema getById(final int id) {
            if (refused.get() < failures) {
                refused.incrementAndGet();
                throw new SchemaRegistryException("Schema registry unreachable", new ConnectException("refused"));
            }
            return delegate.getById(id);
        }

        @Override
        public int register(final String subject, final Schema schema) {
            return delegate.register(subject, schema);
        }

        @Override
        public int idOf(final String subject, final Schema schema) {
            return delegate.idOf(subject, schema);
        }

        @Override
        public RegisteredSchema latest(final String subject) {
            return delegate.latest(subject);
        }

        @Override
        public boolean testCompatibility(final String subject, final Schema schema) {
            return delegate.testCompatibility(subject, schema);
        }

        @Override
        public List<String> subjects() {
            return delegate.subjects();
        }
    }
}
