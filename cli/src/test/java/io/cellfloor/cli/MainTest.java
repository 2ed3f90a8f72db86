package io.cellfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line as a user meets it: in a JVM of its own, since {@code Main} exits with the command's status. */
class MainTest {

    @Test
    void shouldPrintTheCommandsOwnUsageForHelpAfterACommand() throws Exception {
        final Run run = run("demo", "--help");

        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("Usage: cellfloor demo").contains("--speed-up=X").contains("(default 600")
                .contains("--browser=auto|no").doesNotContain("--partitions");
    }

    @Test
    void shouldListEveryCommandForHelp() throws Exception {
        final Run run = run("help");

        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("Usage: cellfloor");
        for (final String command : List.of("demo", "streams", "analyze", "agent", "sinks", "replay", "completion")) {
            assertThat(run.out()).containsPattern("(?m)^ +" + command + " ");
        }
    }

    @Test
    void shouldSayWhatIsWrongWithTheArgumentsInOneLineAndExitTwo() throws Exception {
        final Run run = run("demo", "--channels");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().strip()).doesNotContain("\n").startsWith("cellfloor demo: ").contains("--channels")
                .endsWith("(./cellfloor demo --help for usage)");
    }

    @Test
    void shouldReportACommandsOwnArgumentCheckInOneLineAndExitTwo() throws Exception {
        final Run run = run("replay", "--config=/dev/null");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().strip()).doesNotContain("\n").startsWith("cellfloor replay: ")
                .endsWith("(./cellfloor replay --help for usage)");
    }

    @Test
    void shouldAskForASinkInOneLineAndExitTwo() throws Exception {
        final Run run = run("sinks");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("cellfloor sinks: name a sink: alerts or archive"
                + " (./cellfloor sinks --help for usage)");
    }

    @Test
    void shouldPrintTheBuildVersion() throws Exception {
        final Run run = run("--version");

        assertThat(run.status()).isZero();
        assertThat(run.out().strip()).matches("cellfloor \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @Test
    void shouldPrintABashCompletionScriptNamingTheCommandsAndOptions() throws Exception {
        final Run run = run("completion");

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("complete -F").contains("cellfloor").contains("--speed-up")
                .contains("archive");
    }

    private record Run(int status, String out, String err) {
    }

    private static Run run(final String... args) throws IOException, InterruptedException {
        final List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        final Process p = new ProcessBuilder(command).start();
        final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        final String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out, err);
    }
}
