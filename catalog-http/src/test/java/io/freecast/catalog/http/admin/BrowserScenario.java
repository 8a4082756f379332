package io.freecast.catalog.http.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What every browser test of the admin starts from: the real server on loopback ({@link AdminServer}) and a
 * fresh headless Chromium ({@link BrowserSession}), both closed after each test, and the steps every scenario
 * takes (open a page, sign in as a test account, wait for the page to show something).
 */
abstract class BrowserScenario {

    @TempDir
    Path dir;
    AdminServer server;
    BrowserSession browser;
    WebDriver driver;

    /** The browser window's height: a tall one shows a whole page in one screenshot. */
    int windowHeight() {
        return 860;
    }

    @BeforeEach
    void startServerAndBrowser() throws Exception {
        BrowserSession.requireChromium();
        server = new AdminServer(Files.createDirectories(dir.resolve("catalog")), builder -> builder);
        browser = new BrowserSession(Files.createDirectories(dir.resolve("profile")), 1280, windowHeight());
        driver = browser.driver;
    }

    @AfterEach
    void stopBrowserAndServer() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    String url(String path) {
        return server.uri(path).toString();
    }

    /** Signs in through the form as a person would; the admin first sends an anonymous visitor to sign-in. */
    void signIn(String name) {
        driver.get(url("/admin/"));
        assertThat(driver.getCurrentUrl()).contains("/admin/sign-in");
        driver.findElement(By.id("name")).sendKeys(name);
        driver.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
        driver.findElement(By.cssSelector("form.stacked button[type=submit]")).click();
        waitFor(() -> driver.findElements(By.cssSelector("[data-testid=user]")).size() == 1);
    }

    void waitFor(BooleanSupplier condition) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> condition.getAsBoolean());
    }
}
