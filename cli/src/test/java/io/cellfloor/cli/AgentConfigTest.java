package io.cellfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellfloor.domain.CellKind;
import io.cellfloor.ingest.config.StationConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The station config example of the README reads as documented. */
class AgentConfigTest {
    @TempDir
    Path dir;

    @Test
    void shouldReadTheReadmeExample() throws Exception {
        final String readme = Files.readString(Path.of("..", "README.md"));
        final int section = readme.indexOf("## Station agent");
        final int start = readme.indexOf("```yaml", section) + "```yaml".length();
        final Path yaml = dir.resolve("station.yaml");
        Files.writeString(yaml, readme.substring(start, readme.indexOf("```", start)));

        final StationConfig config = AgentCommand.readConfig(yaml, "backfill");

        assertThat(config.agent().stationId()).isEqualTo("station-7");
        assertThat(config.agent().follow()).as("--mode overrides the file").isFalse();
        assertThat(config.agent().channels().get(0).channelOf("cell_3_x.csv")).isEqualTo("st7-ch3");
        assertThat(config.agent().channels().get(0).cell().kind()).isEqualTo(CellKind.ASYMMETRIC);
        assertThat(config.kafka()).containsEntry("security.protocol", "SASL_SSL");
        assertThat(config.registry()).containsEntry("basic.auth.user.info", "st7:secret");
        assertThat(config.spoolDir()).isEqualTo(Path.of("/var/lib/cellfloor/agent/spool"));
        assertThat(config.agent().readers()).isEqualTo(4);
    }
}
