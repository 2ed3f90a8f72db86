package io.cellfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellfloor.streams.query.QueryServer;
import io.cellfloor.streams.query.QuerySettings;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard behind a token, in a real browser: the query server alone (no streams client yet, so its API
 * answers 503 once past the token check). A page without the token leads to the login page; a wrong token is
 * refused there; the right one is kept in the cookie and the browser goes back to the page it asked for; a page whose API call
 * later gets a 401 goes to the login page and says where to come back to.
 */
class DashboardLoginBrowserTest {
    private static final String TOKEN = "floor-7Hq2-token";

    @TempDir
    Path dir;

    @Test
    void shouldAskForTheTokenKeepItInTheCookieAndComeBack() throws Exception {
        HeadlessChromium.requireInstalled();
        try (QueryServer server = QueryServer.start(new QuerySettings("127.0.0.1", 0, "127.0.0.1", TOKEN));
             HeadlessChromium chromium = HeadlessChromium.start(dir.resolve("chromium"), 1200, 800)) {
            final String base = "http://127.0.0.1:" + server.port();
            final WebDriver driver = chromium.driver();
            final WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));

            driver.get(base + "/cohorts.html");
            wait.until(d -> d.getCurrentUrl().contains("/login.html"));

            driver.findElement(By.id("token")).sendKeys("not-the-token");
            driver.findElement(By.cssSelector("#login button[type=submit]")).click();
            wait.until(d -> d.findElement(By.id("notice")).isDisplayed());
            assertThat(driver.findElement(By.id("notice")).getText()).contains("did not accept");
            assertThat(driver.manage().getCookieNamed("cellfloor_token")).isNull();

            driver.findElement(By.id("token")).clear();
            driver.findElement(By.id("token")).sendKeys(TOKEN);
            driver.findElement(By.cssSelector("#login button[type=submit]")).click();
            wait.until(d -> d.getCurrentUrl().equals(base + "/cohorts.html"));
            assertThat(driver.manage().getCookieNamed("cellfloor_token").getValue()).isEqualTo(TOKEN);
            assertThat(driver.manage().getCookieNamed("cellfloor_token").isHttpOnly()).isTrue();
            // Past the token check the API is reached: it answers that the streams app is starting.
            wait.until(d -> d.findElement(By.id("notice")).getText().contains("starting"));

            driver.manage().deleteCookieNamed("cellfloor_token");
            wait.until(d -> d.getCurrentUrl().startsWith(base + "/login.html?next="));
            assertThat(driver.getCurrentUrl()).isEqualTo(base + "/login.html?next=%2Fcohorts.html");
        }
    }
}
