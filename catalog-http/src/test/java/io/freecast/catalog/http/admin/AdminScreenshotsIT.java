package io.freecast.catalog.http.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.domain.TaskName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;

/**
 * The README's screenshots, from the real server over the bundled sample feeds, in headless Chromium as an
 * admin sees the dashboard, a show's edit page and the dead links; and the same pages at a phone's width
 * have no horizontal overflow outside their scrolling tables.
 */
class AdminScreenshotsIT {

    @TempDir
    Path dir;

    @Test
    void theDashboardAShowAndTheDeadLinks() throws Exception {
        BrowserSession.requireChromium();
        try (AdminServer server = AdminServer.withSampleFeeds(Files.createDirectories(dir.resolve("catalog")), b -> b);
             BrowserSession browser = new BrowserSession(Files.createDirectories(dir.resolve("profile")), 1280, 900)) {
            server.catalog.tasks().runNow(TaskName.VALIDATE_SOURCES);
            WebDriver driver = browser.driver;
            driver.get(server.uri("/admin/sign-in").toString());
            driver.findElement(By.id("name")).sendKeys("ada");
            driver.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
            driver.findElement(By.cssSelector("form.stacked button[type=submit]")).click();
            new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10))
                    .until(d -> !d.findElements(By.cssSelector("[data-testid=user]")).isEmpty());
            Path shots = AdminBrowserIT.screenshots();
            browser.screenshot(shots.resolve("dashboard.png"));

            long showId = server.catalog.queries().listShows(io.freecast.catalog.domain.ListQuery.firstPage())
                    .items().getFirst().show().id();
            driver.get(server.uri("/admin/shows/" + showId).toString());
            assertThat(driver.findElements(By.cssSelector("[data-testid=save]"))).hasSize(1);
            driver.manage().window().setSize(new Dimension(1280, 1700));
            browser.screenshot(shots.resolve("show.png"));

            driver.manage().window().setSize(new Dimension(1280, 900));
            driver.get(server.uri("/admin/dead-links").toString());
            assertThat(driver.findElements(By.cssSelector("tr[data-source]"))).isNotEmpty();
            browser.screenshot(shots.resolve("dead-links.png"));

            // A phone: the page itself never scrolls sideways (wide tables scroll inside their own box).
            driver.manage().window().setSize(new Dimension(390, 844));
            for (String path : new String[] {"/admin/", "/admin/movies", "/admin/shows/" + showId, "/admin/dead-links"}) {
                driver.get(server.uri(path).toString());
                Object overflow = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertThat(((Number) overflow).intValue()).as(path).isLessThanOrEqualTo(0);
            }
            driver.get(server.uri("/admin/movies").toString());
            browser.screenshot(shots.resolve("movies-phone.png"));
        }
    }
}
