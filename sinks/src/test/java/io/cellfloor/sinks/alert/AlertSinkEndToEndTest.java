package io.cellfloor.sinks.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cellfloor.avro.Alert;
import io.cellfloor.avro.CellStage;
import io.cellfloor.embedded.KafkaAndRegistryExtension;
import io.cellfloor.schema.Topics;
import io.cellfloor.schema.registry.HttpSchemaRegistryClient;
import io.cellfloor.schema.registry.RegistryConfig;
import io.cellfloor.schema.registry.SchemaRegistryClient;
import io.cellfloor.schema.serde.CellfloorSerdes;
import io.cellfloor.streams.app.TopicPlan;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The alert sink on a real broker and the real registry, delivering to real HTTP receivers that fail, hang,
 * rate-limit and recover, with a crash in the middle of a retry. Nothing is lost (every alert reaches every receiver
 * it is routed to, or the dead-letter topic), nothing pages twice (receivers that honour dedup keys see each alert
 * once), and every offset ends up committed.
 */
class AlertSinkEndToEndTest {
    @RegisterExtension
    static final KafkaAndRegistryExtension PLATFORM = KafkaAndRegistryExtension.withTopics(topics());

    private static List<NewTopic> topics() {
        final List<NewTopic> topics = new ArrayList<>(TopicPlan.topics(2, 1));
        topics.add(new NewTopic(AlertSinkSettings.UNDELIVERABLE_TOPIC, 1, (short) 1));
        return topics;
    }

    @Test
    void shouldDeliverEveryAlertOnceOrDeadLetterItThroughFailuresAndACrash() throws Exception {
        final Map<String, String> registrySettings = Map.of(RegistryConfig.URL, PLATFORM.registryUrl());
        final SchemaRegistryClient client = new HttpSchemaRegistryClient(RegistryConfig.fromMap(registrySettings));
        final List<Alert> alerts = alerts();
        publish(alerts, client, registrySettings);
        final Set<String> all = new HashSet<>();
        final Set<String> station2 = new HashSet<>();
        alerts.forEach(a -> {
            all.add(a.getDedupKey());
            if (a.getStationId().equals("st-2")) {
                station2.add(a.getDedupKey());
            }
        });

        try (FakeReceiver pd = new FakeReceiver(n -> n % 5 == 0 ? 500 : n >= 7 && n <= 9 ? FakeReceiver.HANG
                     : n == 12 ? 429 : 202);
             FakeReceiver am = new FakeReceiver(n -> n <= 6 ? 503 : 200);
             FakeReceiver hook = new FakeReceiver(n -> 503)) {
            final AlertSinkSettings settings = AlertSinkSettings.parse(settings(pd, am, hook));
            final SimpleMeterRegistry meters = new SimpleMeterRegistry();
            final AlertSinkMetrics metrics = new AlertSinkMetrics(meters);
            final MutableClock clock = new MutableClock(Instant.ofEpochMilli(Alerts.T0).plus(Duration.ofDays(2)));

            // first run: the process dies during its fourth backoff, after some deliveries it has not committed
            final AtomicInteger sleeps = new AtomicInteger();
            final Sleeper dying = d -> {
                if (sleeps.incrementAndGet() == 4) {
                    throw new InterruptedException("simulated crash");
                }
                clock.sleeper().sleep(d);
            };
            runUntilInterrupted(settings, client, registrySettings, clock, dying, metrics);
            assertThat(pd.deliveries()).isNotEmpty();
            assertThat(committed(settings.groupId())).isLessThan(alerts.size());

            // second run, as after a restart: picks up from the last committed offset
            final Thread second = new Thread(() -> runUntilInterrupted(settings, client, registrySettings, clock,
                    clock.sleeper(), metrics), "alert-sink-second-run");
            second.start();
            await().atMost(Duration.ofSeconds(90)).until(() -> committed(settings.groupId()) == alerts.size());
            second.interrupt();
            second.join(30_000);

            assertThat(pd.pages()).isEqualTo(all);
            assertThat(am.pages()).isEqualTo(all);
            assertThat(pd.deliveries()).hasSizeGreaterThanOrEqualTo(all.size());
            assertThat(hook.deliveries()).isEmpty();
            final Map<String, String> deadLetters = undeliverable(client, registrySettings, station2.size());
            assertThat(deadLetters.keySet()).isEqualTo(station2);
            assertThat(deadLetters.values()).allMatch(h -> h.equals("hook"));
            assertThat(metrics.deadLettered("hook")).isGreaterThanOrEqualTo(station2.size());
            assertThat(metrics.deadLettered("pd")).isZero();
            assertThat(metrics.retried("pd")).isPositive();
            assertThat(metrics.delivered("am")).isGreaterThanOrEqualTo(all.size());
        }
    }

    private static void runUntilInterrupted(final AlertSinkSettings settings, final SchemaRegistryClient client,
                                            final Map<String, String> registrySettings, final MutableClock clock,
                                            final Sleeper sleeper, final AlertSinkMetrics metrics) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(AlertSinkClients.consumer(settings),
                new StringDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(AlertSinkClients.producer(settings),
                     new StringSerializer(), new ByteArraySerializer())) {
            final AlertDispatcher dispatcher = new AlertDispatcher(settings, new HttpSender(Duration.ofMillis(300)),
                    clock, sleeper, metrics);
            final AlertSink sink = new AlertSink(consumer, producer,
                    CellfloorSerdes.value(Alert.class, client, registrySettings).deserializer(), dispatcher,
                    Topics.ALERTS, settings.undeliverableTopic());
            sink.run();
            Thread.interrupted(); // the sink restored it; this thread ends here, like the process would
        }
    }

    private static Map<String, String> settings(final FakeReceiver pd, final FakeReceiver am,
                                                final FakeReceiver hook) {
        final Map<String, String> m = new HashMap<>();
        m.put("bootstrap.servers", PLATFORM.bootstrapServers());
        m.put("schema.registry.url", PLATFORM.registryUrl());
        m.put("cellfloor.alerts-group-id", "alerts-e2e");
        m.put("cellfloor.alerts-max-attempts", "10");
        m.put("cellfloor.alerts-backoff-initial-ms", "1000");
        m.put("cellfloor.alerts-backoff-max-ms", "8000");
        m.put("cellfloor.alerts-breaker-threshold", "3");
        m.put("cellfloor.alerts-breaker-open-ms", "5000");
        m.put("cellfloor.alerts-dashboard-url", "https://cellfloor.example/channels/{channel}");
        m.put("receiver.pd.type", "pagerduty");
        m.put("receiver.pd.url", pd.url().toString());
        m.put("receiver.pd.routing-key", "KEY");
        m.put("receiver.am.type", "alertmanager");
        m.put("receiver.am.url", am.url().toString());
        m.put("receiver.hook.type", "webhook");
        m.put("receiver.hook.url", hook.url().toString());
        m.put("route.page.receivers", "pd,am");
        m.put("route.station2.receivers", "hook");
        m.put("route.station2.stations", "st-2");
        return m;
    }

    private static List<Alert> alerts() {
        final List<Alert> out = new ArrayList<>();
        for (int c = 0; c < 12; c++) {
            final String station = c % 3 == 0 ? "st-2" : "st-1";
            final String channel = station + "-ch-" + c;
            out.add(Alerts.alert(station, channel, CellStage.STABLE, CellStage.RECOVERABLE, 3 + c));
            if (c % 2 == 0) {
                out.add(Alerts.alert(station, channel, CellStage.RECOVERABLE, CellStage.IRRECOVERABLE, 20 + c));
            }
        }
        return out;
    }

    private static void publish(final List<Alert> alerts, final SchemaRegistryClient client,
                                final Map<String, String> registrySettings) throws Exception {
        try (KafkaProducer<String, Alert> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                PLATFORM.bootstrapServers()), new StringSerializer(),
                CellfloorSerdes.value(Alert.class, client, registrySettings).serializer())) {
            for (final Alert a : alerts) {
                producer.send(new ProducerRecord<>(Topics.ALERTS, a.getChannelId(), a)).get();
            }
        }
    }

    private static long committed(final String group) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", PLATFORM.bootstrapServers()))) {
            final Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            return offsets.values().stream().mapToLong(OffsetAndMetadata::offset).sum();
        }
    }

    /** Dedup key to the failed-receivers header of every dead letter. */
    private static Map<String, String> undeliverable(final SchemaRegistryClient client,
                                                     final Map<String, String> registrySettings, final int expected) {
        final Map<String, String> out = new HashMap<>();
        try (KafkaConsumer<String, Alert> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, PLATFORM.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                CellfloorSerdes.value(Alert.class, client, registrySettings).deserializer())) {
            consumer.subscribe(List.of(AlertSinkSettings.UNDELIVERABLE_TOPIC));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (final ConsumerRecord<String, Alert> r : consumer.poll(Duration.ofMillis(200))) {
                    out.put(r.value().getDedupKey(), new String(r.headers().lastHeader("cellfloor.failed-receivers")
                            .value(), StandardCharsets.UTF_8));
                }
                return out.size() >= expected;
            });
        }
        return out;
    }
}
