package io.freecast.catalog.http.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.domain.Actor;
import io.freecast.catalog.domain.Caller;
import io.freecast.catalog.domain.Channel;
import io.freecast.catalog.domain.LinkState;
import io.freecast.catalog.domain.Scope;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.domain.SourceOwner;
import io.freecast.catalog.port.in.FieldEdit;
import io.freecast.catalog.port.in.SourceFields;
import io.freecast.catalog.port.out.SourceRepository.SourceCheck;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A show's and a movie's children used as a person uses them, in headless Chromium against the real server:
 * re-check a dead link now (a real check of a loopback server) and see its state change, change a source
 * inline, edit an episode, delete a season through its confirmation page.
 */
class AdminChildrenBrowserIT extends BrowserScenario {

    private LinkTargets targets;

    @BeforeEach
    void startLinkTargets() throws Exception {
        targets = new LinkTargets();
    }

    @AfterEach
    void stopLinkTargets() {
        if (targets != null) {
            targets.close();
        }
    }

    @Test
    void anEditorRechecksADeadLinkNowAndSeesItsStateChange() {
        Source source = server.catalog.editing().createSource(new Caller(Actor.account(99, "olga", Channel.API), Scope.EDIT),
                new SourceOwner.OfMovie(3), new SourceFields(FieldEdit.set(targets.url("/gone/movie.mp4")), null,
                        FieldEdit.set("Loop"), null));
        server.store.ports().sources().saveChecks(List.of(new SourceCheck(source.id(), true,
                new LinkState(Instant.parse("2026-12-01T06:00:00Z"), 503, 2, "server error: 503"))));
        signIn("eddie");

        driver.get(url("/admin/dead-links"));
        By row = By.cssSelector("tr[data-source='" + source.id() + "']");
        assertThat(driver.findElement(row).findElement(By.cssSelector(".badge")).getText()).isEqualTo("failing");
        driver.findElement(By.cssSelector("[data-testid=check-" + source.id() + "]")).click();
        waitFor(() -> driver.findElements(By.cssSelector(".flash")).size() == 1);

        assertThat(driver.findElement(By.cssSelector(".flash")).getText()).contains("HTTP 404", "inactive");
        WebElement checked = driver.findElement(row);
        assertThat(checked.findElement(By.cssSelector(".badge")).getText()).isEqualTo("inactive");
        assertThat(checked.getText()).contains("404", "the link is gone");
        assertThat(targets.requests.get()).isPositive();
        assertThat(server.catalog.editing().findSource(source.id()).orElseThrow().active()).isFalse();
    }

    @Test
    void anEditorChangesASourceInlineEditsAnEpisodeAndDeletesASeasonThroughItsConfirmation() {
        signIn("eddie");
        var show = server.catalog.queries().findShow(1).orElseThrow();
        var episode = show.seasons().getFirst().episodes().getFirst();
        long episodeId = episode.episode().id();
        long sourceId = episode.sources().getFirst().id();

        // A source's provider, changed inline on the show's page.
        driver.get(url("/admin/shows/1"));
        driver.findElement(By.cssSelector("[data-testid=edit-source-" + sourceId + "]")).click();
        WebElement sourceForm = driver.findElement(By.cssSelector("[data-testid=source-form-" + sourceId + "]"));
        WebElement provider = sourceForm.findElement(By.name("provider"));
        provider.clear();
        provider.sendKeys("Tubi");
        sourceForm.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(() -> driver.findElements(By.cssSelector(".flash")).size() == 1);
        assertThat(driver.findElement(By.cssSelector(".flash")).getText()).isEqualTo("Source " + sourceId + " saved.");
        assertThat(server.catalog.editing().findSource(sourceId).orElseThrow().provider()).isEqualTo("Tubi");

        // An episode, edited on its own page.
        driver.findElement(By.cssSelector("[data-testid=edit-episode-" + episodeId + "]")).click();
        waitFor(() -> driver.getCurrentUrl().endsWith("/admin/episodes/" + episodeId));
        WebElement title = driver.findElement(By.id("f-title"));
        title.clear();
        title.sendKeys("The Pilot");
        WebElement released = driver.findElement(By.id("f-release_date"));
        released.clear();
        released.sendKeys("2020-01-31");
        driver.findElement(By.cssSelector("[data-testid=save]")).click();
        waitFor(() -> driver.findElements(By.cssSelector(".flash")).size() == 1);
        assertThat(driver.findElement(By.cssSelector("[data-testid=item-title]")).getText()).isEqualTo("S1E1 · The Pilot");
        assertThat(server.catalog.editing().findEpisode(episodeId).orElseThrow().episode().releaseDate())
                .hasToString("2020-01-31");
        browser.screenshot(Path.of("target", "screenshots", "scenario-episode.png"));

        // A season, deleted through its confirmation page.
        driver.get(url("/admin/shows/1"));
        driver.findElement(By.cssSelector("[data-testid=delete-season-1]")).click();
        waitFor(() -> driver.findElements(By.cssSelector("[data-testid=confirm-page]")).size() == 1);
        assertThat(driver.findElement(By.cssSelector("[data-testid=goes-episodes]")).getText()).isEqualTo("1 episodes");
        assertThat(driver.findElement(By.cssSelector("[data-testid=confirm-page]")).getText())
                .contains("S1E1 The Pilot", "tombstone will keep the next import");
        browser.screenshot(Path.of("target", "screenshots", "scenario-delete-season.png"));
        driver.findElement(By.cssSelector("[data-testid=confirm-delete]")).click();
        waitFor(() -> driver.getCurrentUrl().endsWith("/admin/shows/1"));
        assertThat(driver.findElement(By.cssSelector(".flash")).getText()).startsWith("Deleted season 1 of");
        assertThat(driver.findElements(By.cssSelector("details.season"))).isEmpty();
        assertThat(server.catalog.queries().findShow(1).orElseThrow().seasons()).isEmpty();
    }

}
