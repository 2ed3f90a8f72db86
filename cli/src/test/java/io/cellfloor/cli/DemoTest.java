package io.cellfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** What `./cellfloor demo` does, shortened: the whole floor on one machine prints progress and closed cycles. */
class DemoTest {
    private static final Pattern PROGRESS = Pattern.compile(
            "\\[\\s*\\d+ s] 8 channels \\| ([\\d,]+) samples/s published \\| ([\\d,]+) samples/s processed \\| "
                    + "([\\d,]+) cycles closed \\| ([\\d,]+) dead letters");

    @TempDir
    Path dir;

    @Test
    void shouldRunSmallFloorPrintCyclesAndStopByItself() throws Exception {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final DemoSettings settings = DemoCommand.parse(
            "--channels", "8", "--speed-up", "3000", "--cycles", "5", "--seconds", "35",
            "--state-dir", dir.resolve("demo").toString(), "--metrics-port", "0",
            "--http-port", "0");

        // every ERROR line of the run, from cellfloor, the clients and the broker (issue 15: a normal start has none)
        final ListAppender<ILoggingEvent> log = new ListAppender<>();
        final ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(
                org.slf4j.Logger.ROOT_LOGGER_NAME);
        log.start();
        root.addAppender(log);
        final int status;
        try {
            status = Demo.runUntilStopped(settings, () -> false, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        } finally {
            root.detachAppender(log);
        }

        final List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(status).isZero();
        assertThat(lines.get(0)).startsWith("cellfloor demo: 8 channels, speed-up 3000x");
        assertThat(lines).anySatisfy(l -> assertThat(l).matches(".*cycle +1 +(plated|charge) .* CE +\\d+\\.\\d\\d %"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("dashboard http://127\\.0\\.0\\.1:\\d+/"));
        final String lastProgress = lines.stream().filter(l -> PROGRESS.matcher(l).matches()).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no progress line in:\n" + String.join("\n", lines)));
        final Matcher m = PROGRESS.matcher(lastProgress);
        assertThat(m.matches()).isTrue();
        assertThat(Integer.parseInt(m.group(3).replace(",", ""))).isGreaterThanOrEqualTo(8);
        assertThat(m.group(4)).isEqualTo("0");
        assertThat(lines.get(lines.size() - 1)).startsWith("cellfloor demo: stopped");
        assertThat(log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
                .map(e -> e.getLoggerName() + ": " + e.getFormattedMessage())).isEmpty();
    }
}
