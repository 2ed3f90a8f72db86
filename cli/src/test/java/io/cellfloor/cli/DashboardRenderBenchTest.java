package io.cellfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The floor view's render benchmark, not part of the build: a simulated floor of N channels (16 per station)
 * through the real broker, streams app and query server, opened in headless Chromium. Prints, per page load, the
 * time from navigation start to the page's {@code cellfloor-floor-rendered} mark (set after the frame that first
 * shows every tile) and how much of it was the {@code /api/floor} answer; then, with the page left open, the
 * live update batches (status events applied in one animation frame): script time and time to the next frame.
 * Run with {@code ./mvnw -B -o test -pl cli -am -Dtest=DashboardRenderBenchTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dcellfloor.bench.dashboard.channels=5000}; skipped unless that property is set.
 */
@EnabledIfSystemProperty(named = "cellfloor.bench.dashboard.channels", matches = "\\d+")
class DashboardRenderBenchTest {
    private static final String LOAD_FIGURES = """
            const mark = performance.getEntriesByName('cellfloor-floor-rendered')[0];
            const floor = performance.getEntriesByType('resource').find(r => r.name.endsWith('/api/floor'));
            return {rendered: mark ? mark.startTime : -1, fetchStart: floor ? floor.startTime : -1,
                    fetchEnd: floor ? floor.responseEnd : -1, bytes: floor ? floor.encodedBodySize : -1,
                    tiles: document.querySelectorAll('#floor a.tile').length};
            """;

    @TempDir
    Path dir;

    @Test
    void shouldRenderTheWholeFloorAndApplyLiveBatches() throws Exception {
        final int channels = Integer.getInteger("cellfloor.bench.dashboard.channels");
        final int loads = Integer.getInteger("cellfloor.bench.dashboard.loads", 5);
        final int liveSeconds = Integer.getInteger("cellfloor.bench.dashboard.live-seconds", 20);
        HeadlessChromium.requireInstalled();
        try (RunningDemo demo = RunningDemo.start("--channels", String.valueOf(channels),
                     "--speed-up", System.getProperty("cellfloor.bench.dashboard.speed-up", "600"),
                     "--cycles", System.getProperty("cellfloor.bench.dashboard.cycles", "6"), "--seconds", "0",
                     "--state-dir", dir.resolve("demo").toString(), "--metrics-port", "0", "--http-port", "0");
             HeadlessChromium chromium = HeadlessChromium.start(dir.resolve("chromium"), 1400, 1000)) {
            final URI base = demo.dashboard(Duration.ofSeconds(180));
            final DashboardApi api = new DashboardApi(base);
            final long waitStart = System.nanoTime();
            while (api.get("/api/floor").get("channels").size() < channels) {
                if (System.nanoTime() - waitStart > Duration.ofMinutes(10).toNanos()) {
                    throw new AssertionError("the floor did not report all " + channels + " channels in 10 min:\n"
                            + demo.output());
                }
                Thread.sleep(1000);
            }
            System.out.printf(Locale.ROOT, "dashboard bench: %d channels on the floor after %.1f s%n", channels,
                    (System.nanoTime() - waitStart) / 1e9);

            final List<Double> renders = new ArrayList<>();
            for (int k = 0; k < loads; k++) {
                chromium.driver().get(base + "/?load=" + k);
                new WebDriverWait(chromium.driver(), Duration.ofSeconds(60), Duration.ofMillis(50))
                        .until(d -> chromium.number("window.cellfloorFloor && cellfloorFloor.renderedMs") > 0);
                final Map<?, ?> f = (Map<?, ?>) chromium.js(LOAD_FIGURES);
                final double rendered = ((Number) f.get("rendered")).doubleValue();
                final double fetchStart = ((Number) f.get("fetchStart")).doubleValue();
                final double fetchEnd = ((Number) f.get("fetchEnd")).doubleValue();
                assertThat(((Number) f.get("tiles")).intValue()).isGreaterThanOrEqualTo(channels);
                renders.add(rendered);
                System.out.printf(Locale.ROOT, "dashboard bench: load %d: %d tiles rendered %.0f ms after navigation "
                        + "start (/api/floor %.0f ms, %,d bytes; tiles built and painted %.0f ms after its answer)%n",
                        k, ((Number) f.get("tiles")).intValue(), rendered, fetchEnd - fetchStart,
                        ((Number) f.get("bytes")).longValue(), rendered - fetchEnd);
            }
            final List<Double> sorted = renders.stream().sorted().toList();
            System.out.printf(Locale.ROOT, "dashboard bench: render of %d tiles: median %.0f ms, min %.0f, max %.0f over %d loads%n",
                    channels, sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1), loads);

            chromium.js("Object.assign(cellfloorFloor, {batches: 0, updates: 0, stageChanges: 0, maxBatchMs: 0, "
                    + "totalBatchMs: 0, frames: 0, maxFrameMs: 0, totalFrameMs: 0});");
            Thread.sleep(Duration.ofSeconds(liveSeconds).toMillis());
            final Map<?, ?> live = (Map<?, ?>) chromium.js("return cellfloorFloor;");
            final double batches = ((Number) live.get("batches")).doubleValue();
            final double frames = ((Number) live.get("frames")).doubleValue();
            System.out.printf(Locale.ROOT, "dashboard bench: live for %d s: %.0f status events in %.0f batches "
                    + "(%.1f per batch, %d stage changes); script per batch mean %.2f ms, max %.2f ms; "
                    + "batch to next frame mean %.1f ms, max %.1f ms%n", liveSeconds,
                    ((Number) live.get("updates")).doubleValue(), batches,
                    batches > 0 ? ((Number) live.get("updates")).doubleValue() / batches : 0,
                    ((Number) live.get("stageChanges")).intValue(),
                    batches > 0 ? ((Number) live.get("totalBatchMs")).doubleValue() / batches : 0,
                    ((Number) live.get("maxBatchMs")).doubleValue(),
                    frames > 0 ? ((Number) live.get("totalFrameMs")).doubleValue() / frames : 0,
                    ((Number) live.get("maxFrameMs")).doubleValue());
            assertThat(batches).as("live batches while the page was open").isPositive();
        }
    }
}
