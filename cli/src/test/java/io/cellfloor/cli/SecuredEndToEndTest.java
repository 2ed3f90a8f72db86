package io.cellfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.cellfloor.avro.Alert;
import io.cellfloor.avro.CellTest;
import io.cellfloor.avro.SampleBatch;
import io.cellfloor.embedded.EmbeddedKafkaCluster;
import io.cellfloor.embedded.RegistryProcess;
import io.cellfloor.embedded.TlsMaterial;
import io.cellfloor.ingest.SimulatedSource;
import io.cellfloor.ingest.agent.AgentSettings;
import io.cellfloor.ingest.agent.StationAgent;
import io.cellfloor.schema.Topics;
import io.cellfloor.schema.registry.RegistryConfig;
import io.cellfloor.schema.registry.SchemaRegistryClient;
import io.cellfloor.schema.serde.CellfloorSerdes;
import io.cellfloor.sim.FloorPlan;
import io.cellfloor.sim.Pacing;
import io.cellfloor.sim.SimulatedFloor;
import io.cellfloor.sinks.alert.AlertDispatcher;
import io.cellfloor.sinks.alert.AlertSink;
import io.cellfloor.sinks.alert.AlertSinkClients;
import io.cellfloor.sinks.alert.AlertSinkMetrics;
import io.cellfloor.sinks.alert.AlertSinkSettings;
import io.cellfloor.sinks.alert.HttpSender;
import io.cellfloor.sinks.alert.Sleeper;
import io.cellfloor.sinks.archive.ArchiveMetrics;
import io.cellfloor.sinks.archive.ArchiveSettings;
import io.cellfloor.sinks.archive.ArchiveTopic;
import io.cellfloor.sinks.archive.ArchiveWriter;
import io.cellfloor.streams.app.CellfloorRuntime;
import io.cellfloor.streams.app.TopicPlan;
import io.cellfloor.streams.config.StreamsAppConfig;
import io.cellfloor.streams.query.HttpsSettings;
import io.cellfloor.streams.query.QuerySettings;
import io.cellfloor.streams.topology.TopologyMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The floor on a secured broker, as the README's security section sets it up: SASL_SSL with SCRAM-SHA-512 (a CA
 * and the broker certificate generated here), the StandardAuthorizer with nothing allowed unless an ACL says so,
 * and one SCRAM user per component with the ACLs of {@link FloorAcls}. The agent, the streams apps, the alert sink
 * and the archive each connect as themselves and their outputs arrive; the query API serves the floor over HTTPS to
 * the token only; the agent trying to write an output topic, or to read, is refused.
 */
class SecuredEndToEndTest {
    private static final String APPLICATION_ID = "cellfloor-secured";
    private static final Map<String, String> PASSWORDS = Map.of("agent", "agent-" + System.nanoTime(),
            "streams", "streams-" + System.nanoTime(), "alerts", "alerts-" + System.nanoTime(),
            "archive", "archive-" + System.nanoTime());
    @TempDir
    static Path dir;
    private static final String API_TOKEN = "api-" + System.nanoTime();
    private static EmbeddedKafkaCluster kafka;
    private static RegistryProcess registry;
    private static TlsMaterial tls;

    @BeforeAll
    static void startSecuredPlatform() throws Exception {
        tls = TlsMaterial.generate(dir.resolve("tls"), "broker");
        kafka = EmbeddedKafkaCluster.singleNodeSecured(dir.resolve("kafka"), tls).trapKafkaExit().start();
        registry = RegistryProcess.start(dir.resolve("registry"));
        final List<NewTopic> topics = new ArrayList<>(TopicPlan.topics(3, 1));
        topics.add(new NewTopic(AlertSinkSettings.UNDELIVERABLE_TOPIC, 1, (short) 1));
        kafka.createTopics(topics.toArray(NewTopic[]::new));
        final List<AclBinding> acls = new ArrayList<>(FloorAcls.agent("agent"));
        acls.addAll(FloorAcls.streams("streams", APPLICATION_ID));
        acls.addAll(FloorAcls.alertSink("alerts", "cellfloor-alerts"));
        acls.addAll(FloorAcls.archive("archive", "cellfloor-archive"));
        try (Admin admin = Admin.create(kafka.superUserClient())) {
            admin.alterUserScramCredentials(PASSWORDS.entrySet().stream().map(e -> new UserScramCredentialUpsertion(
                    e.getKey(), new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), e.getValue()))
                    .map(u -> (org.apache.kafka.clients.admin.UserScramCredentialAlteration) u).toList()).all().get();
            admin.createAcls(acls).all().get();
            // the broker applies users and ACLs from the metadata log a moment after the controller accepted them
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    admin.describeAcls(AclBindingFilter.ANY).values().get().size() == acls.size());
        }
    }

    @AfterAll
    static void stopSecuredPlatform() {
        if (registry != null) {
            registry.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void shouldCarryTheFloorWithOnePrincipalPerComponent() throws Exception {
        final StreamsAppConfig config = StreamsAppConfig.parse(withRegistry(user("streams"),
                Map.of("application.id", APPLICATION_ID, "state.dir", dir.resolve("streams").toString())));
        final SimpleMeterRegistry meters = new SimpleMeterRegistry();
        final TopologyMetrics metrics = new TopologyMetrics(meters);
        final SimulatedFloor floor = new SimulatedFloor(
                FloorPlan.builder().seed(7).stations(2).channelsPerStation(3).cycles(4).breakdowns(1).build(),
                Pacing.runToCompletion(System.currentTimeMillis() - Duration.ofDays(1).toMillis()));
        final Map<String, Object> agentClient = new HashMap<>(kafka.scramClient("agent", PASSWORDS.get("agent")));
        final HttpsSettings https = new HttpsSettings(tls.keystore(), tls.password(), TlsMaterial.STORE_TYPE,
                tls.truststore(), tls.password());
        try (CellfloorRuntime streams = CellfloorRuntime.of(config).meters(meters).metrics(metrics)
                .query(new QuerySettings("127.0.0.1", 0, "127.0.0.1", API_TOKEN, 10, https)).start();
             KafkaProducer<String, byte[]> producer = StationAgent.producer(agentClient)) {
            final SchemaRegistryClient client = streams.registryClient();
            final Map<String, String> registrySettings = streams.registrySettings();
            final StationAgent agent = new StationAgent(new SimulatedSource(floor), producer,
                    CellfloorSerdes.value(SampleBatch.class, client, registrySettings).serializer(),
                    CellfloorSerdes.value(CellTest.class, client, registrySettings).serializer(),
                    new AgentSettings(200, 1000), meters, System::currentTimeMillis);
            agent.publishCellTests();
            agent.run(() -> true);

            await().atMost(Duration.ofSeconds(120)).until(() -> SecuredReads.count(kafka, Topics.CYCLES) >= 24);
            assertThat(streams.failure()).isNull();
            assertThat(metrics.deadLetters()).isZero();
            final long alerts = SecuredReads.count(kafka, Topics.ALERTS);
            assertThat(alerts).isPositive();

            assertThat(deliverAlerts(client, registrySettings, alerts)).hasSize((int) alerts);
            assertQueryApiOverHttpsWithToken(streams, https);
            assertThat(archive(client, registrySettings)).isZero();
        }
        assertThat(SecuredReads.count(kafka, Topics.CYCLES)).isEqualTo(24);
    }

    @Test
    void shouldRefuseTheAgentWritingAnOutputTopic() {
        final Map<String, Object> client = new HashMap<>(kafka.scramClient("agent", PASSWORDS.get("agent")));
        client.put("max.block.ms", "15000");
        client.put("delivery.timeout.ms", "15000");
        client.put("request.timeout.ms", "5000");
        try (KafkaProducer<String, byte[]> producer = StationAgent.producer(client)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.CYCLES, "st-1/ch-1", new byte[1])).get())
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TopicAuthorizationException.class)
                    .hasMessageContaining(Topics.CYCLES);
        }
    }

    @Test
    void shouldRefuseTheAgentReadingSamples() {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                kafka.scramClient("agent", PASSWORDS.get("agent")), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(List.of(new TopicPartition(Topics.SAMPLES, 0)));
            consumer.seekToBeginning(consumer.assignment());
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(15)))
                    .isInstanceOf(TopicAuthorizationException.class)
                    .hasMessageContaining(Topics.SAMPLES);
        }
    }

    /** The floor through the query API: HTTPS only, and nothing without the token. */
    private static void assertQueryApiOverHttpsWithToken(final CellfloorRuntime streams, final HttpsSettings https)
            throws Exception {
        final HttpClient client = HttpClient.newBuilder().sslContext(https.clientContext()).build();
        final URI floor = URI.create("https://127.0.0.1:" + streams.query().port() + "/api/floor");
        assertThat(client.send(HttpRequest.newBuilder(floor).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(401);
        await().atMost(Duration.ofSeconds(30)).until(() -> client.send(HttpRequest.newBuilder(floor)
                .header("Authorization", "Bearer " + API_TOKEN).build(), HttpResponse.BodyHandlers.ofString())
                .body().contains("\"channelId\""));
    }

    /** Runs the alert sink as its own user until it has delivered {@code expected} alerts to a local webhook. */
    private static Set<String> deliverAlerts(final SchemaRegistryClient client, final Map<String, String> registry,
                                             final long expected) throws Exception {
        final Set<String> delivered = ConcurrentHashMap.newKeySet();
        final HttpServer hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hook.createContext("/hook", exchange -> {
            delivered.add(new String(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        hook.start();
        try {
            final Map<String, String> s = withRegistry(user("alerts"), Map.of("receiver.hook.type", "webhook",
                    "receiver.hook.url", "http://127.0.0.1:" + hook.getAddress().getPort() + "/hook",
                    "route.all.receivers", "hook"));
            final AlertSinkSettings settings = AlertSinkSettings.parse(s);
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(AlertSinkClients.consumer(settings),
                    new StringDeserializer(), new ByteArrayDeserializer());
                 KafkaProducer<String, byte[]> producer = new KafkaProducer<>(AlertSinkClients.producer(settings),
                         new StringSerializer(), new ByteArraySerializer())) {
                final AlertSink sink = new AlertSink(consumer, producer,
                        CellfloorSerdes.value(Alert.class, client, registry).deserializer(),
                        new AlertDispatcher(settings, new HttpSender(Duration.ofSeconds(5)), Clock.systemUTC(),
                                Sleeper.system(), new AlertSinkMetrics(new SimpleMeterRegistry())),
                        Topics.ALERTS, settings.undeliverableTopic());
                consumer.subscribe(List.of(Topics.ALERTS));
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    sink.pollOnce(Duration.ofMillis(200));
                    return delivered.size() >= expected;
                });
            }
        } finally {
            hook.stop(0);
        }
        return delivered;
    }

    /** Runs the archive as its own user until it has caught up; returns its lag. */
    private static long archive(final SchemaRegistryClient client, final Map<String, String> registry) {
        final ArchiveSettings settings = ArchiveSettings.parse(withRegistry(user("archive"),
                Map.of("cellfloor.archive-max-records", "5")), dir.resolve("archive"));
        final Map<ArchiveTopic, Deserializer<? extends SpecificRecordBase>> deserializers =
                new EnumMap<>(ArchiveTopic.class);
        for (final ArchiveTopic t : ArchiveTopic.values()) {
            deserializers.put(t, CellfloorSerdes.value(t.type(), client, registry).deserializer());
        }
        final ArchiveMetrics metrics = new ArchiveMetrics(new SimpleMeterRegistry());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings.consumer(),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            final ArchiveWriter writer = new ArchiveWriter(consumer, deserializers, settings, Clock.systemUTC(),
                    metrics);
            writer.subscribe();
            final long end = SecuredReads.endOffsets(kafka, FloorAcls.ARCHIVED);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                writer.pollOnce(Duration.ofMillis(200));
                return !consumer.assignment().isEmpty()
                        && consumer.assignment().stream().mapToLong(consumer::position).sum() >= end;
            });
            writer.publishAll();
        }
        for (final ArchiveTopic t : ArchiveTopic.values()) {
            assertThat(metrics.files(t)).as(t.dir()).isPositive();
        }
        return metrics.lag();
    }

    private static Map<String, String> user(final String name) {
        final Map<String, String> s = new HashMap<>();
        kafka.scramClient(name, PASSWORDS.get(name)).forEach((k, v) -> s.put(k, String.valueOf(v)));
        return s;
    }

    private static Map<String, String> withRegistry(final Map<String, String> client, final Map<String, String> more) {
        final Map<String, String> s = new HashMap<>(client);
        s.put(RegistryConfig.URL, registry.url());
        s.putAll(more);
        return s;
    }
}
