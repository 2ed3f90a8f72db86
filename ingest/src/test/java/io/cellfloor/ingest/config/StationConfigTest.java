package io.cellfloor.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The station config is a pure function of its tree. */
class StationConfigTest {

    @Test
    void shouldReadDirectoriesChannelsAndPassKafkaSettingsThrough() {
        final StationConfig c = StationConfig.parse(Map.of(
                "station", "st-7",
                "mode", "backfill",
                "directories", List.of("/data/arbin"),
                "format", "arbin_csv",
                "channels", List.of(Map.of("pattern", "cell_(\\d+)_.*\\.csv", "channel", "st7-ch$1")),
                "kafka", Map.of("bootstrap.servers", "b:9093", "security.protocol", "SASL_SSL",
                        "sasl.mechanism", "SCRAM-SHA-512"),
                "registry", Map.of("url", "https://registry", "basic.auth.user.info", "u:p"),
                "stateDir", "/var/lib/cellfloor"), cell -> null);

        assertThat(c.agent().follow()).isFalse();
        assertThat(c.agent().directories()).containsExactly(Path.of("/data/arbin"));
        assertThat(c.agent().channels().get(0).channelOf("cell_12_2024.csv")).isEqualTo("st7-ch12");
        assertThat(c.agent().channels().get(0).channelOf("other.csv")).isNull();
        assertThat(c.kafka()).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism",
                "SCRAM-SHA-512");
        assertThat(c.registry()).containsEntry("schema.registry.url", "https://registry")
                .containsEntry("basic.auth.user.info", "u:p");
        assertThat(c.spoolDir()).isEqualTo(Path.of("/var/lib/cellfloor/spool"));
        assertThat(c.checkpointDir()).isEqualTo(Path.of("/var/lib/cellfloor/checkpoint"));
        assertThat(c.agent().readers()).as("a backfill reads on every core")
                .isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void shouldFollowOnOneReaderUnlessTold() {
        final Map<String, Object> follow = Map.of("station", "s", "directories", List.of("/x"),
                "kafka", Map.of("bootstrap.servers", "b:1"), "registry", Map.of("url", "http://r"));
        assertThat(StationConfig.parse(follow, cell -> null).agent().readers()).isEqualTo(1);
        final Map<String, Object> three = new java.util.HashMap<>(follow);
        three.put("readers", 3);
        assertThat(StationConfig.parse(three, cell -> null).agent().readers()).isEqualTo(3);
        three.put("readers", 0);
        assertThatThrownBy(() -> StationConfig.parse(three, cell -> null)).hasMessageContaining("readers must be");
    }

    @Test
    void shouldSayWhatIsMissing() {
        assertThatThrownBy(() -> StationConfig.parse(Map.of("directories", List.of("/x")), cell -> null))
                .hasMessageContaining("station:");
        assertThatThrownBy(() -> StationConfig.parse(Map.of("station", "s", "directories", List.of("/x"),
                "kafka", Map.of("bootstrap.servers", "b:1"), "registry", Map.of("url", "http://r"),
                "format", "excel"), cell -> null)).hasMessageContaining("format 'excel' is not one of auto");
    }
}
