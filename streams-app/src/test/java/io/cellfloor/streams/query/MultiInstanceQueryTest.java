package io.cellfloor.streams.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellfloor.avro.CellTest;
import io.cellfloor.avro.SampleBatch;
import io.cellfloor.embedded.KafkaAndRegistryExtension;
import io.cellfloor.embedded.TlsMaterial;
import io.cellfloor.ingest.SimulatedSource;
import io.cellfloor.ingest.agent.AgentSettings;
import io.cellfloor.ingest.agent.StationAgent;
import io.cellfloor.schema.registry.SchemaRegistryClient;
import io.cellfloor.schema.serde.CellfloorSerdes;
import io.cellfloor.sim.ChannelTruth;
import io.cellfloor.sim.FloorPlan;
import io.cellfloor.sim.Pacing;
import io.cellfloor.sim.SimulatedFloor;
import io.cellfloor.streams.app.CellfloorRuntime;
import io.cellfloor.streams.app.TopicPlan;
import io.cellfloor.streams.config.StreamsAppConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Two instances of the streams app (one application id, own state dirs and HTTP ports, one standby replica) on
 * the real broker and registry process, a simulated floor published by the station agent: every channel must read
 * the same from either instance, the floor must be whole from either, and when one instance stops the other keeps
 * answering (from its standby, marked stale, or after the rebalance). The bearer token is on throughout and must
 * appear in no log line; the instances serve HTTPS (a CA and certificate generated for the test) and forward the
 * token to each other only over it.
 */
class MultiInstanceQueryTest {
    private static final String TOKEN = "tok-3f9a1c77e2";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static HttpsSettings https;
    private static HttpClient http;

    @RegisterExtension
    static final KafkaAndRegistryExtension PLATFORM = KafkaAndRegistryExtension.withTopics(TopicPlan.topics(4, 1));
    @TempDir
    static Path dir;
    static ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeAll
    static void start() {
        final TlsMaterial tls = TlsMaterial.generate(dir.resolve("tls"), "streams");
        https = new HttpsSettings(tls.keystore(), tls.password(), TlsMaterial.STORE_TYPE, tls.truststore(),
                tls.password());
        http = HttpClient.newBuilder().sslContext(https.clientContext()).build();
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    }

    @AfterAll
    static void stop() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    }

    @Test
    void shouldAnswerEveryChannelAlikeFromEitherInstanceAndKeepAnsweringWhenOneStops() throws Exception {
        final SimulatedFloor floor = new SimulatedFloor(
                FloorPlan.builder().seed(11).stations(2).channelsPerStation(4).cycles(4).breakdowns(1).build(),
                // a recent floor (it spans 2.4 h): the station windows' changelogs keep records for their windows'
                // retention (3 days) by record time, so a floor stamped months ago is deleted by the broker's first
                // retention check, and the instance that restores a station's windows from them finds none
                Pacing.runToCompletion(System.currentTimeMillis() - Duration.ofHours(6).toMillis()));
        // the second instance joins a running app that has processed the floor (scaling out): its tasks and
        // standbys arrive by rebalance and are restored from the changelogs before it answers for them
        final Instance a = Instance.start("a");
        Instance b = null;
        try {
            final Set<String> streamed = ConcurrentHashMap.newKeySet();
            http.sendAsync(get(a, "/api/stream").header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> r.body()
                    .filter(l -> l.startsWith("data: "))
                    .forEach(l -> streamed.add(channelOf(l.substring(6)))));
            await().atMost(Duration.ofSeconds(60)).until(() -> running(a, 1));
            publish(floor, a.runtime().registryClient(), a.runtime().registrySettings());
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
                for (final ChannelTruth t : floor.truth().values()) {
                    final HttpResponse<String> r = send(a, "/api/channels/" + t.channelId());
                    assertThat(json(r).path("status").path("lastCycle").asInt()).as(r.body())
                            .isEqualTo(t.cycles().size());
                }
            });
            b = Instance.start("b");
            final Instance second = b;
            await().atMost(Duration.ofSeconds(90)).until(() -> running(a, 2) && running(second, 2));

            final Map<String, ChannelTruth> truth = floor.truth();
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
                for (final ChannelTruth t : truth.values()) {
                    final String path = "/api/channels/" + t.channelId();
                    final HttpResponse<String> fromA = send(a, path);
                    final HttpResponse<String> fromB = send(second, path);
                    assertThat(fromA.statusCode()).as(path).isEqualTo(200);
                    assertThat(fromB.body()).as(path).isEqualTo(fromA.body());
                    assertThat(json(fromA).path("status").path("lastCycle").asInt()).as(path)
                            .isEqualTo(t.cycles().size());
                    assertThat(json(fromA).path("stale").asBoolean()).isFalse();
                    final String cycles = path + "/cycles?size=500";
                    assertThat(send(second, cycles).body()).isEqualTo(send(a, cycles).body());
                    assertThat(json(send(a, cycles)).path("total").asInt()).isEqualTo(t.cycles().size());
                    assertThat(send(second, path + "/events").body()).isEqualTo(send(a, path + "/events").body());
                }
            });
            final Set<String> servedBy = new HashSet<>();
            for (final String channel : truth.keySet()) {
                final String owner = json(send(a, "/api/channels/" + channel)).path("servedBy").asText();
                servedBy.add(owner);
                final String trace = "/api/channels/" + channel + "/trace";
                assertThat(send(b, trace).body()).isEqualTo(send(a, trace).body());
                if (owner.equals(a.name())) {
                    // the trace is in memory only: the channels that moved to b start afresh there
                    assertThat(json(send(b, trace)).path("t").size()).as(trace).isPositive();
                }
            }
            assertThat(servedBy).as("each instance owns some channels").containsExactlyInAnyOrder(a.name(), b.name());
            for (final Instance i : List.of(a, b)) {
                final JsonNode floorView = json(send(i, "/api/floor"));
                assertThat(floorView.path("channels").size()).isEqualTo(truth.size());
                assertThat(floorView.path("stale").asBoolean()).isFalse();
                assertThat(floorView.path("counts").path("STABLE").asInt()
                        + floorView.path("counts").path("RECOVERABLE").asInt()
                        + floorView.path("counts").path("IRRECOVERABLE").asInt()
                        + floorView.path("counts").path("HARD_SHORT").asInt()).isEqualTo(truth.size());
                assertThat(json(send(i, "/api/channels?page=1&size=3")).path("items").size()).isEqualTo(3);
                assertThat(json(send(i, "/api/cohorts")).path("items").size()).isPositive();
                // the views app aggregates station windows from the committed events: it may trail the detection app
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    final JsonNode rates = json(send(i, "/api/stations/station-1/event-rates?window=daily"));
                    assertThat(rates.path("items").size()).as(rates.toString()).isPositive();
                    assertThat(rates.path("items").get(0).path("end").asLong() - rates.path("items").get(0)
                            .path("start").asLong()).isEqualTo(86_400_000L);
                });
            }
            assertThat(streamed).as("the live stream saw every channel").hasSizeGreaterThanOrEqualTo(truth.size());
            assertErrors(a, b);

            a.close();

            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                for (final ChannelTruth t : truth.values()) {
                    final HttpResponse<String> r = send(second, "/api/channels/" + t.channelId());
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                    assertThat(json(r).path("status").path("lastCycle").asInt()).isEqualTo(t.cycles().size());
                    if (!json(r).path("stale").asBoolean()) {
                        assertThat(json(r).path("servedBy").asText()).isEqualTo(second.name());
                    }
                }
                assertThat(json(send(second, "/api/floor")).path("channels").size()).isEqualTo(truth.size());
            });
        } finally {
            a.close();
            if (b != null) {
                b.close();
            }
        }
        assertNoTokenInLogs();
    }

    private static void assertErrors(final Instance a, final Instance b) throws Exception {
        final HttpResponse<String> unknown = send(b, "/api/channels/no-such-channel");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).path("error").asText()).isEqualTo("not_found");
        assertThat(send(a, "/api/channels/no-such-channel/cycles").statusCode()).isEqualTo(404);
        assertThat(send(b, "/api/stations/station-1/event-rates?window=weekly").statusCode()).isEqualTo(400);
        final HttpResponse<String> badSize = send(a, "/api/channels?size=501");
        assertThat(badSize.statusCode()).isEqualTo(400);
        assertThat(json(badSize).path("message").asText()).contains("size must be between 1 and 500");
        final HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(URI.create(a.url() + "/api/floor"))
                .header("Authorization", "Bearer not-" + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("\"error\":\"unauthorized\"").doesNotContain(TOKEN);
        final HttpResponse<String> cookie = http.send(HttpRequest.newBuilder(URI.create(a.url() + "/api/floor"))
                .header("Cookie", "cellfloor_token=" + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(cookie.statusCode()).isEqualTo(200);
        final HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(a.url() + "/api/health"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(json(health).path("instances").size()).isEqualTo(2);
    }

    private static void assertNoTokenInLogs() {
        assertThat(logs.list).isNotEmpty();
        for (final ILoggingEvent e : logs.list) {
            final String line = e.getFormattedMessage()
                    + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy()));
            assertThat(line).doesNotContain(TOKEN);
        }
    }

    private static boolean running(final Instance i, final int instances) throws Exception {
        final JsonNode h = json(send(i, "/api/health"));
        return "RUNNING".equals(h.path("state").asText()) && "RUNNING".equals(h.path("viewsState").asText())
                && h.path("instances").size() == instances;
    }

    private static void publish(final SimulatedFloor floor, final SchemaRegistryClient client,
                                final Map<String, String> registrySettings) throws Exception {
        try (KafkaProducer<String, byte[]> producer = StationAgent.producer(PLATFORM.bootstrapServers())) {
            final StationAgent agent = new StationAgent(new SimulatedSource(floor), producer,
                    CellfloorSerdes.value(SampleBatch.class, client, registrySettings).serializer(),
                    CellfloorSerdes.value(CellTest.class, client, registrySettings).serializer(),
                    new AgentSettings(200, 1000), new SimpleMeterRegistry(), System::currentTimeMillis);
            agent.publishCellTests();
            agent.run(() -> true);
        }
    }

    private static String channelOf(final String tile) {
        try {
            return JSON.readTree(tile).path("channelId").asText();
        } catch (java.io.IOException e) {
            throw new AssertionError("a stream event is not JSON: " + tile, e);
        }
    }

    private static HttpRequest.Builder get(final Instance i, final String path) {
        return HttpRequest.newBuilder(URI.create(i.url() + path)).header("Authorization", "Bearer " + TOKEN);
    }

    private static HttpResponse<String> send(final Instance i, final String path) throws Exception {
        return http.send(get(i, path).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(final HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    /** One instance: the runtime with its query server (started first, for its port) and its streams client. */
    private record Instance(CellfloorRuntime runtime) implements AutoCloseable {
        static Instance start(final String name) {
            final StreamsAppConfig config = StreamsAppConfig.parse(Map.of(
                    "bootstrap.servers", PLATFORM.bootstrapServers(),
                    StreamsAppConfig.REGISTRY_URL, PLATFORM.registryUrl(),
                    "application.id", "cellfloor-query-it",
                    "state.dir", dir.resolve("streams-" + name).toString(),
                    "num.standby.replicas", "1"));
            return new Instance(CellfloorRuntime.of(config)
                    .query(new QuerySettings("127.0.0.1", 0, "127.0.0.1", TOKEN,
                            QuerySettings.DEFAULT_MAX_STREAM_CLIENTS, https)).start());
        }

        String name() {
            return runtime.query().advertised();
        }

        String url() {
            return "https://" + runtime.query().advertised();
        }

        @Override
        public void close() {
            runtime.close();
        }
    }
}
