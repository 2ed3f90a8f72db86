package io.cellfloor.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellfloor.avro.CycleSummary;
import io.cellfloor.avro.DeadLetter;
import io.cellfloor.avro.SampleBatch;
import io.cellfloor.schema.Topics;
import io.cellfloor.schema.registry.InMemorySchemaRegistryClient;
import io.cellfloor.schema.serde.CellfloorSerdes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

/**
 * 10,000 malformed sample records from a seeded generator (random bytes, valid records cut short or with bytes
 * flipped, unknown schema ids, missing values, and well-formed batches of bad samples: NaN, infinite, out of order,
 * keyed to another channel, columns of different lengths) go through the production topology. Nothing may throw out
 * of it, every record and every sample must be accounted for (taken, or on the dead-letter topic with its count),
 * and a good channel processed after the flood must still give its cycle.
 */
class MalformedRecordsTest {
    private static final int RECORDS = 10_000;
    private static final Map<String, String> REGISTRY = Map.of("schema.registry.url", "http://in-memory");

    @Test
    void shouldAccountForEveryMalformedRecordAndSampleWithoutThrowing() {
        final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
        final SimpleMeterRegistry meters = new SimpleMeterRegistry();
        final TopologyMetrics metrics = new TopologyMetrics(meters);
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "cellfloor-fuzz");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        final Serializer<SampleBatch> serializer =
                CellfloorSerdes.value(SampleBatch.class, registry, REGISTRY).serializer();
        final Random random = new Random(15);
        final List<byte[]> inputs = new ArrayList<>(RECORDS);
        try (TopologyTestDriver driver = new TopologyTestDriver(
                CellfloorTopology.build(Codecs.registry(registry, REGISTRY), TopologySettings.DEFAULTS, metrics),
                props)) {
            final TestInputTopic<String, byte[]> raw = driver.createInputTopic(Topics.SAMPLES,
                    Serdes.String().serializer(), Serdes.ByteArray().serializer());
            for (int i = 0; i < RECORDS; i++) {
                final String channel = "fz-" + random.nextInt(20);
                final byte[] value = malformed(random, channel, i, serializer);
                inputs.add(value);
                raw.pipeInput(channel, value, 1_700_000_000_000L + i);
            }
            final List<DeadLetter> letters = driver.createOutputTopic(Topics.DEAD_LETTER,
                    Serdes.String().deserializer(),
                    CellfloorSerdes.value(DeadLetter.class, registry, REGISTRY).deserializer()).readValuesToList();

            final double in = metrics.samplesIn();
            final double accepted = meters.counter("cellfloor.streams.samples.accepted").count();
            final double rejected = meters.counter("cellfloor.streams.samples.rejected").count();
            final double unreadable = meters.counter("cellfloor.streams.records.unreadable").count();
            assertThat(meters.counter("cellfloor.streams.batches.in").count()).isEqualTo(RECORDS);
            assertThat(accepted + rejected).as("every sample of a readable record taken or rejected").isEqualTo(in);
            assertThat(letters).as("one dead letter per problem").hasSize((int) metrics.deadLetters());
            assertThat(letters.stream().filter(d -> d.getRejectedSamples() < 0).count())
                    .as("every unreadable record dead-lettered").isEqualTo((long) unreadable);
            assertThat(letters.stream().mapToLong(d -> Math.max(0, d.getRejectedSamples())).sum())
                    .as("rejected samples, as the dead letters count them").isEqualTo((long) rejected);
            for (final DeadLetter d : letters) {
                assertThat(d.getReason()).isNotBlank();
                if (d.getRejectedSamples() < 0) {
                    final byte[] original = inputs.get((int) d.getOffset());
                    assertThat(bytes(d.getPayload())).as("payload of record %d kept", d.getOffset())
                            .isEqualTo(original == null ? new byte[0] : original);
                }
            }
            // each kind must really have been exercised, or the accounting above proves little
            assertThat(unreadable).isGreaterThan(RECORDS / 4.0);
            assertThat(accepted).isGreaterThan(0);
            assertThat(rejected).isGreaterThan(0);

            final SampleBatch good = cycle("good-1");
            raw.pipeInput("good-1", serializer.serialize(Topics.SAMPLES, good), good.getTimestampMs().get(0));
            final List<CycleSummary> cycles = driver.createOutputTopic(Topics.CYCLES, Serdes.String().deserializer(),
                    CellfloorSerdes.value(CycleSummary.class, registry, REGISTRY).deserializer()).readValuesToList();
            assertThat(cycles.stream().filter(c -> c.getChannelId().equals("good-1")).toList())
                    .as("a good channel after the flood").hasSize(1);
            System.out.printf("%d malformed records: %.0f unreadable, %.0f samples in = %.0f taken + %.0f rejected, "
                    + "%d dead letters, 0 thrown%n", RECORDS, unreadable, in, accepted, rejected, letters.size());
        }
    }

    private static byte[] malformed(final Random random, final String channel, final int i,
                                    final Serializer<SampleBatch> serializer) {
        final int kind = random.nextInt(7);
        switch (kind) {
            case 0: {
                final byte[] b = new byte[random.nextInt(64)];
                random.nextBytes(b);
                return b;
            }
            case 1: {
                final byte[] b = serializer.serialize(Topics.SAMPLES, batch(random, channel, i));
                return Arrays.copyOf(b, random.nextInt(b.length));
            }
            case 2: {
                final byte[] b = serializer.serialize(Topics.SAMPLES, batch(random, channel, i));
                for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                    b[5 + random.nextInt(b.length - 5)] ^= (byte) (1 + random.nextInt(255));
                }
                return b;
            }
            case 3: {
                final byte[] body = new byte[random.nextInt(40)];
                random.nextBytes(body);
                return ByteBuffer.allocate(5 + body.length).put((byte) 0).putInt(1000 + random.nextInt(1 << 20))
                        .put(body).array();
            }
            case 4:
                return null;
            default:
                return serializer.serialize(Topics.SAMPLES, batch(random, channel, i));
        }
    }

    /** A batch with the right shape and bad content: poisoned samples, another channel's key, uneven columns. */
    private static SampleBatch batch(final Random random, final String channel, final int i) {
        final int n = random.nextInt(30);
        final List<Long> t = new ArrayList<>();
        final List<Double> current = new ArrayList<>();
        final List<Double> voltage = new ArrayList<>();
        long now = 1_700_000_000_000L + i * 1_000L;
        for (int k = 0; k < n; k++) {
            now += random.nextInt(5) == 0 ? -random.nextInt(100_000) : 1_000;
            t.add(random.nextInt(50) == 0 ? Long.MIN_VALUE : now);
            current.add(poison(random, random.nextDouble() * 2 - 1));
            voltage.add(poison(random, 3 + random.nextDouble()));
        }
        if (n > 0 && random.nextInt(10) == 0) {
            voltage.remove(voltage.size() - 1);
        }
        return SampleBatch.newBuilder().setStationId("st-fuzz")
                .setChannelId(random.nextInt(10) == 0 ? channel + "-other" : channel)
                .setTestId("t-" + random.nextInt(3)).setSequence(random.nextInt(1000) - 10)
                .setTimestampMs(t).setCurrentA(current).setVoltageV(voltage)
                .setEndOfTest(random.nextInt(20) == 0).build();
    }

    private static double poison(final Random random, final double value) {
        return switch (random.nextInt(12)) {
            case 0 -> Double.NaN;
            case 1 -> Double.POSITIVE_INFINITY;
            case 2 -> -1e300;
            default -> value;
        };
    }

    /** One full cycle of 10 s samples: 30 min discharge, rest, 30 min charge, rest, then the end of the test. */
    private static SampleBatch cycle(final String channel) {
        final List<Long> t = new ArrayList<>();
        final List<Double> current = new ArrayList<>();
        final List<Double> voltage = new ArrayList<>();
        long now = 1_800_000_000_000L;
        final double[][] steps = {{-0.5, 3.0, 1800}, {0, 3.1, 60}, {0.5, 4.0, 1800}, {0, 3.9, 60}};
        for (final double[] s : steps) {
            for (int k = 0; k <= s[2]; k += 10) {
                t.add(now);
                current.add(s[0]);
                voltage.add(s[1]);
                now += 10_000;
            }
        }
        return SampleBatch.newBuilder().setStationId("st-good").setChannelId(channel).setTestId("good")
                .setSequence(0).setTimestampMs(t).setCurrentA(current).setVoltageV(voltage).setEndOfTest(true)
                .build();
    }

    private static byte[] bytes(final ByteBuffer b) {
        final byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }
}
