package io.cellfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code ./cellfloor} and {@code cellfloor.cmd} are twins: the same jars, built the same way, the arguments passed
 * through untouched. The Windows one cannot run here, so its text is checked: CRLF line ends (cmd.exe misreads
 * labels in LF-only files), quoting of every path (checkouts under "C:\Program Files (x86)" or a user name with a
 * space) and no parenthesised blocks, which such a path would close early.
 */
class LaunchersTest {
    private static final Path ROOT = Path.of("..");

    @Test
    void shouldRunTheSameJarsWithTheArgumentsPassedThroughFromBothLaunchers() throws Exception {
        final String bash = Files.readString(ROOT.resolve("cellfloor"));
        final String cmd = Files.readString(ROOT.resolve("cellfloor.cmd"));

        assertThat(bash).contains("$root/cli/target/cellfloor.jar", "$root/registry-server/target/"
                + "cellfloor-registry-runner.jar", "-DskipTests package", "\"$@\"");
        assertThat(cmd).contains("%ROOT%\\cli\\target\\cellfloor.jar", "%ROOT%\\registry-server\\target\\"
                + "cellfloor-registry-runner.jar", "-DskipTests package", "-jar \"%JAR%\" %*",
                "\"-Dcellfloor.registry.jar=%REGISTRY%\"");
    }

    @Test
    void shouldWriteTheWindowsLauncherAsCmdExeReadsIt() throws Exception {
        final String cmd = Files.readString(ROOT.resolve("cellfloor.cmd"));

        assertThat(cmd.replace("\r\n", "")).doesNotContain("\n");
        assertThat(cmd.lines().filter(l -> !l.startsWith("rem ")))
                .noneMatch(l -> l.startsWith("if ") && l.contains("("))
                .filteredOn(l -> l.contains("%ROOT%") || l.contains("%JAR%") || l.contains("%REGISTRY%"))
                .allMatch(l -> l.contains("\"%") || l.startsWith("set \""));
    }
}
