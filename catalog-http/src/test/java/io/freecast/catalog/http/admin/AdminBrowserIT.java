package io.freecast.catalog.http.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/**
 * The admin used as a person uses it, in a real headless Chromium against the real server: sign in,
 * search, open items, run a task, see its run, sign out; a viewer's page has no edit controls and a forged
 * form is refused; a form without its CSRF token changes nothing. Takes the README's screenshots.
 */
class AdminBrowserIT extends BrowserScenario {


    @Test
    void anAdminSearchesOpensItemsRunsATaskAndSignsOut() {
        signIn("ada");
        assertThat(driver.findElement(By.cssSelector("[data-testid=user]")).getText()).isEqualTo("ada");
        browser.screenshot(Path.of("target", "screenshots", "scenario-dashboard.png"));

        Cookie cookie = driver.manage().getCookieNamed(AdminHandler.COOKIE);
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        assertThat(cookie.isSecure()).isFalse(); // plain http on loopback; AdminPagesIT covers the proxy case

        driver.findElement(By.linkText("Movies")).click();
        driver.findElement(By.cssSelector("[data-testid=search]")).sendKeys("harbor");
        driver.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        waitFor(() -> driver.getCurrentUrl().contains("q=harbor"));
        assertThat(driver.findElements(By.cssSelector("[data-testid=title-link]"))).hasSize(2);
        driver.findElement(By.linkText(AdminServer.PLAIN_TITLE)).click();
        assertThat(driver.findElement(By.cssSelector("[data-testid=item-title]")).getText()).isEqualTo(AdminServer.PLAIN_TITLE);
        String movieUrl = driver.getCurrentUrl();
        long movieId = Long.parseLong(movieUrl.substring(movieUrl.lastIndexOf('/') + 1));

        // Change the title and save; the public JSON API shows it.
        var title = driver.findElement(By.id("f-title"));
        title.clear();
        title.sendKeys("The Silent Harbour");
        driver.findElement(By.cssSelector("[data-testid=save]")).click();
        waitFor(() -> driver.findElements(By.cssSelector(".flash")).size() == 1);
        assertThat(driver.findElement(By.cssSelector("[data-testid=item-title]")).getText()).isEqualTo("The Silent Harbour");
        assertThat(driver.findElements(By.cssSelector("[data-testid=unlock-title]"))).hasSize(1);
        driver.get(url("/movies/" + movieId));
        assertThat(driver.getPageSource()).contains("\"title\":\"The Silent Harbour\"");

        // Deactivate its source.
        driver.get(url("/admin/movies/" + movieId));
        long sourceId = server.catalog.queries().findMovie(movieId).orElseThrow().sources().getFirst().id();
        driver.findElement(By.cssSelector("[data-testid=toggle-" + sourceId + "]")).click();
        waitFor(() -> driver.findElements(By.cssSelector("tr.inactive[data-source='" + sourceId + "']")).size() == 1);
        assertThat(server.catalog.queries().findMovie(movieId).orElseThrow().sources().getFirst().active()).isFalse();

        // Add an episode with a source to a show.
        driver.get(url("/admin/shows/1"));
        assertThat(driver.findElement(By.cssSelector("[data-testid=item-title]")).getText()).isEqualTo(AdminServer.SHOW_TITLE);
        var addEpisode = driver.findElement(By.cssSelector("[data-testid=add-episode-1]"));
        addEpisode.findElement(By.name("number")).sendKeys("2");
        addEpisode.findElement(By.name("title")).sendKeys("The Second One");
        addEpisode.findElement(By.name("source_url")).sendKeys("https://cdn.example.com/s1e2.m3u8");
        addEpisode.findElement(By.cssSelector("button")).click();
        waitFor(() -> driver.findElements(By.cssSelector(".flash")).size() == 1);
        assertThat(driver.findElement(By.cssSelector(".flash")).getText()).isEqualTo("Episode 2 added.");
        assertThat(driver.findElement(By.cssSelector("details.season")).getText()).contains("The Second One", "s1e2.m3u8");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1560));
        browser.screenshot(Path.of("target", "screenshots", "scenario-show.png"));
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 860));

        driver.get(url("/admin/dead-links"));
        assertThat(driver.findElements(By.cssSelector("tr[data-source]"))).isNotEmpty();
        browser.screenshot(Path.of("target", "screenshots", "scenario-dead-links.png"));

        driver.get(url("/admin/tasks/update-ratings"));
        driver.findElement(By.cssSelector("[data-testid=run-now]")).click();
        waitFor(() -> driver.findElements(By.cssSelector(".flash")).size() == 1);
        awaitTasks();
        driver.navigate().refresh();
        assertThat(driver.findElements(By.cssSelector("[data-testid=run-link]"))).hasSize(1);
        driver.findElement(By.cssSelector("[data-testid=run-link]")).click();
        assertThat(driver.findElement(By.cssSelector("[data-testid=run-status]")).getText()).isIn("succeeded", "failed");

        // The audit trail lists each change, through the web, linking to the item.
        driver.findElement(By.linkText("Audit")).click();
        String audit = driver.findElement(By.cssSelector("table.audit")).getText();
        assertThat(audit).contains("account:ada", "web", "The Silent Harbour", "is_active", "episode", "source");
        driver.findElement(By.cssSelector("table.audit a[href='/admin/movies/" + movieId + "']")).click();
        assertThat(driver.findElement(By.cssSelector("[data-testid=item-title]")).getText()).isEqualTo("The Silent Harbour");

        driver.findElement(By.cssSelector("[data-testid=sign-out]")).click();
        waitFor(() -> driver.getCurrentUrl().contains("/admin/sign-in"));
        driver.get(url("/admin/movies"));
        assertThat(driver.getCurrentUrl()).contains("/admin/sign-in");
    }

    @Test
    void aViewerSeesNoControlsAndAForgedFormIsRefused() {
        signIn("vera");
        driver.get(url("/admin/movies/1"));
        assertThat(driver.findElements(By.cssSelector("[data-testid=save], [data-testid=delete]"))).isEmpty();
        assertThat(driver.findElement(By.cssSelector("input[name=title]")).isEnabled()).isFalse();
        driver.get(url("/admin/tasks"));
        assertThat(driver.findElements(By.cssSelector("form[action$='/run']"))).isEmpty();
        long before = runs();
        // A form the page does not offer, built by hand in the browser with the session's own token.
        submitForm("/admin/tasks/import-movies/run", true);
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Not permitted");
        assertThat(runs()).isEqualTo(before);
    }

    @Test
    void aStaleEditShowsTheConflictAndSavesNothing() {
        signIn("eddie");
        driver.get(url("/admin/movies/3"));
        // Someone else saves first, through the API.
        server.catalog.editing().changeMovie(new io.freecast.catalog.domain.Caller(
                        io.freecast.catalog.domain.Actor.account(99, "olga", io.freecast.catalog.domain.Channel.API),
                        io.freecast.catalog.domain.Scope.EDIT), 3, io.freecast.catalog.domain.Versioned.any(),
                io.freecast.catalog.port.in.MovieFields.NONE.withTitle(io.freecast.catalog.port.in.FieldEdit.set("Olga's title")));
        var title = driver.findElement(By.id("f-title"));
        title.clear();
        title.sendKeys("Eddie's title");
        driver.findElement(By.cssSelector("[data-testid=save]")).click();
        waitFor(() -> driver.findElements(By.cssSelector("[data-testid=conflict]")).size() == 1);
        assertThat(driver.findElement(By.cssSelector("[data-testid=yours-title]")).getText()).isEqualTo("Eddie's title");
        assertThat(driver.findElement(By.cssSelector("[data-testid=theirs-title]")).getText()).isEqualTo("Olga's title");
        assertThat(server.catalog.queries().findMovie(3).orElseThrow().movie().title()).isEqualTo("Olga's title");
    }

    @Test
    void aFormWithoutItsCsrfTokenChangesNothing() {
        signIn("ada");
        driver.get(url("/admin/tasks"));
        long before = runs();
        submitForm("/admin/tasks/import-movies/run", false);
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Refused");
        assertThat(runs()).isEqualTo(before);
    }

    /** Posts a form from the current page, with the page's CSRF token or without any. */
    private void submitForm(String action, boolean withToken) {
        String token = withToken ? driver.findElement(By.cssSelector("input[name=csrf]")).getAttribute("value") : null;
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("""
                const form = document.createElement('form');
                form.method = 'post'; form.action = arguments[0];
                if (arguments[1]) { const i = document.createElement('input'); i.type = 'hidden'; i.name = 'csrf'; i.value = arguments[1]; form.appendChild(i); }
                document.body.appendChild(form); form.submit();""", action, token);
        waitFor(() -> driver.getCurrentUrl().endsWith(action));
    }

    private long runs() {
        awaitTasks();
        long total = 0;
        for (var task : io.freecast.catalog.domain.TaskName.values()) {
            total += server.catalog.tasks().listRuns(task, io.freecast.catalog.domain.PageRequest.firstPage()).total();
        }
        return total;
    }

    private void awaitTasks() {
        try {
            server.catalog.tasks().awaitIdle(Duration.ofSeconds(20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }


    /** The repository's docs/screenshots (tests run in the module's directory). */
    /**
     * Where screenshots go: catalog-http's {@code target/screenshots}, so that running the tests never changes
     * tracked files; the README's copies in {@code docs/screenshots} are refreshed on purpose with
     * {@code -Dcatalog.updateScreenshots=true}.
     */
    static Path screenshots() {
        Path here = Path.of("").toAbsolutePath();
        Path root = Files.exists(here.resolve("catalog-http")) ? here : here.getParent();
        return Boolean.getBoolean("catalog.updateScreenshots") ? root.resolve("docs").resolve("screenshots")
                : root.resolve("catalog-http").resolve("target").resolve("screenshots");
    }
}
