package io.cellfloor.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cellfloor.avro.CellTest;
import io.cellfloor.avro.ChannelStatus;
import io.cellfloor.avro.CycleSummary;
import io.cellfloor.avro.DeadLetter;
import io.cellfloor.avro.EndReason;
import io.cellfloor.avro.SampleBatch;
import io.cellfloor.domain.CeDirection;
import io.cellfloor.domain.CellKind;
import io.cellfloor.domain.CellSpec;
import io.cellfloor.domain.CycleRules;
import io.cellfloor.domain.CycleState;
import io.cellfloor.domain.StateCodec;
import io.cellfloor.schema.AvroMapping;
import io.cellfloor.schema.Topics;
import io.cellfloor.schema.registry.InMemorySchemaRegistryClient;
import io.cellfloor.schema.serde.CellfloorSerdes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CellfloorTopologyTest {
    static final CellSpec LI_LPSC_SS = new CellSpec(CellKind.ASYMMETRIC, CellSpec.PELLET_AREA_CM2, "LPSC", "SS",
            1.0, 0.5, -1.0, 1.5, 50, CeDirection.CHARGE_OVER_DISCHARGE, null);
    static final CellSpec NMC_GRAPHITE = new CellSpec(CellKind.FULL, 1.0, "liquid", "NMC", 2.0, 2.0,
            3.0, 4.2, 0, CeDirection.DISCHARGE_OVER_CHARGE, null);
    static final Map<String, String> REGISTRY = Map.of("schema.registry.url", "http://in-memory");

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, SampleBatch> samples;
    private TestInputTopic<String, byte[]> rawSamples;
    private TestInputTopic<String, CellTest> cellTests;
    private TestOutputTopic<String, CycleSummary> cycles;
    private TestOutputTopic<String, DeadLetter> deadLetters;
    private TestOutputTopic<String, ChannelStatus> statuses;
    private TopologyMetrics metrics;

    @BeforeEach
    void start() {
        start(TopologySettings.DEFAULTS);
    }

    private void start(final TopologySettings settings) {
        metrics = new TopologyMetrics(meters);
        final Codecs codecs = Codecs.registry(registry, REGISTRY);
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "cellfloor-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(CellfloorTopology.build(codecs, settings, metrics), props);
        final var strings = Serdes.String();
        samples = driver.createInputTopic(Topics.SAMPLES, strings.serializer(),
                CellfloorSerdes.value(SampleBatch.class, registry, REGISTRY).serializer());
        rawSamples = driver.createInputTopic(Topics.SAMPLES, strings.serializer(), Serdes.ByteArray().serializer());
        cellTests = driver.createInputTopic(Topics.CELL_TESTS, strings.serializer(),
                CellfloorSerdes.value(CellTest.class, registry, REGISTRY).serializer());
        cycles = driver.createOutputTopic(Topics.CYCLES, strings.deserializer(),
                CellfloorSerdes.value(CycleSummary.class, registry, REGISTRY).deserializer());
        deadLetters = driver.createOutputTopic(Topics.DEAD_LETTER, strings.deserializer(),
                CellfloorSerdes.value(DeadLetter.class, registry, REGISTRY).deserializer());
        statuses = driver.createOutputTopic(Topics.CHANNEL_STATUS, strings.deserializer(),
                CellfloorSerdes.value(ChannelStatus.class, registry, REGISTRY).deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void shouldTurnAsymmetricCellSamplesIntoCycleSummary() {
        register("ch-1", LI_LPSC_SS);
        final double i = LI_LPSC_SS.nominalCurrentA();
        final Batches b = new Batches("ch-1");
        b.step(-i, -0.03, 1800).step(0, 0.0, 60).step(i, 0.03, 1160).point(i, 1.5).step(0, 1.45, 60);
        b.send(samples, 4);

        final CycleSummary c = cycles.readValue();
        assertThat(c.getChannelId()).isEqualTo("ch-1");
        assertThat(c.getCycleNumber()).isEqualTo(1);
        assertThat(c.getCellTestKnown()).isTrue();
        assertThat(c.getDischarge().getCapacityMAh()).isCloseTo(i * 1800 / 3.6, within(1e-9));
        assertThat(c.getDischarge().getCapacityMAhCm2()).isCloseTo(0.5, within(1e-9));
        assertThat(c.getDischarge().getEndReason()).isEqualTo(EndReason.CAPACITY);
        assertThat(c.getCharge().getCapacityMAh()).isCloseTo(i * 1170 / 3.6, within(1e-9));
        assertThat(c.getCharge().getEndReason()).isEqualTo(EndReason.CUTOFF);
        assertThat(c.getCePercent()).isCloseTo(65.0, within(1e-9));
        assertThat(c.getComplete()).isTrue();
        assertThat(cycles.isEmpty()).isTrue();
        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(metrics.samplesIn()).isEqualTo(b.count());
        final ChannelStatus status = statuses.readValue();
        assertThat(status.getLastCycle()).isEqualTo(1);
        assertThat(status.getInitialCePercent()).isCloseTo(65.0, within(1e-9));
        assertThat(status.getCohort()).isEqualTo("LPSC | SS | 1 mA/cm2 | 0.5 mAh/cm2 | 1.5 V | 50 MPa");
        final KeyValueStore<String, ChannelStatus> store = driver.getKeyValueStore(
                CellfloorTopology.CHANNEL_STATUS_STORE);
        assertThat(store.get("ch-1")).isEqualTo(status);
    }

    @Test
    void shouldUseTheCellTestAsRegisteredLastWhenItChangesMidTest() {
        register("ch-1", LI_LPSC_SS);
        final double i = LI_LPSC_SS.nominalCurrentA();
        final Batches b = new Batches("ch-1");
        b.step(-i, -0.03, 1800).step(0, 0.0, 60).step(i, 0.03, 1160).point(i, 1.5).step(0, 1.45, 60);
        final List<SampleBatch> batches = b.batches(4);
        batches.subList(0, 2).forEach(x -> samples.pipeInput("ch-1", x));

        register("ch-1", new CellSpec(CellKind.ASYMMETRIC, LI_LPSC_SS.areaCm2(), "LPSC", "SS", 1.0, 0.5, -1.0, 1.5,
                80, CeDirection.CHARGE_OVER_DISCHARGE, null));
        batches.subList(2, 4).forEach(x -> samples.pipeInput("ch-1", x));

        assertThat(statuses.readValue().getCohort()).isEqualTo("LPSC | SS | 1 mA/cm2 | 0.5 mAh/cm2 | 1.5 V | 80 MPa");
    }

    @Test
    void shouldTreatTheChannelAsUnknownOnceItsCellTestIsDeleted() {
        register("ch-1", LI_LPSC_SS);
        final double i = LI_LPSC_SS.nominalCurrentA();
        final Batches b = new Batches("ch-1");
        b.step(-i, -0.03, 1800).step(0, 0.0, 60).step(i, 0.03, 1160).point(i, 1.5).step(0, 1.45, 60);
        final List<SampleBatch> batches = b.batches(4);
        samples.pipeInput("ch-1", batches.get(0));

        cellTests.pipeInput("ch-1", (CellTest) null);
        batches.subList(1, 4).forEach(x -> samples.pipeInput("ch-1", x));

        assertThat(cycles.readValue().getCellTestKnown()).isFalse();
        assertThat(driver.getKeyValueStore(CellfloorTopology.CELL_TEST_STORE).get("ch-1")).isNull();
    }

    @Test
    void shouldTakeFullCellCeAsDischargeOverCharge() {
        register("ch-2", NMC_GRAPHITE);
        final double i = NMC_GRAPHITE.nominalCurrentA();
        final Batches b = new Batches("ch-2");
        b.step(i, 3.9, 3600).point(i, 4.2).step(0, 4.1, 600).step(-i, 3.7, 3540).point(-i, 3.0).step(0, 3.2, 600);
        b.send(samples, 3);

        final CycleSummary c = cycles.readValue();
        assertThat(c.getCeDirection()).isEqualTo(io.cellfloor.avro.CeDirection.DISCHARGE_OVER_CHARGE);
        assertThat(c.getCePercent()).isCloseTo(3550.0 / 3610.0 * 100, within(1e-9));
        assertThat(c.getCharge().getEndReason()).isEqualTo(EndReason.CUTOFF);
        assertThat(c.getDischarge().getEndReason()).isEqualTo(EndReason.CUTOFF);
    }

    @Test
    void shouldDeadLetterCorruptRecordAndKeepProcessing() {
        register("ch-1", LI_LPSC_SS);
        rawSamples.pipeInput("ch-1", new byte[] {0, 0, 0, 0, 42, 1, 2, 3});
        rawSamples.pipeInput("ch-1", "not avro at all".getBytes());
        final double i = LI_LPSC_SS.nominalCurrentA();
        new Batches("ch-1").step(-i, -0.03, 1800).step(0, 0, 60).step(i, 0.03, 600).step(0, 1.2, 60)
                .send(samples, 2);

        final List<DeadLetter> letters = deadLetters.readValuesToList();
        assertThat(letters).hasSize(2).allSatisfy(d -> {
            assertThat(d.getReason()).startsWith("unreadable sample batch");
            assertThat(d.getSourceTopic()).isEqualTo(Topics.SAMPLES);
            assertThat(d.getRejectedSamples()).isEqualTo(-1);
        });
        assertThat(letters.get(0).getReason()).contains("schema id 42");
        assertThat(letters.get(1).getPayload().array()).isEqualTo("not avro at all".getBytes());
        assertThat(cycles.readValue().getCePercent()).isCloseTo(600.0 / 1800 * 100, within(1e-9));
        assertThat(meters.counter("cellfloor.streams.records.unreadable").count()).isEqualTo(2);
    }

    @Test
    void shouldDeadLetterDuplicateBatchInsteadOfCountingItTwice() {
        register("ch-1", LI_LPSC_SS);
        final double i = LI_LPSC_SS.nominalCurrentA();
        final Batches b = new Batches("ch-1").step(-i, -0.03, 1800).step(0, 0, 60).step(i, 0.03, 900).step(0, 1, 60);
        final List<SampleBatch> batches = b.batches(3);
        samples.pipeInput("ch-1", batches.get(0));
        samples.pipeInput("ch-1", batches.get(1));
        samples.pipeInput("ch-1", batches.get(1));
        samples.pipeInput("ch-1", batches.get(2));

        assertThat(deadLetters.readValue().getReason()).startsWith("duplicate batch: sequence 1");
        assertThat(cycles.readValue().getCePercent()).isCloseTo(50.0, within(1e-9));
        assertThat(meters.counter("cellfloor.streams.samples.rejected").count())
                .isEqualTo(batches.get(1).getTimestampMs().size());
    }

    @Test
    void shouldDeadLetterABatchOfAnEarlierTestAndProduceWhatAnUninterruptedRunProduces() {
        final List<String> uninterrupted = runTwoTests(false);
        assertThat(deadLetters.isEmpty()).isTrue();
        stop();
        start();

        final List<String> withReplay = runTwoTests(true);

        final DeadLetter letter = deadLetters.readValue();
        assertThat(letter.getReason()).startsWith("batch of an earlier test: test test-1 (sequence 1)");
        assertThat(letter.getRejectedSamples()).isEqualTo(143);
        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(withReplay).hasSize(4).isEqualTo(uninterrupted);
    }

    /** Two tests on one channel, one full cycle each; test 1's last batch replayed while test 2 runs. */
    private List<String> runTwoTests(final boolean replay) {
        register("ch-1", LI_LPSC_SS);
        final double i = LI_LPSC_SS.nominalCurrentA();
        final Batches b = new Batches("ch-1");
        for (int test = 0; test < 2; test++) {
            b.step(-i, -0.03, 1800).step(0, 0, 60).step(i, 0.03, 900).step(0, 1, 60);
        }
        final List<SampleBatch> batches = b.batches(4);
        for (int k = 2; k < 4; k++) {
            batches.get(k).setTestId("test-2");
            batches.get(k).setSequence(k - 2);
        }
        samples.pipeInput("ch-1", batches.get(0));
        samples.pipeInput("ch-1", batches.get(1));
        samples.pipeInput("ch-1", batches.get(2));
        if (replay) {
            samples.pipeInput("ch-1", batches.get(1));
        }
        samples.pipeInput("ch-1", batches.get(3));
        final List<String> out = new ArrayList<>();
        cycles.readValuesToList().forEach(c -> out.add(c.toString()));
        statuses.readValuesToList().forEach(c -> out.add(c.toString()));
        return out;
    }

    @Test
    void shouldDeadLetterNanSamplesAndProcessTheRestOfTheBatch() {
        register("ch-1", LI_LPSC_SS);
        final double i = LI_LPSC_SS.nominalCurrentA();
        final Batches b = new Batches("ch-1").step(-i, -0.03, 1800).step(0, 0, 60).step(i, 0.03, 900).step(0, 1, 60);
        final SampleBatch batch = b.batches(1).get(0);
        batch.getVoltageV().set(5, Double.NaN);
        samples.pipeInput("ch-1", batch);

        final DeadLetter letter = deadLetters.readValue();
        assertThat(letter.getRejectedSamples()).isEqualTo(1);
        assertThat(letter.getReason()).contains("sample 5").contains("non-finite");
        assertThat(cycles.readValue().getCePercent()).isCloseTo(50.0, within(1e-9));
        assertThat(meters.counter("cellfloor.streams.samples.accepted").count()
                + meters.counter("cellfloor.streams.samples.rejected").count()).isEqualTo(b.count());
    }

    @Test
    void shouldReportOpenCycleAsIncompleteAtEndOfTestAndKeepState() {
        register("ch-1", LI_LPSC_SS);
        final double i = LI_LPSC_SS.nominalCurrentA();
        final List<SampleBatch> batches = new Batches("ch-1").step(-i, -0.03, 1800).step(0, 0, 60)
                .step(i, 0.03, 300).batches(2);
        batches.get(1).setEndOfTest(true);
        batches.forEach(x -> samples.pipeInput("ch-1", x));

        final CycleSummary c = cycles.readValue();
        assertThat(c.getComplete()).isFalse();
        assertThat(c.getCharge().getEndReason()).isEqualTo(EndReason.INCOMPLETE);
        final KeyValueStore<String, byte[]> store = driver.getKeyValueStore(CellfloorTopology.CYCLE_STATE_STORE);
        final CycleState state = StateCodec.decodeCycleState(store.get("ch-1"));
        assertThat(state.lastSequence()).isEqualTo(1);
        assertThat(state.cyclesEmitted()).isEqualTo(1);
    }

    @Test
    void shouldUseDefaultsAndSaySoWhenNoCellTestIsRegistered() {
        new Batches("ch-9").step(0.002, 3.9, 3600).step(0, 4.1, 600).step(-0.002, 3.7, 3420).step(0, 3.2, 600)
                .send(samples, 2);

        final CycleSummary c = cycles.readValue();
        assertThat(c.getCellTestKnown()).isFalse();
        assertThat(c.getCePercent()).isCloseTo(95.0, within(1e-9));
        assertThat(c.getCharge().getCapacityMAhCm2()).isNaN();
    }

    @Test
    void shouldPutSamplesBackInOrderWithinTheGraceAndDeadLetterLaterOnes() {
        stop();
        start(new TopologySettings(CycleRules.DEFAULTS, Duration.ofSeconds(120), Duration.ofMinutes(10)));
        register("ch-1", LI_LPSC_SS);
        final double i = LI_LPSC_SS.nominalCurrentA();
        final List<SampleBatch> batches = new Batches("ch-1").step(-i, -0.03, 1800).step(0, 0, 60)
                .step(i, 0.03, 900).step(0, 1, 300).batches(3);
        final SampleBatch first = batches.get(0);
        final SampleBatch second = batches.get(1);
        final int last = first.getTimestampMs().size() - 1;
        // the last 5 samples of the first batch arrive with the next one, 50 s late: within the 120 s grace
        for (int k = last - 4; k <= last; k++) {
            second.getTimestampMs().add(first.getTimestampMs().get(k));
            second.getCurrentA().add(first.getCurrentA().get(k));
            second.getVoltageV().add(first.getVoltageV().get(k));
        }
        for (int k = last; k >= last - 4; k--) {
            first.getTimestampMs().remove(k);
            first.getCurrentA().remove(k);
            first.getVoltageV().remove(k);
        }
        // and one sample of the second batch arrives with the third, far too late
        final SampleBatch third = batches.get(2);
        third.getTimestampMs().add(0, second.getTimestampMs().remove(0));
        third.getCurrentA().add(0, second.getCurrentA().remove(0));
        third.getVoltageV().add(0, second.getVoltageV().remove(0));
        batches.forEach(b -> samples.pipeInput("ch-1", b));

        final DeadLetter late = deadLetters.readValue();
        assertThat(late.getRejectedSamples()).isEqualTo(1);
        assertThat(late.getReason()).contains("sample 0").contains("out of order, later than the grace allows");
        assertThat(deadLetters.isEmpty()).isTrue();
        final CycleSummary c = cycles.readValue();
        assertThat(c.getDischarge().getCapacityMAh()).isCloseTo(i * 1800 / 3.6, within(1e-9));
        assertThat(c.getCePercent()).isCloseTo(50.0, within(1e-9));
    }

    @Test
    void shouldSortABatchOutOfOrderWithoutGraceAndGetTheSameCycleAsInOrder() {
        register("ch-1", LI_LPSC_SS);
        register("ch-2", LI_LPSC_SS);
        final double i = LI_LPSC_SS.nominalCurrentA();
        final List<SampleBatch> inOrder = new Batches("ch-1").step(-i, -0.03, 1800).step(0, 0, 60)
                .step(i, 0.03, 900).step(0, 1, 300).batches(3);
        final List<SampleBatch> shuffled = new Batches("ch-2").step(-i, -0.03, 1800).step(0, 0, 60)
                .step(i, 0.03, 900).step(0, 1, 300).batches(3);
        // the default grace is 0: a batch that is in order goes straight to the assembler, one that is not is
        // sorted first: swapping a plating sample with a stripping one of the same batch must change nothing
        final SampleBatch second = shuffled.get(1);
        final int a = 175 - 104;
        final int b = 190 - 104;
        assertThat(second.getCurrentA().get(a)).isNegative();
        assertThat(second.getCurrentA().get(b)).isPositive();
        swap(second.getTimestampMs(), a, b);
        swap(second.getCurrentA(), a, b);
        swap(second.getVoltageV(), a, b);
        inOrder.forEach(x -> samples.pipeInput("ch-1", x));
        shuffled.forEach(x -> samples.pipeInput("ch-2", x));

        assertThat(deadLetters.isEmpty()).isTrue();
        final CycleSummary sorted = cycles.readValue();
        final CycleSummary resorted = cycles.readValue();
        assertThat(resorted.getChannelId()).isEqualTo("ch-2");
        assertThat(resorted.getDischarge().getCapacityMAh()).isCloseTo(i * 1800 / 3.6, within(1e-9));
        assertThat(resorted.getDischarge().getCapacityMAh()).isEqualTo(sorted.getDischarge().getCapacityMAh());
        assertThat(resorted.getCePercent()).isEqualTo(sorted.getCePercent());
        assertThat(resorted.getStartMs()).isEqualTo(sorted.getStartMs());
        assertThat(resorted.getEndMs()).isEqualTo(sorted.getEndMs());
    }

    private static <T> void swap(final List<T> list, final int a, final int b) {
        final T x = list.get(a);
        list.set(a, list.get(b));
        list.set(b, x);
    }

    private void register(final String channel, final CellSpec cell) {
        cellTests.pipeInput(channel, AvroMapping.cellTest("st-1", channel, "test-1", cell));
    }

    /** A channel's trace: constant steps sampled every 10 s including both ends, cut into numbered batches. */
    private static final class Batches {
        private final String channel;
        private final List<Long> t = new ArrayList<>();
        private final List<Double> current = new ArrayList<>();
        private final List<Double> voltage = new ArrayList<>();
        private long now = 1_700_000_000_000L;

        Batches(final String channel) {
            this.channel = channel;
        }

        Batches step(final double currentA, final double voltageV, final int seconds) {
            for (int s = 0; s <= seconds; s += 10) {
                point(currentA, voltageV);
            }
            return this;
        }

        /** One sample; the next comes 10 s later. */
        Batches point(final double currentA, final double voltageV) {
            t.add(now);
            current.add(currentA);
            voltage.add(voltageV);
            now += 10_000;
            return this;
        }

        int count() {
            return t.size();
        }

        List<SampleBatch> batches(final int n) {
            final List<SampleBatch> out = new ArrayList<>();
            final int size = (t.size() + n - 1) / n;
            for (int k = 0; k < n; k++) {
                final int from = k * size;
                final int to = Math.min(t.size(), from + size);
                out.add(SampleBatch.newBuilder().setStationId("st-1").setChannelId(channel).setTestId("test-1")
                        .setSequence(k)
                        .setTimestampMs(new ArrayList<>(t.subList(from, to)))
                        .setCurrentA(new ArrayList<>(current.subList(from, to)))
                        .setVoltageV(new ArrayList<>(voltage.subList(from, to)))
                        .build());
            }
            return out;
        }

        Batches send(final TestInputTopic<String, SampleBatch> topic, final int n) {
            batches(n).forEach(b -> topic.pipeInput(channel, b, b.getTimestampMs().get(0)));
            return this;
        }
    }
}
