package io.cellfloor.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import io.cellfloor.avro.Alert;
import io.cellfloor.avro.BreakdownEvent;
import io.cellfloor.avro.CellTest;
import io.cellfloor.avro.ChannelStatus;
import io.cellfloor.avro.CohortStats;
import io.cellfloor.avro.CycleSummary;
import io.cellfloor.avro.DeadLetter;
import io.cellfloor.avro.SampleBatch;
import io.cellfloor.avro.StageChange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaFormatter;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * cellfloor's schema policy is BACKWARD: a consumer with the current schema must read everything ever written. The
 * released versions live in {@code src/main/avro-history}; see {@code schemas/EVOLUTION.md}.
 */
class SchemaCompatibilityTest {

    private final SchemaHistory history = new SchemaHistory(SchemaHistory.ROOT);

    static Stream<Schema> topLevelSchemas() {
        return Stream.of(SampleBatch.getClassSchema(), CellTest.getClassSchema(), CycleSummary.getClassSchema(),
            DeadLetter.getClassSchema(), BreakdownEvent.getClassSchema(), StageChange.getClassSchema(),
            ChannelStatus.getClassSchema(), Alert.getClassSchema(), CohortStats.getClassSchema());
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("topLevelSchemas")
    void shouldReadEveryReleasedVersionWithTheCurrentSchema(final Schema current) {
        final List<SchemaHistory.Version> versions = history.versions(current.getName());
        assertThat(versions).as("released versions of %s", current.getName()).isNotEmpty();
        for (final SchemaHistory.Version old : versions) {
            assertCanRead(current, old.schema(), "current " + current.getName() + " reading " + old.file());
        }
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("topLevelSchemas")
    void shouldKeepEveryReleasedVersionReadableByItsSuccessor(final Schema current) {
        final List<SchemaHistory.Version> versions = history.versions(current.getName());
        for (int i = 1; i < versions.size(); i++) {
            assertCanRead(versions.get(i).schema(), versions.get(i - 1).schema(),
                versions.get(i).file() + " reading " + versions.get(i - 1).file());
        }
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("topLevelSchemas")
    void shouldHaveTheCurrentSchemaAsLatestReleasedVersion(final Schema current) {
        history.staleness(current).ifPresent(reason -> fail(reason));
    }

    @Test
    void shouldKeepAHistoryForEveryTopLevelAvscFile() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src", "main", "avro"))) {
            final List<String> records = files.map(file -> file.getFileName().toString())
                .filter(name -> name.endsWith(".avsc") && !name.equals("common.avsc"))
                .map(name -> name.substring(0, name.length() - ".avsc".length()))
                .toList();
            assertThat(topLevelSchemas().map(Schema::getName))
                .as("top-level schemas checked here; add a new record type to topLevelSchemas()")
                .containsExactlyInAnyOrderElementsOf(records);
        }
    }

    @Test
    void shouldAskForTheNextVersionFileWhenTheSchemaChanged(@TempDir final Path root) throws IOException {
        final Schema v1 = parse("""
            {"type": "record", "name": "Probe", "namespace": "io.cellfloor.test",
             "fields": [{"name": "a", "type": "int"}]}""");
        final Schema v2 = parse("""
            {"type": "record", "name": "Probe", "namespace": "io.cellfloor.test",
             "fields": [{"name": "a", "type": "int"}, {"name": "b", "type": "int", "default": 0}]}""");
        Files.createDirectories(root.resolve("Probe"));
        Files.writeString(root.resolve("Probe/v1.avsc"), SchemaFormatter.format("json/pretty", v1));
        final SchemaHistory probeHistory = new SchemaHistory(root);

        assertThat(probeHistory.staleness(v1)).isEmpty();
        assertThat(probeHistory.staleness(v2)).get(STRING)
            .contains("Probe differs from its latest released version")
            .contains("add " + root.resolve("Probe").resolve("v2.avsc"));
    }

    @Test
    void shouldIgnoreDocChangesButNotDefaultChanges(@TempDir final Path root) throws IOException {
        final Schema released = parse("""
            {"type": "record", "name": "Probe", "fields": [{"name": "a", "type": "int", "default": 1}]}""");
        final Schema reworded = parse("""
            {"type": "record", "name": "Probe", "doc": "new words",
             "fields": [{"name": "a", "type": "int", "default": 1, "doc": "an int"}]}""");
        final Schema newDefault = parse("""
            {"type": "record", "name": "Probe", "fields": [{"name": "a", "type": "int", "default": 2}]}""");
        Files.createDirectories(root.resolve("Probe"));
        Files.writeString(root.resolve("Probe/v1.avsc"), SchemaFormatter.format("json/pretty", released));
        final SchemaHistory probeHistory = new SchemaHistory(root);

        assertThat(probeHistory.staleness(reworded)).isEmpty();
        assertThat(probeHistory.staleness(newDefault)).isPresent();
    }

    @Test
    void shouldRejectANewFieldWithoutDefault() {
        final Schema old = parse("""
            {"type": "record", "name": "Probe", "fields": [{"name": "a", "type": "int"}]}""");
        final Schema added = parse("""
            {"type": "record", "name": "Probe", "fields": [{"name": "a", "type": "int"}, {"name": "b", "type": "int"}]}""");

        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(added, old).getType())
            .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.INCOMPATIBLE);
    }

    private static void assertCanRead(final Schema reader, final Schema writer, final String what) {
        final SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (result.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            fail("Not BACKWARD compatible: " + what + ": " + result.getResult().getIncompatibilities()
                + ". Give new fields a default, do not remove or retype fields without one (schemas/EVOLUTION.md)");
        }
    }

    private static Schema parse(final String json) {
        return new Schema.Parser().parse(json);
    }
}
