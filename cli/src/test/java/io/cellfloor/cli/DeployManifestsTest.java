package io.cellfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cellfloor.sinks.alert.AlertSinkSettings;
import io.cellfloor.streams.app.TopicPlan;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.ParseResult;

/**
 * deploy/kubernetes and docker-compose.yml checked against the code, in the build: the kustomization renders
 * (with kubectl where it is installed), holds every part of a deployment, creates every topic of {@link TopicPlan}
 * with its partitions and cleanup policy, and starts real commands with settings the program reads.
 */
class DeployManifestsTest {
    private static final Path REPO = Path.of("..");
    private static Manifests manifests;
    private static KnownSettings known;

    @TempDir
    Path dir;

    @BeforeAll
    static void render() throws Exception {
        manifests = Manifests.render(REPO.resolve("deploy/kubernetes"));
        known = new KnownSettings(REPO);
    }

    @Test
    void shouldHoldEveryPartOfADeploymentInTheCellfloorNamespace() {
        final Set<String> resources = manifests.all().stream()
                .map(r -> r.path("kind").asText() + "/" + r.path("metadata").path("name").asText()
                        .replaceAll("-[a-z0-9]{10}$", ""))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(resources).containsExactlyInAnyOrder("Namespace/cellfloor", "Job/cellfloor-topics",
                "ConfigMap/cellfloor-topics", "ConfigMap/cellfloor-streams", "Service/cellfloor-streams",
                "StatefulSet/cellfloor-streams", "PodDisruptionBudget/cellfloor-streams",
                "ConfigMap/cellfloor-alerts", "Deployment/cellfloor-alerts", "ConfigMap/cellfloor-archive",
                "PersistentVolumeClaim/cellfloor-archive", "Deployment/cellfloor-archive");
        assertThat(manifests.all()).filteredOn(r -> !"Namespace".equals(r.path("kind").asText()))
                .allSatisfy(r -> assertThat(r.path("metadata").path("namespace").asText()).isEqualTo("cellfloor"));
    }

    @Test
    void shouldCreateEveryTopicOfTheCodeFromTheJob() throws Exception {
        final JsonNode job = manifests.get("Job", "cellfloor-topics");
        final JsonNode container = job.at("/spec/template/spec/containers/0");
        final Map<String, String> env = env(container);
        final String script = mountedFile(job.at("/spec/template/spec"), container, container.at("/command/1")
                .asText());

        final TopicScript.Result run = TopicScript.run(script, env, dir);

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertTopicsOfTheCode(run.created(), Integer.parseInt(env.get("PARTITIONS")),
                Integer.parseInt(env.get("REPLICATION_FACTOR")));
        assertThat(run.created()).allSatisfy(t -> assertThat(t.configs()).containsEntry("min.insync.replicas", "2"));
    }

    @Test
    void shouldCreateEveryTopicOfTheCodeFromTheComposeService() throws Exception {
        final JsonNode topics = Manifests.YAML.readTree(REPO.resolve("docker-compose.yml").toFile())
                .at("/services/topics");
        final String mount = topics.at("/volumes/0").asText();
        final Path script = REPO.resolve(mount.substring(0, mount.indexOf(':')));
        final Map<String, String> env = new HashMap<>();
        topics.path("environment").fields().forEachRemaining(e -> env.put(e.getKey(),
                e.getValue().asText().replaceAll("^\\$\\{[A-Z_]+:-(.*)}$", "$1")));

        final TopicScript.Result run = TopicScript.run(Files.readString(script), env, dir);

        assertThat(topics.at("/entrypoint/1").asText()).isEqualTo(mount.split(":")[1]);
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertTopicsOfTheCode(run.created(), 6, 1);
        assertThat(run.created()).allSatisfy(t -> assertThat(t.configs()).containsEntry("min.insync.replicas", "1"));
    }

    @Test
    void shouldStopWhenSamplesAndCellTestsAreNotCoPartitioned() throws Exception {
        final String script = Files.readString(REPO.resolve("deploy/kubernetes/create-topics.sh"));

        final TopicScript.Result run = TopicScript.run(script, Map.of("BOOTSTRAP_SERVERS", "kafka:9092",
                "PARTITIONS", "12", "STUB_CELL_TESTS_PARTITIONS", "4"), dir);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("cellfloor.samples.v1 has 12 partitions but cellfloor.cell-tests.v1 has 4");
    }

    @Test
    void shouldStartRealCommandsWithSettingsTheProgramReads() throws Exception {
        final List<JsonNode> workloads = new ArrayList<>(manifests.ofKind("Deployment"));
        workloads.addAll(manifests.ofKind("StatefulSet"));
        final Map<String, String> commands = new HashMap<>();
        for (final JsonNode workload : workloads) {
            final JsonNode pod = workload.at("/spec/template/spec");
            final JsonNode container = pod.at("/containers/0");
            final String name = workload.at("/metadata/name").asText();
            assertThat(container.path("image").asText()).as(name).startsWith("cellfloor:");
            final List<String> args = new ArrayList<>();
            container.path("args").forEach(a -> args.add(a.asText()));
            final ParseResult parsed = Main.commandLine().parseArgs(args.toArray(String[]::new));
            commands.put(name, leaf(parsed).commandSpec().qualifiedName());

            final String config = args.get(args.indexOf("--config") + 1);
            final Properties settings = new Properties();
            settings.load(new StringReader(mountedFile(pod, container, config)));
            assertThat(settings.stringPropertyNames()).as(name + " " + config).allMatch(known::isKnownKey);
            assertThat(settings.getProperty("bootstrap.servers")).as(name).isNotBlank();
            assertThat(settings.getProperty("schema.registry.url")).as(name).isNotBlank();
            for (final JsonNode e : container.path("env")) {
                if (!e.has("valueFrom")) {
                    assertThat(known.isKnownEnv(e.path("name").asText())).as(name + " env " + e.path("name"))
                            .isTrue();
                }
            }
            final String metricsPort = args.get(args.indexOf("--metrics-port") + 1);
            assertThat(workload.at("/spec/template/metadata/annotations/prometheus.io~1port").asText())
                    .as(name).isEqualTo(metricsPort);
            assertThat(container.at("/ports/0/containerPort").asText()).as(name).isEqualTo(metricsPort);
        }

        assertThat(commands).containsOnly(Map.entry("cellfloor-streams", "cellfloor streams"),
                Map.entry("cellfloor-alerts", "cellfloor sinks alerts"),
                Map.entry("cellfloor-archive", "cellfloor sinks archive"));
    }

    @Test
    void shouldStartRealCommandsWithSettingsTheProgramReadsInCompose() throws Exception {
        final JsonNode services = Manifests.YAML.readTree(REPO.resolve("docker-compose.yml").toFile())
                .path("services");
        final Map<String, String> commands = new HashMap<>();
        services.fields().forEachRemaining(service -> {
            final JsonNode s = service.getValue();
            if (!s.path("image").asText().startsWith("cellfloor:")) {
                return;
            }
            final List<String> args = new ArrayList<>();
            s.path("command").forEach(a -> args.add(a.asText()));
            commands.put(service.getKey(), leaf(Main.commandLine().parseArgs(args.toArray(String[]::new)))
                    .commandSpec().qualifiedName());
            s.path("environment").fieldNames().forEachRemaining(env -> assertThat(known.isKnownEnv(env))
                    .as(service.getKey() + " env " + env).isTrue());
        });

        assertThat(commands).containsOnly(Map.entry("streams", "cellfloor streams"),
                Map.entry("archive", "cellfloor sinks archive"));
    }

    @Test
    void shouldRenderWithKubectlWhereItIsInstalled() {
        assumeThat(manifests.renderedByKubectl()).as("kubectl is not installed; the files were read directly")
                .isTrue();

        // kustomize hashes generated ConfigMaps and rewrites the Job's reference to the hashed name
        final String script = manifests.get("ConfigMap", "cellfloor-topics").at("/metadata/name").asText();
        assertThat(manifests.get("Job", "cellfloor-topics").at("/spec/template/spec/volumes/0/configMap/name")
                .asText()).isEqualTo(script);
    }

    private static void assertTopicsOfTheCode(final List<TopicScript.Created> created, final int partitions,
                                              final int replication) {
        final List<NewTopic> plan = new ArrayList<>(TopicPlan.topics(partitions, replication));
        plan.add(new NewTopic(AlertSinkSettings.UNDELIVERABLE_TOPIC, 1, (short) replication)
                .configs(TopicPlan.APPEND_TIME));
        assertThat(created).extracting(TopicScript.Created::name)
                .containsExactlyInAnyOrderElementsOf(plan.stream().map(NewTopic::name).toList());
        for (final NewTopic topic : plan) {
            final TopicScript.Created c = created.stream().filter(t -> t.name().equals(topic.name())).findFirst()
                    .orElseThrow();
            assertThat(c.partitions()).as(topic.name()).isEqualTo(topic.numPartitions());
            assertThat(c.replication()).as(topic.name()).isEqualTo(topic.replicationFactor());
            final Map<String, String> configs = topic.configs() == null ? Map.of() : topic.configs();
            assertThat(c.configs().get("cleanup.policy")).as(topic.name())
                    .isEqualTo(configs.getOrDefault("cleanup.policy", "delete"));
            assertThat(c.configs().get("message.timestamp.type")).as(topic.name())
                    .isEqualTo(configs.get("message.timestamp.type"));
        }
    }

    private static ParseResult leaf(final ParseResult parsed) {
        ParseResult p = parsed;
        while (p.hasSubcommand()) {
            p = p.subcommand();
        }
        return p;
    }

    private static Map<String, String> env(final JsonNode container) {
        final Map<String, String> env = new HashMap<>();
        container.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
        return env;
    }

    /** The content of {@code path} inside the container: a key of the ConfigMap mounted at its directory. */
    private static String mountedFile(final JsonNode pod, final JsonNode container, final String path) {
        final String directory = path.substring(0, path.lastIndexOf('/'));
        final String file = path.substring(path.lastIndexOf('/') + 1);
        for (final JsonNode mount : container.path("volumeMounts")) {
            if (!mount.path("mountPath").asText().equals(directory)) {
                continue;
            }
            for (final JsonNode volume : pod.path("volumes")) {
                if (volume.path("name").asText().equals(mount.path("name").asText())
                        && volume.has("configMap")) {
                    final JsonNode data = manifests.get("ConfigMap", volume.at("/configMap/name").asText()
                            .replaceAll("-[a-z0-9]{10}$", "")).path("data");
                    assertThat(data.has(file)).as(path + " in ConfigMap " + volume.at("/configMap/name")).isTrue();
                    return data.path(file).asText();
                }
            }
        }
        throw new AssertionError("no ConfigMap is mounted at " + directory + " for " + path);
    }
}
