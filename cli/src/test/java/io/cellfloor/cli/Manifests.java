package io.cellfloor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Kubernetes resources of a kustomization as the cluster would get them: {@code kubectl kustomize} where kubectl
 * is installed, else the listed resource files and generated ConfigMaps read here (no name hashes, no image
 * rewrites: the checks do not depend on either). Also reads any YAML file, several documents to a file.
 */
final class Manifests {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final List<JsonNode> resources;
    private final boolean renderedByKubectl;

    private Manifests(final List<JsonNode> resources, final boolean renderedByKubectl) {
        this.resources = List.copyOf(resources);
        this.renderedByKubectl = renderedByKubectl;
    }

    static Manifests render(final Path kustomization) throws IOException, InterruptedException {
        final Optional<String> kubectl = kubectlKustomize(kustomization);
        if (kubectl.isPresent()) {
            return new Manifests(documents(kubectl.get()), true);
        }
        final JsonNode k = YAML.readTree(kustomization.resolve("kustomization.yaml").toFile());
        final List<JsonNode> out = new ArrayList<>();
        for (final JsonNode file : k.path("resources")) {
            out.addAll(documents(Files.readString(kustomization.resolve(file.asText()))));
        }
        for (final JsonNode generator : k.path("configMapGenerator")) {
            final ObjectNode map = YAML.createObjectNode().put("apiVersion", "v1").put("kind", "ConfigMap");
            map.putObject("metadata").put("name", generator.path("name").asText())
                    .put("namespace", generator.path("namespace").asText());
            final ObjectNode data = map.putObject("data");
            for (final JsonNode file : generator.path("files")) {
                data.put(file.asText(), Files.readString(kustomization.resolve(file.asText())));
            }
            out.add(map);
        }
        return new Manifests(out, false);
    }

    static List<JsonNode> documents(final String yaml) throws IOException {
        final List<JsonNode> docs = new ArrayList<>();
        try (var it = YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
            while (it.hasNext()) {
                final JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                    docs.add(doc);
                }
            }
        }
        return docs;
    }

    private static Optional<String> kubectlKustomize(final Path dir) throws IOException, InterruptedException {
        final Process p;
        try {
            p = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectErrorStream(false).start();
        } catch (IOException e) {
            return Optional.empty(); // no kubectl on this machine
        }
        final byte[] out = p.getInputStream().readAllBytes();
        final String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("kubectl kustomize " + dir + " failed: " + err);
        }
        return Optional.of(new String(out, StandardCharsets.UTF_8));
    }

    List<JsonNode> all() {
        return resources;
    }

    boolean renderedByKubectl() {
        return renderedByKubectl;
    }

    List<JsonNode> ofKind(final String kind) {
        return resources.stream().filter(r -> kind.equals(r.path("kind").asText())).toList();
    }

    /** The one resource of {@code kind} whose name is {@code name} or, for generated ConfigMaps, starts with it. */
    JsonNode get(final String kind, final String name) {
        return ofKind(kind).stream().filter(r -> nameMatches(r.path("metadata").path("name").asText(), name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in the manifests"));
    }

    static boolean nameMatches(final String rendered, final String name) {
        return rendered.equals(name) || rendered.matches(java.util.regex.Pattern.quote(name) + "-[a-z0-9]{10}");
    }
}
