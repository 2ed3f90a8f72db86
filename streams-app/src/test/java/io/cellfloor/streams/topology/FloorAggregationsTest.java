package io.cellfloor.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cellfloor.avro.BreakdownEvent;
import io.cellfloor.avro.BreakdownType;
import io.cellfloor.avro.CellStage;
import io.cellfloor.avro.ChannelStatus;
import io.cellfloor.avro.CohortStats;
import io.cellfloor.domain.CycleRules;
import io.cellfloor.schema.Topics;
import io.cellfloor.schema.registry.InMemorySchemaRegistryClient;
import io.cellfloor.schema.serde.CellfloorSerdes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FloorAggregationsTest {
    static final long HOUR = 3_600_000L;
    static final long T0 = 1_767_225_600_000L;

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private TopologyTestDriver driver;
    private TestInputTopic<String, BreakdownEvent> events;
    private TestInputTopic<String, ChannelStatus> statuses;
    private TestOutputTopic<String, CohortStats> cohorts;

    @BeforeEach
    void start() {
        final Map<String, String> config = CellfloorTopologyTest.REGISTRY;
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "cellfloor-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        final TopologySettings tenMinutesGrace = new TopologySettings(CycleRules.DEFAULTS, Duration.ZERO,
                Duration.ofMinutes(10));
        driver = new TopologyTestDriver(CellfloorTopology.build(Codecs.registry(registry, config),
                tenMinutesGrace, new TopologyMetrics(new SimpleMeterRegistry())), props);
        final var strings = Serdes.String();
        events = driver.createInputTopic(Topics.BREAKDOWN_EVENTS, strings.serializer(),
                CellfloorSerdes.value(BreakdownEvent.class, registry, config).serializer());
        statuses = driver.createInputTopic(Topics.CHANNEL_STATUS, strings.serializer(),
                CellfloorSerdes.value(ChannelStatus.class, registry, config).serializer());
        cohorts = driver.createOutputTopic(Topics.COHORTS, strings.deserializer(),
                CellfloorSerdes.value(CohortStats.class, registry, config).deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void shouldCountBreakdownEventsPerStationInHourlyWindowsAndDropThoseBeyondGrace() {
        event("st-1", "ch-1", T0 + 10 * 60_000);
        event("st-1", "ch-2", T0 + 50 * 60_000);
        event("st-2", "ch-9", T0 + 55 * 60_000);
        event("st-1", "ch-1", T0 + HOUR + 5 * 60_000);
        event("st-1", "ch-3", T0 + 58 * 60_000);
        event("st-1", "ch-1", T0 + 3 * HOUR);
        event("st-1", "ch-4", T0 + 30 * 60_000);

        final WindowStore<String, Long> hourly = driver.getWindowStore(FloorAggregations.STATION_EVENTS_HOURLY_STORE);
        assertThat(counts(hourly, "st-1", T0, T0 + 3 * HOUR)).containsExactly(
                KeyValue.pair(T0, 3L), KeyValue.pair(T0 + HOUR, 1L), KeyValue.pair(T0 + 3 * HOUR, 1L));
        assertThat(counts(hourly, "st-2", T0, T0 + 3 * HOUR)).containsExactly(KeyValue.pair(T0, 1L));
        // the last event was too late for its hour, but its day is still open
        final WindowStore<String, Long> daily = driver.getWindowStore(FloorAggregations.STATION_EVENTS_DAILY_STORE);
        assertThat(counts(daily, "st-1", T0, T0)).containsExactly(KeyValue.pair(T0, 6L));
    }

    @Test
    void shouldCountBackfilledEventsInTheHourTheyHappenedNotTheHourTheyArrived() {
        final long arrivedAYearLater = T0 + 365L * 24 * HOUR;
        eventArriving("st-1", "ch-1", T0 + 10 * 60_000, arrivedAYearLater);
        eventArriving("st-1", "ch-2", T0 + 70 * 60_000, arrivedAYearLater + 1_000);

        final WindowStore<String, Long> hourly = driver.getWindowStore(FloorAggregations.STATION_EVENTS_HOURLY_STORE);
        assertThat(counts(hourly, "st-1", T0, T0 + 2 * HOUR)).containsExactly(
                KeyValue.pair(T0, 1L), KeyValue.pair(T0 + HOUR, 1L));
        assertThat(counts(hourly, "st-1", arrivedAYearLater - HOUR, arrivedAYearLater + HOUR)).isEmpty();
    }

    @Test
    void shouldKeepCohortTableUpToDateAsChannelStatusesChange() {
        final String cohort = "LPSC | SS | 1 mA/cm2 | 0.5 mAh/cm2 | 1.5 V | 50 MPa";
        statuses.pipeInput("ch-1", status("ch-1", cohort, CellStage.STABLE, null, 65.0, 120.0, 2), T0);
        statuses.pipeInput("ch-2", status("ch-2", cohort, CellStage.STABLE, null, 63.0, 116.0, 2), T0);
        statuses.pipeInput("ch-1", status("ch-1", cohort, CellStage.RECOVERABLE, 6, 65.0, 300.0, 5), T0 + HOUR);

        final List<CohortStats> rows = cohorts.readValuesToList();
        final CohortStats latest = rows.get(rows.size() - 1);
        assertThat(latest.getCohort()).isEqualTo(cohort);
        assertThat(latest.getChannels()).isEqualTo(2);
        assertThat(latest.getStable()).isEqualTo(1);
        assertThat(latest.getRecoverable()).isEqualTo(1);
        assertThat(latest.getCyclesToFirstBreakdown()).containsExactly(6);
        assertThat(latest.getMeanInitialCePercent()).isCloseTo(64.0, within(1e-9));
        assertThat(latest.getMeanStableCePercent()).isCloseTo((60.0 + 58.0) / 2, within(1e-9));
        final KeyValueStore<String, CohortStats> store = driver.getKeyValueStore(FloorAggregations.COHORT_STORE);
        assertThat(store.get(cohort)).isEqualTo(latest);
    }

    private void event(final String station, final String channel, final long at) {
        events.pipeInput(channel, BreakdownEvent.newBuilder().setStationId(station).setChannelId(channel)
                .setTestId("t").setCycleNumber(1).setType(BreakdownType.VOLTAGE_DROP).setStartMs(at).setEndMs(at)
                .setSeverity(0.5).setRecovered(true).setEvidence(Map.of()).build(), at);
    }

    /** An event whose record is stamped with its arrival, as on a topic with append time. */
    private void eventArriving(final String station, final String channel, final long at, final long arrived) {
        events.pipeInput(channel, BreakdownEvent.newBuilder().setStationId(station).setChannelId(channel)
                .setTestId("t").setCycleNumber(1).setType(BreakdownType.VOLTAGE_DROP).setStartMs(at).setEndMs(at)
                .setSeverity(0.5).setRecovered(true).setEvidence(Map.of()).build(), arrived);
    }

    private static List<KeyValue<Long, Long>> counts(final WindowStore<String, Long> store, final String key,
                                                     final long from, final long to) {
        try (WindowStoreIterator<Long> it = store.fetch(key, Instant.ofEpochMilli(from), Instant.ofEpochMilli(to))) {
            final List<KeyValue<Long, Long>> out = new java.util.ArrayList<>();
            it.forEachRemaining(out::add);
            return out;
        }
    }

    private static ChannelStatus status(final String channel, final String cohort, final CellStage stage,
                                        final Integer firstBreakdown, final double initialCe,
                                        final double stableCeSum, final int stableCeCount) {
        return ChannelStatus.newBuilder().setStationId("st-1").setChannelId(channel).setTestId("t")
                .setStage(stage).setLastCycle(6).setTestStartMs(T0).setUpdatedMs(T0)
                .setInitialCePercent(initialCe).setStableCeSum(stableCeSum).setStableCeCount(stableCeCount)
                .setCyclesToFirstBreakdown(firstBreakdown)
                .setHoursToFirstBreakdown(firstBreakdown == null ? null : firstBreakdown * 2.0)
                .setCohort(cohort).build();
    }
}
