package io.cellfloor.schema.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cellfloor.avro.CycleSummary;
import io.cellfloor.embedded.RegistryProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP client against a real Confluent-compatible registry (Apicurio, BACKWARD global rule). */
class HttpSchemaRegistryClientTest {

    private static final Schema V1 = parse("""
        {"type": "record", "name": "Probe", "namespace": "io.cellfloor.test",
         "fields": [{"name": "a", "type": "int"}]}""");
    private static final Schema V2_WITH_DEFAULT = parse("""
        {"type": "record", "name": "Probe", "namespace": "io.cellfloor.test",
         "fields": [{"name": "a", "type": "int"}, {"name": "b", "type": "string", "default": ""}]}""");
    private static final Schema V2_WITHOUT_DEFAULT = parse("""
        {"type": "record", "name": "Probe", "namespace": "io.cellfloor.test",
         "fields": [{"name": "a", "type": "int"}, {"name": "b", "type": "string"}]}""");

    @TempDir
    static Path workDir;

    private static RegistryProcess registry;
    private static HttpSchemaRegistryClient client;

    @BeforeAll
    static void startRegistry() {
        registry = RegistryProcess.start(workDir);
        client = new HttpSchemaRegistryClient(RegistryConfig.forUrl(registry.url()));
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @Test
    void shouldRegisterAndFetchBackById(final TestInfo test) {
        final int id = client.register(subject(test), CycleSummary.getClassSchema());

        final Schema fetched = new HttpSchemaRegistryClient(RegistryConfig.forUrl(registry.url())).getById(id);

        assertThat(fetched).isEqualTo(CycleSummary.getClassSchema());
        assertThat(client.subjects()).contains(subject(test));
    }

    @Test
    void shouldReturnTheSameIdWhenRegisteringTheSameSchemaAgain(final TestInfo test) {
        final int first = client.register(subject(test), V1);

        final int again = new HttpSchemaRegistryClient(RegistryConfig.forUrl(registry.url()))
            .register(subject(test), V1);

        assertThat(again).isEqualTo(first);
        assertThat(client.idOf(subject(test), V1)).isEqualTo(first);
    }

    @Test
    void shouldGiveEveryClientTheSameIdWhenManyRegisterANewSubjectAtOnce(final TestInfo test) throws Exception {
        // stream threads of several instances register the first version of a subject at the same moment
        for (int round = 0; round < 5; round++) {
            final String subject = subject(test) + "-" + round;
            final ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                final CountDownLatch go = new CountDownLatch(1);
                final List<Future<Integer>> ids = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    ids.add(pool.submit(() -> {
                        go.await();
                        return new HttpSchemaRegistryClient(RegistryConfig.forUrl(registry.url()))
                            .register(subject, CycleSummary.getClassSchema());
                    }));
                }
                go.countDown();
                final Set<Integer> distinct = new HashSet<>();
                for (final Future<Integer> id : ids) {
                    distinct.add(id.get(60, TimeUnit.SECONDS));
                }
                assertThat(distinct).as("ids given for %s", subject).hasSize(1);
                // Apicurio may store the racing copies as extra versions of the same content: harmless, same id
                assertThat(client.latest(subject).id()).isEqualTo(distinct.iterator().next());
                assertThat(client.getById(distinct.iterator().next())).isEqualTo(CycleSummary.getClassSchema());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void shouldReportTheLatestVersionAfterACompatibleChange(final TestInfo test) {
        client.register(subject(test), V1);
        final int v2 = client.register(subject(test), V2_WITH_DEFAULT);

        final RegisteredSchema latest = client.latest(subject(test));

        assertThat(latest.version()).isEqualTo(2);
        assertThat(latest.id()).isEqualTo(v2);
        assertThat(latest.schema()).isEqualTo(V2_WITH_DEFAULT);
    }

    @Test
    void shouldRejectAnIncompatibleSchemaSayingWhichSubjectAndWhy(final TestInfo test) {
        client.register(subject(test), V1);

        assertThatThrownBy(() -> client.register(subject(test), V2_WITHOUT_DEFAULT))
            .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.isIncompatible()).isTrue())
            .hasMessageContaining("Schema io.cellfloor.test.Probe is incompatible with subject '" + subject(test) + "'")
            .hasMessageContaining("compatibility rule rejected it")
            .hasMessageContaining("HTTP 409 from POST " + registry.url() + "/subjects/" + subject(test) + "/versions");
    }

    @Test
    void shouldTestCompatibilityWithoutRegistering(final TestInfo test) {
        client.register(subject(test), V1);

        assertThat(client.testCompatibility(subject(test), V2_WITH_DEFAULT)).isTrue();
        assertThat(client.testCompatibility(subject(test), V2_WITHOUT_DEFAULT)).isFalse();
        assertThat(client.testCompatibility(subject(test) + "-unused", V2_WITHOUT_DEFAULT)).isTrue();
        assertThat(client.latest(subject(test)).version()).isEqualTo(1);
    }

    @Test
    void shouldFailClearlyOnAnUnknownSchemaId() {
        assertThatThrownBy(() -> client.getById(424242))
            .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.isNotFound()).isTrue())
            .hasMessageContaining("could not fetch schema id 424242")
            .hasMessageContaining("HTTP 404 from GET " + registry.url() + "/schemas/ids/424242");
    }

    @Test
    void shouldFailClearlyOnAnUnknownSubject() {
        assertThatThrownBy(() -> client.latest("no-such-subject"))
            .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.isNotFound()).isTrue())
            .hasMessageContaining("latest version of subject 'no-such-subject'");
    }

    private static String subject(final TestInfo test) {
        return "cellfloor.test." + test.getTestMethod().orElseThrow().getName() + "-value";
    }

    private static Schema parse(final String json) {
        return new Schema.Parser().parse(json);
    }
}
