package io.freecast.catalog.http.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A newcomer's first look at {@code /docs} in a real headless Chromium: the API explorer shows no warning box
 * (it draws one for a document it does not fully support), the operations sit in named groups instead of
 * "default", and an operation opened shows its example. Saves {@code target/screenshots/docs.png}.
 */
class DocsBrowserIT extends BrowserScenario {

    @Override
    int windowHeight() {
        return 1400;
    }

    private static final List<String> GROUPS = List.of("shows", "movies", "episodes and sources", "editing",
            "tombstones", "audit", "accounts and tokens", "tasks", "operations");


    @Test
    void theExplorerOpensWithoutAWarningAndWithTheOperationsInGroups() {
        driver.get(server.uri("/docs").toString());
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d -> d.findElements(By.cssSelector(".opblock-tag-section")).size() >= GROUPS.size());

        List<String> groups = driver.findElements(By.cssSelector("h3.opblock-tag")).stream()
                .map(tag -> tag.getAttribute("data-tag")).toList();
        assertThat(groups).containsExactlyElementsOf(GROUPS).doesNotContain("default");
        assertThat(driver.findElements(By.cssSelector(".errors-wrapper"))).as("no warning or error box").isEmpty();
        String page = driver.findElement(By.tagName("body")).getText();
        assertThat(page).doesNotContain("jsonSchemaDialect").doesNotContain("Warning");
        browser.screenshot(Path.of("target", "screenshots", "docs.png"));

        // Opening "List shows" shows an example answer, not only a schema.
        WebElement listShows = driver.findElement(By.id("operations-shows-listShows"));
        listShows.findElement(By.cssSelector(".opblock-summary-control")).click();
        wait.until(d -> listShows.getText().contains("Night Shift"));
        assertThat(listShows.getText()).contains("\"imdb_rating\": 7.4");
        browser.screenshot(Path.of("target", "screenshots", "docs-example.png"));
    }
}
