package io.cellfloor.cli;

import io.cellfloor.avro.CellTest;
import io.cellfloor.avro.SampleBatch;
import io.cellfloor.ingest.agent.AgentSettings;
import io.cellfloor.ingest.agent.StationAgent;
import io.cellfloor.ingest.sim.FloorPlan;
import io.cellfloor.ingest.sim.Pacing;
import io.cellfloor.ingest.sim.SimulatedFloor;
import io.cellfloor.schema.registry.HttpSchemaRegistryClient;
import io.cellfloor.schema.registry.RegistryConfig;
import io.cellfloor.schema.registry.SchemaRegistryClient;
import io.cellfloor.schema.serde.CellfloorSerdes;
import io.cellfloor.streams.config.StreamsAppConfig;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code cellfloor agent --config FILE}: a station agent publishing to your Kafka and registry. Its source is
 * the simulated floor ({@code --channels}, {@code --speed-up}, {@code --cycles}); connection settings as for
 * {@code streams} (the same file works for both).
 */
final class AgentCommand {
    private AgentCommand() {
    }

    static int run(final Options options) throws Exception {
        final StreamsAppConfig connection = StreamsAppConfig.parse(Settings.load(options));
        final Map<String, String> registrySettings = new HashMap<>(connection.registry());
        registrySettings.put(RegistryConfig.URL, connection.registryUrl());
        final SchemaRegistryClient client = new HttpSchemaRegistryClient(RegistryConfig.fromMap(registrySettings));
        final Map<String, Object> producerProps = new HashMap<>(connection.kafka());
        producerProps.putAll(StationAgent.producerDefaults());
        producerProps.put("bootstrap.servers", connection.bootstrapServers());
        final int channels = options.integer("channels", 64);
        final int perStation = Math.min(16, channels);
        final SimulatedFloor floor = new SimulatedFloor(FloorPlan.builder().stations((channels + perStation - 1)
                / perStation).channelsPerStation(perStation).cycles(options.integer("cycles", 30)).build(),
                Pacing.paced(System::currentTimeMillis, System.currentTimeMillis(), options.number("speed-up", 1)));
        final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (ShutdownSignal shutdown = new ShutdownSignal("cellfloor-agent", Duration.ofSeconds(30));
             MetricsServer metrics = MetricsServer.start("0.0.0.0", options.integer("metrics-port", 9465), meters);
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps, new StringSerializer(),
                     new ByteArraySerializer());
             KafkaClientMetrics producerMetrics = new KafkaClientMetrics(producer)) {
            producerMetrics.bindTo(meters);
            final StationAgent agent = new StationAgent(floor, producer,
                    CellfloorSerdes.value(SampleBatch.class, client, registrySettings).serializer(),
                    CellfloorSerdes.value(CellTest.class, client, registrySettings).serializer(),
                    AgentSettings.DEFAULTS, meters, System::currentTimeMillis);
            System.err.printf("cellfloor agent: %d simulated channels to %s, metrics on :%d/metrics%n",
                    floor.channels().size(), connection.bootstrapServers(), metrics.port());
            agent.publishCellTests();
            agent.run(() -> !shutdown.requested());
        }
        return 0;
    }
}
