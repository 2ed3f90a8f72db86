package io.cellfloor.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryProcessTest {

    @TempDir
    static Path workDir;

    private static RegistryProcess registry;

    @BeforeAll
    static void startRegistry() {
        registry = RegistryProcess.start(workDir.resolve("registry"));
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @Test
    void shouldListNoSubjectsOnAFreshRegistry() throws IOException, InterruptedException {
        final HttpResponse<String> response = get(registry.url() + "/subjects");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("[]");
    }

    @Test
    void shouldServeTheConfluentApiOnLoopback() {
        assertThat(registry.url()).matches("http://127\\.0\\.0\\.1:\\d+/apis/ccompat/v7");
        assertThat(registry.logFile()).exists();
    }

    @Test
    void shouldStopTheProcessOnClose() {
        final RegistryProcess second = RegistryProcess.start(workDir.resolve("second"));
        assertThat(second.isAlive()).isTrue();

        second.close();

        assertThat(second.isAlive()).isFalse();
    }

    @Test
    void shouldTellHowToBuildTheJarWhenItIsMissing() {
        final Path missing = workDir.resolve("no-such-registry.jar");

        assertThatThrownBy(() -> RegistryProcess.start(missing, workDir.resolve("missing"), Duration.ofSeconds(5)))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining(missing.toString())
            .hasMessageContaining("./mvnw -pl registry-server package");
    }

    private static HttpResponse<String> get(final String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
