package io.cellfloor.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaFormatter;

/**
 * The released versions of a top-level record, kept as {@code src/main/avro-history/<Record>/v<N>.avsc}: standalone
 * schemas (named types inlined), so each can be checked against the current generated class without the build's
 * imports.
 */
final class SchemaHistory {

    static final Path ROOT = Path.of("src", "main", "avro-history");
    private static final Pattern VERSION_FILE = Pattern.compile("v(\\d+)\\.avsc");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;

    SchemaHistory(final Path root) {
        this.root = root;
    }

    /** One released version. */
    record Version(int number, Path file, Schema schema) {
    }

    /** The versions of {@code recordName}, oldest first; fails when the numbering has a gap. */
    List<Version> versions(final String recordName) {
        final Path dir = root.resolve(recordName);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        final List<Version> versions = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (final Path file : files.sorted().toList()) {
                final Matcher name = VERSION_FILE.matcher(file.getFileName().toString());
                if (!name.matches()) {
                    throw new IllegalStateException(file + " is not named v<N>.avsc");
                }
                versions.add(new Version(Integer.parseInt(name.group(1)), file, new Schema.Parser().parse(file.toFile())));
            }
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        versions.sort(Comparator.comparingInt(Version::number));
        for (int i = 0; i < versions.size(); i++) {
            if (versions.get(i).number() != i + 1) {
                throw new IllegalStateException(dir + " must hold v1.avsc, v2.avsc, ... without gaps; found "
                    + versions.stream().map(v -> v.file().getFileName().toString()).toList());
            }
        }
        return versions;
    }

    /**
     * Why the history of {@code current}'s record is behind the current schema, or empty when its latest version is
     * the current schema. Docs and the generator's {@code avro.java.string} hints are ignored: they change no bytes.
     */
    Optional<String> staleness(final Schema current) {
        final String name = current.getName();
        final List<Version> versions = versions(name);
        final Path next = root.resolve(name).resolve("v" + (versions.size() + 1) + ".avsc");
        if (versions.isEmpty()) {
            return Optional.of(name + " has no released versions: add " + next
                + " (the current schema, standalone, as in the other history directories)");
        }
        final Version latest = versions.get(versions.size() - 1);
        if (comparable(latest.schema()).equals(comparable(current))) {
            return Optional.empty();
        }
        return Optional.of(name + " differs from its latest released version " + latest.file() + ": add " + next
            + " with the current schema (see schemas/EVOLUTION.md). Current schema:\n"
            + SchemaFormatter.format("json/pretty", portable(current)));
    }

    /** The schema as JSON without docs and Java-only hints, for comparing what matters on the wire. */
    private static JsonNode comparable(final Schema schema) {
        final JsonNode tree = tree(portable(schema));
        strip(tree, "doc");
        return tree;
    }

    /** The schema without the generator's {@code avro.java.string} hints: what a history file should hold. */
    static Schema portable(final Schema schema) {
        final JsonNode tree = tree(schema);
        strip(tree, "avro.java.string");
        // re-parsed, so {"type": "string"} left behind by the strip prints as plain "string" again
        return new Schema.Parser().parse(tree.toString());
    }

    private static JsonNode tree(final Schema schema) {
        try {
            return JSON.readTree(schema.toString());
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void strip(final JsonNode node, final String key) {
        if (node instanceof ObjectNode object) {
            object.remove(key);
            object.forEach(child -> strip(child, key));
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> strip(child, key));
        }
    }
}
