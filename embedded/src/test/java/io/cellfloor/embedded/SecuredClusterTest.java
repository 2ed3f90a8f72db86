package io.cellfloor.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The secured single node on its own: a SCRAM user writes where an ACL lets it, is refused elsewhere, and a wrong
 * password does not get in at all. The product-level test with every component is in the cli module.
 */
class SecuredClusterTest {

    @TempDir
    static Path dir;

    private static EmbeddedKafkaCluster kafka;

    @BeforeAll
    static void startCluster() throws Exception {
        kafka = EmbeddedKafkaCluster.singleNodeSecured(dir.resolve("kafka"), TlsMaterial.generate(dir.resolve("tls"),
            "broker")).trapKafkaExit().start();
        kafka.createTopic("secured.allowed", 1, 1, Map.of());
        kafka.createTopic("secured.forbidden", 1, 1, Map.of());
        try (Admin admin = Admin.create(kafka.superUserClient())) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion("writer",
                new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), "writer-secret"))).all().get();
            admin.createAcls(List.of(new AclBinding(
                new ResourcePattern(ResourceType.TOPIC, "secured.allowed", PatternType.LITERAL),
                new AccessControlEntry("User:writer", "*", AclOperation.WRITE, AclPermissionType.ALLOW)))).all().get();
        }
    }

    @AfterAll
    static void stopCluster() {
        kafka.close();
    }

    @Test
    void shouldLetUserWriteOnlyWhereAnAclAllows() {
        try (KafkaProducer<String, String> producer = producer("writer", "writer-secret")) {
            // users and ACLs reach the broker's metadata a moment after the controller accepted them
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() ->
                producer.send(new ProducerRecord<>("secured.allowed", "k", "v")).get().offset() >= 0);

            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("secured.forbidden", "k", "v")).get())
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void shouldRefuseWrongPassword() {
        try (KafkaProducer<String, String> producer = producer("writer", "not-the-secret")) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("secured.allowed", "k", "v")).get())
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void shouldAdvertiseTheAuthenticatedListenerToClients() {
        assertThat(kafka.scramClient("u", "p"))
            .containsEntry("security.protocol", "SASL_SSL")
            .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
            .containsEntry("bootstrap.servers", kafka.bootstrapServers());
        assertThat(kafka.superUserClient().get("bootstrap.servers")).isNotEqualTo(kafka.bootstrapServers());
    }

    private static KafkaProducer<String, String> producer(final String user, final String password) {
        final Map<String, Object> props = new HashMap<>(kafka.scramClient(user, password));
        props.put("max.block.ms", "10000");
        props.put("delivery.timeout.ms", "10000");
        props.put("request.timeout.ms", "5000");
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }
}
