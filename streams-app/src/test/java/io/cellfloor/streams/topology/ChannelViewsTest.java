package io.cellfloor.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellfloor.avro.BreakdownEvent;
import io.cellfloor.avro.BreakdownType;
import io.cellfloor.schema.Topics;
import io.cellfloor.schema.registry.InMemorySchemaRegistryClient;
import io.cellfloor.schema.serde.CellfloorSerdes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChannelViewsTest {
    private static final Map<String, String> REGISTRY = Map.of("schema.registry.url", "http://in-memory");
    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private TopologyTestDriver driver;

    @BeforeEach
    void start() {
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "cellfloor-views-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(CellfloorTopology.build(Codecs.registry(registry, REGISTRY),
                TopologySettings.DEFAULTS, new TopologyMetrics(new SimpleMeterRegistry())), props);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void shouldKeepTheLastFiveHundredCyclesOfEachChannelOldestFirst() {
        final TestInputTopic<String, byte[]> cycles = driver.createInputTopic(Topics.CYCLES,
                Serdes.String().serializer(), Serdes.ByteArray().serializer());
        for (int k = 1; k <= 505; k++) {
            cycles.pipeInput("ch-1", ("ch-1 cycle " + k).getBytes(StandardCharsets.UTF_8));
        }
        for (int k = 1; k <= 3; k++) {
            cycles.pipeInput("ch-10", ("ch-10 cycle " + k).getBytes(StandardCharsets.UTF_8));
        }

        final List<String> one = values(driver.getKeyValueStore(ChannelViews.RECENT_CYCLES_STORE), "ch-1");
        assertThat(one).hasSize(ChannelViews.LIMIT);
        assertThat(one.get(0)).isEqualTo("ch-1 cycle 6");
        assertThat(one.get(499)).isEqualTo("ch-1 cycle 505");
        assertThat(values(driver.getKeyValueStore(ChannelViews.RECENT_CYCLES_STORE), "ch-10"))
                .containsExactly("ch-10 cycle 1", "ch-10 cycle 2", "ch-10 cycle 3");
    }

    @Test
    void shouldKeepEachChannelsBreakdownEventsFromTheEventsTopic() {
        final TestInputTopic<String, BreakdownEvent> events = driver.createInputTopic(Topics.BREAKDOWN_EVENTS,
                Serdes.String().serializer(), CellfloorSerdes.value(BreakdownEvent.class, registry, REGISTRY)
                        .serializer());
        events.pipeInput("ch-1", event("ch-1", 3, BreakdownType.VOLTAGE_DROP));
        events.pipeInput("ch-2", event("ch-2", 4, BreakdownType.HARD_SHORT));
        events.pipeInput("ch-1", event("ch-1", 5, BreakdownType.CE_JUMP));

        final KeyValueStore<String, BreakdownEvent> store = driver.getKeyValueStore(ChannelViews.RECENT_EVENTS_STORE);
        final List<BreakdownEvent> ch1 = new ArrayList<>();
        try (KeyValueIterator<String, BreakdownEvent> all = store.range(ChannelViews.from("ch-1"),
                ChannelViews.to("ch-1"))) {
            all.forEachRemaining(kv -> ch1.add(kv.value));
        }
        assertThat(ch1).extracting(BreakdownEvent::getCycleNumber).containsExactly(3, 5);
        assertThat(ch1).extracting(BreakdownEvent::getType)
                .containsExactly(BreakdownType.VOLTAGE_DROP, BreakdownType.CE_JUMP);
    }

    private static List<String> values(final KeyValueStore<String, byte[]> store, final String channel) {
        final List<String> out = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = store.range(ChannelViews.from(channel), ChannelViews.to(channel))) {
            while (all.hasNext()) {
                final KeyValue<String, byte[]> next = all.next();
                out.add(new String(next.value, StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static BreakdownEvent event(final String channel, final int cycle, final BreakdownType type) {
        return BreakdownEvent.newBuilder().setStationId("st-1").setChannelId(channel).setTestId("t-1")
                .setCycleNumber(cycle).setType(type).setStartMs(cycle * 1000L).setEndMs(cycle * 1000L + 500)
                .setSeverity(0.5).setRecovered(false).setEvidence(Map.of("dropV", 0.1)).build();
    }
}
