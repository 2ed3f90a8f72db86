package io.cellfloor.cli;

import io.cellfloor.avro.Alert;
import io.cellfloor.schema.Topics;
import io.cellfloor.schema.registry.HttpSchemaRegistryClient;
import io.cellfloor.schema.registry.RegistryConfig;
import io.cellfloor.schema.serde.CellfloorSerdes;
import io.cellfloor.sinks.alert.AlertDispatcher;
import io.cellfloor.sinks.alert.AlertSink;
import io.cellfloor.sinks.alert.AlertSinkClients;
import io.cellfloor.sinks.alert.AlertSinkMetrics;
import io.cellfloor.sinks.alert.AlertSinkSettings;
import io.cellfloor.sinks.alert.HttpSender;
import io.cellfloor.sinks.alert.Sleeper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cellfloor sinks alerts --config FILE}: the alert sink as its own process, so a slow pager never holds up
 * the streams app. Ctrl-C interrupts an alert in its retries; it is not committed and is delivered again (with the
 * same dedup key) after the restart.
 */
@Command(name = "alerts", sortOptions = false,
        description = "deliver cellfloor.alerts.v1 to webhook / Slack / PagerDuty / Alertmanager receivers")
final class AlertsCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE",
            description = "properties: Kafka, registry, receiver.*, route.*; see README \"Alerting\"")
    private Path config;

    @Option(names = "--metrics-port", paramLabel = "P", defaultValue = "9466",
            description = "Prometheus metrics (default ${DEFAULT-VALUE})")
    private int metricsPort;

    @Override
    public Integer call() throws Exception {
        final AlertSinkSettings settings = AlertSinkSettings.parse(Settings.load(config));
        final Map<String, String> registrySettings = RegistryConfig.settings(settings.registry(), settings.registryUrl());
        final var client = new HttpSchemaRegistryClient(RegistryConfig.fromMap(registrySettings));
        final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        final AlertDispatcher dispatcher = new AlertDispatcher(settings, new HttpSender(settings.httpTimeout()),
                Clock.systemUTC(), Sleeper.system(), new AlertSinkMetrics(meters));
        try (ShutdownSignal shutdown = new ShutdownSignal("cellfloor-sinks-alerts", Duration.ofSeconds(30));
             MetricsServer metrics = MetricsServer.start("0.0.0.0", metricsPort, meters);
             KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(AlertSinkClients.consumer(settings),
                     new StringDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(AlertSinkClients.producer(settings),
                     new StringSerializer(), new ByteArraySerializer())) {
            final AlertSink sink = new AlertSink(consumer, producer,
                    CellfloorSerdes.value(Alert.class, client, registrySettings).deserializer(), dispatcher,
                    Topics.ALERTS, settings.undeliverableTopic());
            final Thread loop = new Thread(() -> {
                sink.run();
                shutdown.request();
            }, "cellfloor-sinks-alerts");
            loop.start();
            System.err.printf("cellfloor sinks alerts: %d receivers, %d routes, group %s on %s, metrics on :%d/metrics%n",
                    settings.receivers().size(), settings.routes().size(), settings.groupId(),
                    settings.bootstrapServers(), metrics.port());
            shutdown.await();
            sink.stop();
            loop.interrupt();
            loop.join(Duration.ofSeconds(20).toMillis());
            return 0;
        }
    }
}
