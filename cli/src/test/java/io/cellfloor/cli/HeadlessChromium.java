package io.cellfloor.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The system's Chromium (Debian's {@code chromium} and {@code chromium-driver}) in headless mode with a fresh
 * profile, for the dashboard's browser tests and render benchmark. No browser is downloaded: where the binaries
 * are missing the test fails and says what to install. Paths can be moved with {@code -Dcellfloor.chromium} and
 * {@code -Dcellfloor.chromedriver}.
 */
final class HeadlessChromium implements AutoCloseable {
    static final String INSTALL_HINT = "install them with `apt-get install -y chromium chromium-driver` "
            + "(.ci/run does this where they are missing)";

    /* Selenium warns on every start that it has no DevTools classes for this Chromium; the tests use none. */
    private static final Logger DEVTOOLS_LOG = Logger.getLogger("org.openqa.selenium.devtools");

    static {
        DEVTOOLS_LOG.setLevel(Level.SEVERE);
    }

    private final ChromeDriver driver;

    private HeadlessChromium(final ChromeDriver driver) {
        this.driver = driver;
    }

    /** Fails with what to install when the browser or its driver is missing. */
    static void requireInstalled() {
        for (final Path p : List.of(browser(), chromedriver())) {
            if (!Files.isExecutable(p)) {
                throw new AssertionError("the dashboard tests need headless Chromium and its driver, but " + p
                        + " is missing or not executable: " + INSTALL_HINT);
            }
        }
    }

    private static Path browser() {
        return Path.of(System.getProperty("cellfloor.chromium", "/usr/bin/chromium"));
    }

    private static Path chromedriver() {
        return Path.of(System.getProperty("cellfloor.chromedriver", "/usr/bin/chromedriver"));
    }

    static HeadlessChromium start(final Path profileDir, final int width, final int height) throws IOException {
        requireInstalled();
        final Path browser = browser();
        final Path chromedriver = chromedriver();
        Files.createDirectories(profileDir);
        final ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=" + width + "," + height,
                "--user-data-dir=" + profileDir.toAbsolutePath());
        final ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver.toString()))
                .usingAnyFreePort()
                .build();
        final ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(30));
        return new HeadlessChromium(driver);
    }

    ChromeDriver driver() {
        return driver;
    }

    Object js(final String script, final Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** A number from the page, or -1 when the expression is not a number (yet). */
    double number(final String expression) {
        final Object v = js("const v = (" + expression + "); return typeof v === 'number' ? v : -1;");
        return ((Number) v).doubleValue();
    }

    /** Saves what the browser shows under {@code target/screenshots/}, and under {@code docs/} with -Dcellfloor.screenshots=docs. */
    void screenshot(final String name) throws IOException {
        final byte[] png = driver.getScreenshotAs(OutputType.BYTES);
        final Path target = Files.createDirectories(Path.of("target", "screenshots")).resolve(name + ".png");
        Files.write(target, png);
        if ("docs".equals(System.getProperty("cellfloor.screenshots"))) {
            Files.write(Files.createDirectories(projectRoot().resolve("docs")).resolve(name + ".png"), png);
        }
    }

    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no project root (a folder with mvnw) above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
