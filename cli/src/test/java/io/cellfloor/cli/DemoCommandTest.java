package io.cellfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParameterException;

/** The demo's options as the command line reads them: both spellings, flags, defaults and the range checks. */
class DemoCommandTest {

    @Test
    void shouldReadOptionsWrittenWithASpaceOrAnEqualsSign() {
        final DemoSettings s = DemoCommand.parse("--channels=8", "--speed-up", "3000", "--cycles=5",
                "--state-dir", "/tmp/floor", "--http-port=0", "--partitions", "2", "--history-hours=6", "--verbose");

        assertThat(s.channels()).isEqualTo(8);
        assertThat(s.speedUp()).isEqualTo(3000.0);
        assertThat(s.cycles()).isEqualTo(5);
        assertThat(s.stateDir()).isEqualTo(Path.of("/tmp/floor"));
        assertThat(s.httpPort()).isZero();
        assertThat(s.partitions()).isEqualTo(2);
        assertThat(s.historyHours()).isEqualTo(6.0);
        assertThat(s.verbose()).isTrue();
    }

    @Test
    void shouldKeepTheDocumentedDefaults() {
        final DemoSettings s = DemoCommand.parse("--http-port", "8080");

        assertThat(s).isEqualTo(new DemoSettings(64, 600, 30, 0, Path.of("state/demo"), 9464, 4, 8080, false, 24.0,
                false));
    }

    @Test
    void shouldNeverOpenABrowserWithTheFlagOrBrowserNo() {
        assertThat(DemoCommand.parse("--no-browser").openBrowser()).isFalse();
        assertThat(DemoCommand.parse("--browser", "no").openBrowser()).isFalse();
    }

    @Test
    void shouldRefuseAFloorWithoutChannels() {
        assertThatThrownBy(() -> DemoCommand.parse("--channels", "0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("channels >= 1");
    }

    @Test
    void shouldRefuseAnOptionItDoesNotKnow() {
        assertThatThrownBy(() -> DemoCommand.parse("--chanels", "8")).isInstanceOf(ParameterException.class)
                .hasMessageContaining("--chanels");
    }
}
