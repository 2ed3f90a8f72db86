package io.cellfloor.schema.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class InMemorySchemaRegistryClientTest {

    private static final Schema V1 = parse(
        "{\"type\":\"record\",\"name\":\"Probe\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}");
    private static final Schema V2_WITH_DEFAULT = parse("{\"type\":\"record\",\"name\":\"Probe\",\"fields\":"
        + "[{\"name\":\"a\",\"type\":\"int\"},{\"name\":\"b\",\"type\":\"int\",\"default\":0}]}");
    private static final Schema V2_WITHOUT_DEFAULT = parse("{\"type\":\"record\",\"name\":\"Probe\",\"fields\":"
        + "[{\"name\":\"a\",\"type\":\"int\"},{\"name\":\"b\",\"type\":\"int\"}]}");

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

    @Test
    void shouldGiveOneIdPerDistinctSchemaAcrossSubjects() {
        final int first = registry.register("a-value", V1);

        assertThat(registry.register("b-value", V1)).isEqualTo(first);
        assertThat(registry.register("a-value", V1)).isEqualTo(first);
        assertThat(registry.register("a-value", V2_WITH_DEFAULT)).isNotEqualTo(first);
        assertThat(registry.getById(first)).isEqualTo(V1);
        assertThat(registry.subjects()).containsExactly("a-value", "b-value");
        assertThat(registry.latest("a-value").version()).isEqualTo(2);
    }

    @Test
    void shouldRejectWhatBackwardCompatibilityRejectsWith409() {
        registry.register("a-value", V1);

        assertThatThrownBy(() -> registry.register("a-value", V2_WITHOUT_DEFAULT))
            .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.isIncompatible()).isTrue())
            .hasMessageContaining("subject 'a-value'")
            .hasMessageContaining("compatibility rule (BACKWARD) rejected it");
        assertThat(registry.testCompatibility("a-value", V2_WITHOUT_DEFAULT)).isFalse();
        assertThat(registry.testCompatibility("a-value", V2_WITH_DEFAULT)).isTrue();
    }

    @Test
    void shouldAcceptAnythingWithCompatibilityNone() {
        final InMemorySchemaRegistryClient lenient = new InMemorySchemaRegistryClient(CompatibilityLevel.NONE);
        lenient.register("a-value", V1);

        assertThat(lenient.register("a-value", V2_WITHOUT_DEFAULT)).isPositive();
    }

    @Test
    void shouldReportUnknownIdsAndSubjectsAs404() {
        assertThatThrownBy(() -> registry.getById(3))
            .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.isNotFound()).isTrue());
        assertThatThrownBy(() -> registry.latest("nope"))
            .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.isNotFound()).isTrue());
        assertThatThrownBy(() -> registry.idOf("a-value", V1))
            .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.isNotFound()).isTrue());
    }

    private static Schema parse(final String json) {
        return new Schema.Parser().parse(json);
    }
}
