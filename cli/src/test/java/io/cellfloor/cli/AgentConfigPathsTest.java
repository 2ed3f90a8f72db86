package io.cellfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cellfloor.ingest.config.StationConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Station configs as the cycler PCs write them: Windows paths with drive letters, backslashes and spaces (the agent
 * mostly runs on Windows), and Linux paths with spaces. A path must reach the agent exactly as written, whatever
 * YAML quoting the operator chose, and the one quoting that breaks it must say how to fix it.
 */
class AgentConfigPathsTest {
    @TempDir
    Path dir;

    @Test
    void shouldKeepWindowsPathsWithDriveLettersAndSpacesInEveryYamlQuoting() throws Exception {
        final StationConfig config = read("""
                station: station-1
                directories:
                  - C:\\Cycler Data\\Station 1
                  - 'D:\\Arbin Exports\\Station 1 (old)'
                  - "E:\\\\Neware\\\\BTS 9.1\\\\data"
                  - \\\\lab-nas\\cycler share\\station-1
                stateDir: C:\\ProgramData\\cellfloor\\agent
                """);

        assertThat(config.agent().directories()).map(Path::toString).containsExactly(
                "C:\\Cycler Data\\Station 1",
                "D:\\Arbin Exports\\Station 1 (old)",
                "E:\\Neware\\BTS 9.1\\data",
                "\\\\lab-nas\\cycler share\\station-1");
        // the spool, checkpoints and quarantine are put under the state directory, which is kept as written
        assertThat(config.spoolDir().getParent().toString()).isEqualTo("C:\\ProgramData\\cellfloor\\agent");
        assertThat(config.spoolDir().getFileName().toString()).isEqualTo("spool");
        assertThat(config.checkpointDir().getParent()).isEqualTo(config.spoolDir().getParent());
    }

    @Test
    void shouldKeepLinuxPathsWithSpacesAndExplicitStateDirectories() throws Exception {
        final StationConfig config = read("""
                station: station-3
                directories: [/data/cycler exports/station 3, "/mnt/Maccor Series 4000/run 12"]
                spoolDir: /var/lib/cellfloor/agent spool
                checkpointDir: '/var/lib/cellfloor/check points'
                """);

        assertThat(config.agent().directories()).containsExactly(
                Path.of("/data", "cycler exports", "station 3"), Path.of("/mnt", "Maccor Series 4000", "run 12"));
        assertThat(config.spoolDir()).isEqualTo(Path.of("/var/lib/cellfloor", "agent spool"));
        assertThat(config.checkpointDir()).isEqualTo(Path.of("/var/lib/cellfloor", "check points"));
        assertThat(config.agent().directories().get(0).getNameCount()).isEqualTo(3);
    }

    @Test
    void shouldSayHowToWriteAWindowsPathWhenDoubleQuotesTurnItsBackslashesIntoEscapes() throws Exception {
        final Path yaml = dir.resolve("station 7.yaml");
        Files.writeString(yaml, "station: station-7\ndirectories:\n  - \"C:\\Cycler Data\\Station 7\"\n");

        assertThatThrownBy(() -> AgentCommand.readConfig(yaml, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("station 7.yaml")
                .hasMessageContaining("line: 3")
                .hasMessageContaining("single quotes");
    }

    @Test
    void shouldStartTheAgentFromTheServiceDefinitionsWithTheirConfigPaths() throws Exception {
        final String unit = Files.readString(Path.of("..", "deploy", "agent", "cellfloor-agent.service"));
        final String winsw = Files.readString(Path.of("..", "deploy", "agent", "cellfloor-agent.xml"));

        final List<String> systemd = ServiceArgs.systemdCommand(unit);
        final List<String> windows = ServiceArgs.winswArguments(winsw);

        assertThat(systemd).containsSubsequence("-jar", "/opt/cellfloor/cellfloor.jar", "agent", "--config",
                "/etc/cellfloor/station.yaml");
        assertThat(windows).containsSubsequence("-jar", "%BASE%\\cellfloor.jar", "agent", "--config",
                "%BASE%\\station.yaml");
        for (final List<String> command : List.of(systemd, windows)) {
            final List<String> cli = command.subList(command.indexOf("-jar") + 2, command.size());
            assertThat(Main.commandLine().parseArgs(cli.toArray(String[]::new)).subcommand().commandSpec().name())
                    .isEqualTo("agent");
        }
    }

    private StationConfig read(final String yaml) throws Exception {
        final Path file = dir.resolve("station.yaml");
        Files.writeString(file, yaml + "kafka: {bootstrap.servers: broker-1:9092}\n"
                + "registry: {url: http://registry:8081}\n");
        return AgentCommand.readConfig(file, null);
    }
}
