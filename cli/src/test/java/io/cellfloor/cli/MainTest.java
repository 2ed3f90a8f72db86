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
    void shouldPrintUsageForHelpAfterAnyCommand() throws Exception {
        final Run run = run("demo", "--help");

        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("usage: ./cellfloor <command> [options]").contains("--speed-up X");
    }

    @Test
    void shouldSayWhatIsWrongWithTheArgumentsInOneLineAndExitTwo() throws Exception {
        final Run run = run("demo", "--channels");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("cellfloor demo: expected --name value pairs, got '--channels'"
                + " (./cellfloor --help for usage)");
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
