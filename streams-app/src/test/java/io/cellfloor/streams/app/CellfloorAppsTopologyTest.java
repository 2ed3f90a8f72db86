package io.cellfloor.streams.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellfloor.schema.Topics;
import io.cellfloor.schema.registry.InMemorySchemaRegistryClient;
import io.cellfloor.streams.config.StreamsAppConfig;
import io.cellfloor.streams.topology.CellfloorTopology;
import io.cellfloor.streams.topology.Codecs;
import io.cellfloor.streams.topology.TopologyMetrics;
import io.cellfloor.streams.topology.TopologySettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

/** How cellfloor's processing is split between its two Streams applications, and how the views app is configured. */
class CellfloorAppsTopologyTest {
    private final Codecs codecs = Codecs.registry(new InMemorySchemaRegistryClient(),
            Map.of("schema.registry.url", "http://in-memory"));

    @Test
    void shouldReadSamplesOnlyInDetectionAndKeepEveryViewStoreInViews() {
        final Topology detection = CellfloorTopology.detection(codecs, TopologySettings.DEFAULTS,
                new TopologyMetrics(new SimpleMeterRegistry()));
        final Topology views = CellfloorTopology.views(codecs, TopologySettings.DEFAULTS);

        assertThat(sourceTopics(detection)).containsExactlyInAnyOrder(Topics.SAMPLES, Topics.CELL_TESTS);
        assertThat(sourceTopics(views)).doesNotContain(Topics.SAMPLES, Topics.CELL_TESTS)
                .contains(Topics.CYCLES, Topics.BREAKDOWN_EVENTS, Topics.CHANNEL_STATUS);
        assertThat(stores(detection)).isNotEmpty().noneMatch(CellfloorTopology::isViewStore);
        assertThat(stores(views)).hasSize(6).allMatch(CellfloorTopology::isViewStore);
        assertThat(stores(CellfloorTopology.build(codecs, TopologySettings.DEFAULTS,
                new TopologyMetrics(new SimpleMeterRegistry()))))
                .containsExactlyInAnyOrderElementsOf(union(stores(detection), stores(views)));
    }

    @Test
    void shouldGiveTheViewsAppItsOwnIdCommitIntervalAndThreads() {
        final StreamsAppConfig defaults = config(Map.of());
        final StreamsAppConfig tuned = config(Map.of("cellfloor.views.commit-interval-ms", "5000",
                "cellfloor.views.threads", "3"));

        final Properties views = defaults.viewsProperties(defaults.streamsProperties());
        final Properties tunedViews = tuned.viewsProperties(tuned.streamsProperties());

        assertThat(views).containsEntry("application.id", "floor-a-views")
                .containsEntry("commit.interval.ms", "1000").containsEntry("num.stream.threads", "1")
                .containsEntry("processing.guarantee", "exactly_once_v2")
                .containsEntry("bootstrap.servers", "broker:9092");
        assertThat(defaults.streamsProperties()).containsEntry("application.id", "floor-a")
                .containsEntry("commit.interval.ms", "200");
        assertThat(tunedViews).containsEntry("commit.interval.ms", "5000").containsEntry("num.stream.threads", "3");
    }

    private static StreamsAppConfig config(final Map<String, String> extra) {
        final Map<String, String> s = new HashMap<>(Map.of("bootstrap.servers", "broker:9092",
                "schema.registry.url", "http://registry:8081", "application.id", "floor-a"));
        s.putAll(extra);
        return StreamsAppConfig.parse(s);
    }

    private static Set<String> sourceTopics(final Topology topology) {
        return topology.describe().subtopologies().stream().flatMap(s -> s.nodes().stream())
                .filter(n -> n instanceof TopologyDescription.Source)
                .flatMap(n -> ((TopologyDescription.Source) n).topicSet().stream())
                .collect(Collectors.toSet());
    }

    private static Set<String> stores(final Topology topology) {
        return topology.describe().subtopologies().stream().flatMap(s -> s.nodes().stream())
                .filter(n -> n instanceof TopologyDescription.Processor)
                .flatMap(n -> ((TopologyDescription.Processor) n).stores().stream())
                .collect(Collectors.toSet());
    }

    private static Set<String> union(final Set<String> a, final Set<String> b) {
        return Stream.concat(a.stream(), b.stream()).collect(Collectors.toSet());
    }
}
