package io.cellfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser over a real floor: a demo-sized simulated floor runs through the broker, the
 * streams app and its query server in this JVM, and headless Chromium opens the pages. The floor view must show a
 * tile for every channel and turn a tile to a breakdown stage while it stays open; the channel view of that channel
 * must plot its trace, CE (with event markers), capacities and features; the cohort view must list the API's cohorts.
 * Screenshots of each view go to {@code target/screenshots/} (and {@code docs/} with -Dcellfloor.screenshots=docs).
 */
class DashboardBrowserTest {
    private static final int CHANNELS = 32;
    private static final Set<String> BREAKDOWN = Set.of("RECOVERABLE", "IRRECOVERABLE", "HARD_SHORT");
    /* Records every stage change of an existing tile, as the page does it: an attribute change, not a reload. */
    private static final String WATCH_STAGES = """
            window.__cellfloorTestSession = 'same-page';
            window.__stageChanges = [];
            new MutationObserver(list => {
              for (const m of list) {
                if (m.target.classList.contains('tile')) {
                  window.__stageChanges.push({id: m.target.dataset.id, from: m.oldValue, to: m.target.dataset.stage});
                }
              }
            }).observe(document.getElementById('floor'),
                {subtree: true, attributes: true, attributeFilter: ['data-stage'], attributeOldValue: true});
            """;

    @TempDir
    Path dir;

    @Test
    void shouldShowTheLiveFloorAChannelThatBrokeDownAndTheCohorts() throws Exception {
        HeadlessChromium.requireInstalled();
        try (RunningDemo demo = RunningDemo.start("--channels", String.valueOf(CHANNELS), "--speed-up", "3000",
                     "--cycles", "12", "--seconds", "0", "--state-dir", dir.resolve("demo").toString(),
                     "--metrics-port", "0", "--http-port", "0");
             HeadlessChromium chromium = HeadlessChromium.start(dir.resolve("chromium"), 1400, 1100)) {
            final URI base = demo.dashboard(Duration.ofSeconds(120));
            final DashboardApi api = new DashboardApi(base);
            final WebDriver driver = chromium.driver();

            driver.get(base + "/");
            chromium.js(WATCH_STAGES);
            waitFor(chromium, Duration.ofSeconds(120), "a tile for each of the " + CHANNELS + " channels",
                    () -> chromium.number("document.querySelectorAll('#floor a.tile').length") == CHANNELS);
            final Set<String> tileIds = new TreeSet<>(strings(chromium.js(
                    "return [...document.querySelectorAll('#floor a.tile')].map(a => a.dataset.id);")));
            final Set<String> apiIds = new TreeSet<>();
            api.get("/api/floor").get("channels").forEach(t -> apiIds.add(t.get("channelId").asText()));
            assertThat(tileIds).hasSize(CHANNELS).isEqualTo(apiIds);
            assertThat(driver.findElement(By.cssSelector("#counts .total")).getText()).contains(CHANNELS + " of " + CHANNELS);
            shouldFilterBySse(chromium, api);

            waitFor(chromium, Duration.ofSeconds(150), "a tile that turns to a breakdown stage while the page is open",
                    () -> chromium.number("window.__stageChanges.filter(c => c.to !== 'STABLE' && c.to !== 'UNKNOWN').length") > 0);
            final Map<?, ?> change = (Map<?, ?>) chromium.js(
                    "return window.__stageChanges.find(c => c.to !== 'STABLE' && c.to !== 'UNKNOWN');");
            final String broken = (String) change.get("id");
            assertThat(chromium.js("return window.__cellfloorTestSession;")).as("the floor view was not reloaded").isEqualTo("same-page");
            final WebElement tile = driver.findElement(By.cssSelector("#floor a.tile[data-id='" + broken + "']"));
            // The stage may have moved on since the change was recorded (a cell only moves forward): the tile shows the latest.
            final String shown = tile.getAttribute("data-stage");
            assertThat(BREAKDOWN).contains(shown);
            assertThat(tile.getAttribute("class")).contains("st-" + shown);
            assertThat(tile.getAttribute("aria-label")).startsWith(broken + ": ").containsAnyOf("recoverable", "hard short");
            assertThat(BREAKDOWN).contains(api.channel(broken).get("status").get("stage").asText());
            // Answers during the streams app's start can be stale; one instance that runs must soon answer fresh.
            waitFor(chromium, Duration.ofSeconds(60), "a floor answer that is not stale",
                    () -> (Boolean) chromium.js("return document.getElementById('stale').hidden;"));
            chromium.screenshot("dashboard-floor");

            tile.click();
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("/channel.html?id="));
            waitFor(chromium, Duration.ofSeconds(60), "the channel view's plots filled for " + broken,
                    () -> chromium.number("window.cellfloorChannel && cellfloorChannel.refreshes") >= 1
                            && chromium.number("cellfloorChannel.ceMarkers") > 0);
            assertThat(chromium.number("cellfloorPlots.trace.data[0].length")).as("trace points").isPositive();
            assertThat(chromium.number("cellfloorPlots.trace.data[1].filter(v => v !== null && Math.abs(v) < 10).length"))
                    .as("voltages").isPositive();
            assertThat(chromium.number("cellfloorPlots.ce.data[1].filter(v => v !== null).length")).as("CE points").isPositive();
            assertThat(chromium.number("cellfloorPlots.capacity.data[1].filter(v => v > 0).length")).as("capacities").isPositive();
            assertThat(chromium.number("cellfloorPlots.features.data[1].filter(v => v !== null).length"
                    + " + cellfloorPlots.features.data[2].filter(v => v !== null).length")).as("feature points").isPositive();
            final JsonNode events = api.channelPart(broken, "events?page=0&size=500");
            assertThat(events.get("total").asLong()).isPositive();
            assertThat(chromium.number("cellfloorChannel.events")).isPositive();
            assertThat(chromium.number("document.querySelectorAll('#events tbody tr').length")).isPositive();
            final Set<Long> apiEventCycles = new HashSet<>();
            events.get("items").forEach(e -> apiEventCycles.add(e.get("cycleNumber").asLong()));
            final List<Long> pageCycles = longs(chromium.js("return cellfloorPlots.ce.data[0];"));
            assertThat(pageCycles).isSorted().doesNotHaveDuplicates().containsAnyElementsOf(apiEventCycles);
            assertThat(driver.findElement(By.id("stage")).getText()).isIn("recoverable", "irrecoverable", "hard short");
            final JsonNode cellTest = api.channel(broken).path("cellTest");
            if (cellTest.isNull() || cellTest.isMissingNode()) {
                assertThat(driver.findElement(By.id("cell-test")).getText()).contains("no cell test registered");
            } else {
                assertThat(driver.findElement(By.id("cell-test")).getText())
                        .contains("SSE\n" + cellTest.get("electrolyte").asText())
                        .contains("current collector\n" + cellTest.get("collector").asText());
            }
            chromium.screenshot("dashboard-channel");

            driver.findElement(By.linkText("Cohorts")).click();
            waitFor(chromium, Duration.ofSeconds(60), "the cohort table and a box of cycles to first breakdown",
                    () -> chromium.number("window.cellfloorCohorts && cellfloorCohorts.refreshes") >= 1
                            && chromium.number("cellfloorCohorts.boxes") >= 1);
            final JsonNode cohorts = api.get("/api/cohorts").get("items");
            final Set<String> apiCohorts = new TreeSet<>();
            cohorts.forEach(c -> apiCohorts.add(c.get("cohort").asText()));
            waitFor(chromium, Duration.ofSeconds(20), "the page's cohorts to match the API's " + apiCohorts, () -> new TreeSet<>(strings(chromium.js(
                    "return [...document.querySelectorAll('#cohorts tbody tr[data-cohort]')].map(r => r.dataset.cohort);")))
                    .containsAll(apiCohorts));
            assertThat(apiCohorts).isNotEmpty();
            chromium.screenshot("dashboard-cohorts");

            driver.get(base + "/channel.html?id=no-such-channel");
            waitFor(chromium, Duration.ofSeconds(20), "the channel view to say the channel is unknown",
                    () -> driver.findElement(By.id("notice")).getText().startsWith("No channel 'no-such-channel' on this floor"));
        }
    }

    /** Picks the first SSE in the filter: the tiles shown are the API's channels with that SSE, and only those. */
    private static void shouldFilterBySse(final HeadlessChromium chromium, final DashboardApi api) throws Exception {
        final WebDriver driver = chromium.driver();
        final Select sse = new Select(driver.findElement(By.id("f-sse")));
        final String chosen = sse.getOptions().get(1).getAttribute("value");
        sse.selectByValue(chosen);
        final Set<String> expected = new TreeSet<>();
        api.get("/api/floor?sse=" + URLEncoder.encode(chosen, StandardCharsets.UTF_8)).get("channels")
                .forEach(t -> expected.add(t.get("channelId").asText()));
        final Set<String> shown = new TreeSet<>(strings(chromium.js(
                "return [...document.querySelectorAll('#floor a.tile')].filter(a => !a.hidden).map(a => a.dataset.id);")));
        assertThat(shown).isNotEmpty().hasSizeLessThan(CHANNELS).isEqualTo(expected);
        assertThat(driver.findElement(By.cssSelector("#counts .total")).getText()).contains(shown.size() + " of " + CHANNELS);
        assertThat(driver.getCurrentUrl()).contains("sse=");
        driver.findElement(By.cssSelector("#filters button[type=reset]")).click();
        assertThat(chromium.number("[...document.querySelectorAll('#floor a.tile')].filter(a => !a.hidden).length"))
                .isEqualTo(CHANNELS);
    }

    private static void waitFor(final HeadlessChromium chromium, final Duration timeout, final String what,
                                final java.util.function.BooleanSupplier condition) {
        try {
            new WebDriverWait(chromium.driver(), timeout, Duration.ofMillis(500)).until(d -> condition.getAsBoolean());
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what + "; the page says: "
                    + chromium.js("return document.getElementById('notice') && document.getElementById('notice').textContent;"), e);
        }
    }

    private static List<String> strings(final Object list) {
        final List<String> out = new ArrayList<>();
        ((List<?>) list).forEach(v -> out.add(String.valueOf(v)));
        return out;
    }

    private static List<Long> longs(final Object list) {
        final List<Long> out = new ArrayList<>();
        ((List<?>) list).forEach(v -> out.add(((Number) v).longValue()));
        return out;
    }
}
