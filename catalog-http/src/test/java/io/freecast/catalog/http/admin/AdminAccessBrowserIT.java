package io.freecast.catalog.http.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.domain.Caller;
import io.freecast.catalog.domain.Channel;
import io.freecast.catalog.domain.ItemKind;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.Role;
import io.freecast.catalog.domain.Scope;
import io.freecast.catalog.domain.TombstoneQuery;
import io.freecast.catalog.domain.Versioned;
import io.freecast.catalog.port.in.FieldEdit;
import io.freecast.catalog.port.in.MovieFields;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The tombstones, accounts and tokens pages and the "locked fields" filter used as a person uses them, in
 * a real headless Chromium against the real server: restore a tombstone after its confirmation, create a
 * token and see its value once, filter the movies by locked fields.
 */
class AdminAccessBrowserIT extends BrowserScenario {



    @Test
    void anEditorRestoresATombstoneAfterReadingWhatItMeans() {
        Caller eddie = TestAccounts.caller("eddie", Role.EDITOR);
        server.catalog.editing().deleteMovie(eddie, 3, Versioned.any());
        long id = server.catalog.editing().listTombstones(eddie, new TombstoneQuery(ItemKind.MOVIE, PageRequest.first(5)))
                .items().getFirst().id();

        signIn("eddie");
        driver.findElement(By.linkText("Tombstones")).click();
        new Select(driver.findElement(By.cssSelector("[data-testid=kind]"))).selectByValue("movie");
        driver.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        waitFor(() -> driver.getCurrentUrl().contains("kind=movie"));
        var row = driver.findElement(By.cssSelector("tr[data-tombstone='" + id + "']"));
        assertThat(row.getText()).contains(AdminServer.PLAIN_TITLE, "account:eddie");
        // The confirmation is hidden until asked for, and says what restoring does.
        var confirm = driver.findElement(By.cssSelector("[data-testid=confirm-restore-" + id + "]"));
        assertThat(confirm.isDisplayed()).isFalse();
        driver.findElement(By.cssSelector("[data-testid=restore-" + id + "]")).click();
        assertThat(row.findElement(By.cssSelector(".confirm-body")).getText()).contains("next import brings");
        confirm.click();
        waitFor(() -> driver.findElements(By.cssSelector(".flash")).size() == 1);
        assertThat(driver.findElement(By.cssSelector(".flash")).getText()).startsWith("Restored “" + AdminServer.PLAIN_TITLE + "”");
        assertThat(driver.findElements(By.cssSelector("tr[data-tombstone='" + id + "']"))).isEmpty();
        assertThat(server.catalog.editing().listTombstones(eddie, new TombstoneQuery(null, PageRequest.first(5))).items())
                .isEmpty();
    }

    @Test
    void anAdminCreatesATokenAndSeesItsValueOnceThenRevokesIt() {
        Caller ada = TestAccounts.caller("ada", Role.ADMIN);
        server.catalog.accounts().addAccount(ada, "olga", Role.EDITOR, "a long enough password for olga");

        signIn("ada");
        driver.findElement(By.linkText("Tokens")).click();
        new Select(driver.findElement(By.cssSelector("[data-testid=token-user]"))).selectByValue("olga");
        driver.findElement(By.id("f-name")).sendKeys("deploy script");
        new Select(driver.findElement(By.cssSelector("[data-testid=token-scope]"))).selectByValue("edit");
        driver.findElement(By.cssSelector("[data-testid=create-token]")).click();
        waitFor(() -> driver.findElements(By.cssSelector("[data-testid=token-secret]")).size() == 1);
        String secret = driver.findElement(By.cssSelector("[data-testid=token-secret]")).getAttribute("value");
        assertThat(secret).startsWith("cat_");
        assertThat(driver.findElement(By.cssSelector("[data-testid=issued]")).getText()).contains("Copy it now");
        assertThat(server.catalog.authentication().authenticateToken(secret, "127.0.0.1", Channel.API).scope())
                .isEqualTo(Scope.EDIT);

        // Once: the list, reloaded, never shows it again.
        driver.get(url("/admin/tokens"));
        assertThat(driver.getPageSource()).doesNotContain(secret);
        assertThat(driver.findElements(By.cssSelector("[data-testid=token-secret]"))).isEmpty();
        var row = driver.findElement(By.cssSelector("tr[data-token]"));
        assertThat(row.getText()).contains("olga", "deploy script", "edit", "active");
        row.findElement(By.cssSelector("button.danger")).click();
        waitFor(() -> driver.findElements(By.cssSelector(".flash")).size() == 1);
        assertThat(driver.findElement(By.cssSelector("tr[data-token] [data-testid=token-status]")).getText()).isEqualTo("revoked");
    }

    @Test
    void anEditorFiltersTheMoviesByLockedFields() {
        server.catalog.editing().changeMovie(TestAccounts.caller("eddie", Role.EDITOR), 3, Versioned.any(),
                MovieFields.NONE.withImdbRating(FieldEdit.set(9.1)));
        signIn("eddie");
        driver.findElement(By.linkText("Movies")).click();
        assertThat(driver.findElements(By.cssSelector("[data-testid=title-link]")).size()).isGreaterThan(1);
        driver.findElement(By.cssSelector("[data-testid=filter-locked]")).click();
        driver.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        waitFor(() -> driver.getCurrentUrl().contains("filter=locked_fields"));
        assertThat(driver.findElements(By.cssSelector("[data-testid=title-link]"))).extracting(e -> e.getText())
                .containsExactly(AdminServer.PLAIN_TITLE);
        assertThat(driver.findElement(By.cssSelector("[data-testid=filter-locked]")).isSelected()).isTrue();
        driver.findElement(By.linkText(AdminServer.PLAIN_TITLE)).click();
        assertThat(driver.findElement(By.cssSelector("[data-testid=unlock-imdb_rating]")).isDisplayed()).isTrue();
    }

    @Test
    void theNewPagesNeverScrollSidewaysOnAPhone() {
        Caller ada = TestAccounts.caller("ada", Role.ADMIN);
        server.catalog.editing().deleteMovie(ada, 1, Versioned.any());
        server.catalog.accounts().addAccount(ada, "olga", Role.EDITOR, "a long enough password for olga");
        server.catalog.apiTokens().createToken(ada, new io.freecast.catalog.domain.NewToken("olga",
                "a rather long label for a token that is used by the nightly deploy", Scope.READ, null));
        signIn("ada");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        for (String path : new String[] {"/admin/tombstones", "/admin/accounts", "/admin/accounts/olga", "/admin/tokens"}) {
            driver.get(url(path));
            Object overflow = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(((Number) overflow).intValue()).as(path).isLessThanOrEqualTo(0);
        }
        // The page that shows a new token's value, too.
        new Select(driver.findElement(By.cssSelector("[data-testid=token-user]"))).selectByValue("olga");
        driver.findElement(By.id("f-name")).sendKeys("phone");
        driver.findElement(By.cssSelector("[data-testid=create-token]")).click();
        waitFor(() -> driver.findElements(By.cssSelector("[data-testid=token-secret]")).size() == 1);
        Object overflow = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
    }
}
