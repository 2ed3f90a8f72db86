package io.cellfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
 * The page loads are timed twice: while the floor runs (the streams app and the simulator share the machine's cores
 * with the browser) and once the floor has closed all its cycles (the browser has the cores to itself, as on an
 * operator's own computer). Run with {@code ./mvnw -B -o test -pl cli -am -Dtest=DashboardRenderBenchTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dcellfloor.bench.dashboard.channels=5000}; skipped unless that property is set.
 */
@EnabledIfSystemProperty(named = "cellfloor.bench.dashboard.channels", matches = "\\d+")
class DashboardRenderBenchTest {
    private static final String LOAD_FIGURES = """
            const mark = performance.getEntriesByName('cellfloor-floor-rendered')[0];
            const at = name => (performance.getEntriesByName(name)[0] || {startTime: -1}).startTime;
            const floor = performance.getEntriesByType('resource').find(r => r.name.endsWith('/api/floor'));
            return {rendered: mark ? mark.startTime : -1, fetchStart: floor ? floor.startTime : -1,
                    answered: at('cellfloor-floor-answered'), built: at('cellfloor-floor-built'),
                    bytes: floor ? floor.encodedBodySize : -1, tiles: document.querySelectorAll('#floor a.tile').length};
            """;

    @TempDir
    Path dir;

    /** Opens the floor view and prints how long its first full render took, and of what. */
    private static double load(final HeadlessChromium chromium, final URI base, final String label,
                               final int channels) {
        chromium.driver().get(base + "/?load=" + System.nanoTime());
        new WebDriverWait(chromium.driver(), Duration.ofSeconds(60), Duration.ofMillis(50))
                .until(d -> chromium.number("window.cellfloorFloor && cellfloorFloor.renderedMs") > 0);
        final Map<?, ?> f = (Map<?, ?>) chromium.js(LOAD_FIGURES);
        final double rendered = ((Number) f.get("rendered")).doubleValue();
        assertThat(((Number) f.get("tiles")).intValue()).isGreaterThanOrEqualTo(channels);
        System.out.printf(Locale.ROOT, "dashboard bench: %s: %d tiles rendered %.0f ms after navigation start "
                + "(/api/floor requested at %.0f ms, answered and parsed at %.0f ms, %,d bytes on the wire; "
                + "tiles in the DOM at %.0f ms; first frame with them at %.0f ms)%n", label,
                ((Number) f.get("tiles")).intValue(), rendered, ((Number) f.get("fetchStart")).doubleValue(),
                ((Number) f.get("answered")).doubleValue(), ((Number) f.get("bytes")).longValue(),
                ((Number) f.get("built")).doubleValue(), rendered);
        return rendered;
    }

    /** Waits until the floor's cycle counts stop moving (10 s without a change), at most 10 minutes. */
    private static void waitUntilQuiet(final DashboardApi api) throws Exception {
        final long start = System.nanoTime();
        long last = -1;
        int still = 0;
        while (still < 2 && System.nanoTime() - start < Duration.ofMinutes(10).toNanos()) {
            Thread.sleep(5000);
            final JsonNode floor = api.getUnlessUnavailable("/api/floor");
            long sum = 0;
            for (final JsonNode t : floor == null ? List.<JsonNode>of() : floor.get("channels")) {
                sum += t.get("lastCycle").asLong();
            }
            still = sum == last ? still + 1 : 0;
            last = sum;
        }
        System.out.printf(Locale.ROOT, "dashboard bench: floor quiet after %.0f s more (%s)%n",
                (System.nanoTime() - start) / 1e9, still >= 2 ? "no cycle closed for 10 s" : "gave up waiting");
    }

    private static int floorSize(final DashboardApi api) throws Exception {
        final JsonNode floor = api.getUnlessUnavailable("/api/floor");
        return floor == null ? 0 : floor.get("channels").size();
    }

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
            while (floorSize(api) < channels) {
                if (System.nanoTime() - waitStart > Duration.ofMinutes(10).toNanos()) {
                    throw new AssertionError("the floor did not report all " + channels + " channels in 10 min:\n"
                            + demo.output());
                }
                Thread.sleep(1000);
            }
            System.out.printf(Locale.ROOT, "dashboard bench: %d channels on the floor after %.1f s%n", channels,
                    (System.nanoTime() - waitStart) / 1e9);

            // While the floor runs (the streams app and the simulator share this machine's cores with the browser).
            load(chromium, base, "busy", channels);
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

            // Once the simulated floor has run all its cycles: the browser has the cores to itself.
            waitUntilQuiet(api);
            final List<Double> renders = new ArrayList<>();
            for (int k = 0; k < loads; k++) {
                renders.add(load(chromium, base, "quiet " + k, channels));
            }
            final List<Double> sorted = renders.stream().sorted().toList();
            System.out.printf(Locale.ROOT, "dashboard bench: quiet floor, %d tiles: median %.0f ms, min %.0f, max %.0f over %d loads%n",
                    channels, sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1), loads);
            assertThat(batches).as("live batches while the page was open").isPositive();
        }
    }
}
