package io.cellfloor.streams.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cellfloor.avro.CellTest;
import io.cellfloor.avro.CycleSummary;
import io.cellfloor.avro.DeadLetter;
import io.cellfloor.avro.SampleBatch;
import io.cellfloor.domain.CeDirection;
import io.cellfloor.domain.CellKind;
import io.cellfloor.domain.CellSpec;
import io.cellfloor.schema.AvroMapping;
import io.cellfloor.schema.Topics;
import io.cellfloor.schema.registry.InMemorySchemaRegistryClient;
import io.cellfloor.schema.serde.CellfloorSerdes;
import io.cellfloor.streams.topology.TopologySettings;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OfflineRunTest {
    private static final CellSpec LI_LPSC_SS = new CellSpec(CellKind.ASYMMETRIC, CellSpec.PELLET_AREA_CM2, "LPSC",
            "SS", 1.0, 0.5, -1.0, 1.5, 50, CeDirection.CHARGE_OVER_DISCHARGE, null);
    private static final Map<String, String> REGISTRY = Map.of("schema.registry.url", "http://in-memory.invalid");
    private static final long T0 = 1_700_000_000_000L;

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

    @Test
    void shouldTurnSerializedSamplesIntoTypedCycles() throws IOException {
        final double i = LI_LPSC_SS.nominalCurrentA();
        try (OfflineRun run = OfflineRun.start(registry, REGISTRY, TopologySettings.DEFAULTS, "offline-test")) {
            feedOneCycle(run, i);

            final List<CycleSummary> cycles = run.take(Topics.CYCLES, CycleSummary.class);

            assertThat(cycles).hasSize(1);
            assertThat(cycles.get(0).getDischarge().getCapacityMAh()).isCloseTo(i * 1800 / 3.6, within(1e-9));
            assertThat(cycles.get(0).getCharge().getCapacityMAh()).isCloseTo(i * 1170 / 3.6, within(1e-9));
            assertThat(cycles.get(0).getCePercent()).isCloseTo(65.0, within(1e-9));
        }
    }

    @Test
    void shouldHandOutTheSerializersBytesOnce() throws IOException {
        try (OfflineRun run = OfflineRun.start(registry, REGISTRY, TopologySettings.DEFAULTS, "offline-test")) {
            feedOneCycle(run, LI_LPSC_SS.nominalCurrentA());

            final List<OutputRecord> raw = run.take(Topics.CYCLES);

            assertThat(raw).hasSize(1);
            assertThat(raw.get(0).key()).isEqualTo("ch-1");
            final CycleSummary decoded = CellfloorSerdes.value(CycleSummary.class, registry, REGISTRY).deserializer()
                    .deserialize(Topics.CYCLES, raw.get(0).value());
            assertThat(decoded.getCycleNumber()).isEqualTo(1);
            assertThat(decoded.getCePercent()).isCloseTo(65.0, within(1e-9));
            assertThat(run.take(Topics.CYCLES)).isEmpty();
            assertThat(run.take(Topics.CYCLES, CycleSummary.class)).isEmpty();
        }
    }

    @Test
    void shouldDeadLetterUnreadableSamplesWithTheirBytes() throws IOException {
        final byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);
        try (OfflineRun run = OfflineRun.start(registry, REGISTRY, TopologySettings.DEFAULTS, "offline-test")) {
            run.samples("ch-1", garbage, T0);

            final List<DeadLetter> letters = run.take(Topics.DEAD_LETTER, DeadLetter.class);

            assertThat(letters).hasSize(1);
            assertThat(letters.get(0).getSourceTopic()).isEqualTo(Topics.SAMPLES);
            assertThat(letters.get(0).getPayload()).isEqualTo(ByteBuffer.wrap(garbage));
            assertThat(run.take(Topics.CYCLES, CycleSummary.class)).isEmpty();
        }
    }

    /** Discharge 1800 s and charge 1160 s to the cut-off at the nominal current, sampled every 10 s: CE 65 %. */
    private void feedOneCycle(final OfflineRun run, final double currentA) {
        run.cellTest("ch-1", CellfloorSerdes.value(CellTest.class, registry, REGISTRY).serializer()
                .serialize(Topics.CELL_TESTS, AvroMapping.cellTest("st-1", "ch-1", "test-1", LI_LPSC_SS)), T0 - 1);
        final List<Long> t = new ArrayList<>();
        final List<Double> current = new ArrayList<>();
        final List<Double> voltage = new ArrayList<>();
        step(t, current, voltage, -currentA, -0.03, 1800);
        step(t, current, voltage, 0, 0.0, 60);
        step(t, current, voltage, currentA, 0.03, 1160);
        point(t, current, voltage, currentA, 1.5);
        step(t, current, voltage, 0, 1.45, 60);
        final SampleBatch batch = SampleBatch.newBuilder().setStationId("st-1").setChannelId("ch-1")
                .setTestId("test-1").setSequence(0).setTimestampMs(t).setCurrentA(current).setVoltageV(voltage)
                .build();
        run.samples("ch-1", CellfloorSerdes.value(SampleBatch.class, registry, REGISTRY).serializer()
                .serialize(Topics.SAMPLES, batch), T0);
    }

    private static void step(final List<Long> t, final List<Double> current, final List<Double> voltage,
                             final double currentA, final double voltageV, final int seconds) {
        for (int s = 0; s <= seconds; s += 10) {
            point(t, current, voltage, currentA, voltageV);
        }
    }

    private static void point(final List<Long> t, final List<Double> current, final List<Double> voltage,
                              final double currentA, final double voltageV) {
        t.add(T0 + 10_000L * t.size());
        current.add(currentA);
        voltage.add(voltageV);
    }
}
