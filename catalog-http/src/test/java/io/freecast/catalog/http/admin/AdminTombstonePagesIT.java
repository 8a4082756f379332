package io.freecast.catalog.http.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.domain.AuditEntry;
import io.freecast.catalog.domain.AuditQuery;
import io.freecast.catalog.domain.ItemKind;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.Role;
import io.freecast.catalog.domain.Tombstone;
import io.freecast.catalog.domain.TombstoneQuery;
import io.freecast.catalog.domain.Versioned;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tombstones page over a real server and SQLite catalog: what was deleted, by whom and when, by kind
 * and page by page; restoring one (editors only, with the form's CSRF token, audited) — and the hostile
 * titles of the feed, now tombstone labels, shown as text.
 */
class AdminTombstonePagesIT {

    private static final String HOSTILE = "<script>alert('t')</script>\"'><img src=x onerror=alert(3)>";

    @TempDir
    Path dir;
    private AdminServer server;
    private AdminClient browser;

    @BeforeEach
    void start() {
        server = new AdminServer(dir, builder -> builder);
        browser = new AdminClient(server.server.baseUri());
        // The feed's movie 1 (titled with a script) deleted by hand: its tombstone keeps the next import off.
        server.catalog.editing().deleteMovie(TestAccounts.caller("eddie", Role.EDITOR), 1, Versioned.any());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private List<Tombstone> tombstones() {
        return server.catalog.editing().listTombstones(TestAccounts.caller("vera", Role.VIEWER),
                new TombstoneQuery(null, PageRequest.first(500))).items();
    }

    private long movieTombstone() {
        return tombstones().stream().filter(t -> t.kind() == ItemKind.MOVIE).findFirst().orElseThrow().id();
    }

    @Test
    void listsWhatWasDeletedByWhomAndWhenWithItsTitleAsText() {
        browser.signIn("vera", TestAccounts.PASSWORD);
        Document page = browser.page("/admin/tombstones");
        var row = page.selectFirst("tr[data-tombstone=" + movieTombstone() + "]");
        assertThat(row.select("[data-testid=tombstone-label]").text()).isEqualTo(AdminServer.SCRIPT_TITLE);
        assertThat(row.text()).contains("movie", "account:eddie", "UTC");
        assertThat(page.select("script:not([src])")).isEmpty();
        assertThat(page.select("main img")).isEmpty();
        assertThat(page.select("nav.sections a[href=/admin/tombstones]")).hasSize(1);
        // A viewer reads them and is offered nothing to change.
        assertThat(page.select("form[action*=restore], [data-testid^=restore-]")).isEmpty();
    }

    @Test
    void filtersByKindAndPagesByCursorKeepingTheFilter() {
        List<Long> added = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            added.add(server.store.ports().tombstones().add(new Tombstone(0, ItemKind.SHOW, null, "id:" + (900 + i),
                    "Gone " + i + " " + HOSTILE, Instant.parse("2026-12-01T00:00:00Z").plusSeconds(i), "account:<b>olga</b>")));
        }
        browser.signIn("eddie", TestAccounts.PASSWORD);
        Document first = browser.page("/admin/tombstones?kind=show");
        assertThat(first.select("tr[data-tombstone]")).hasSize(50);
        assertThat(first.select("select[name=kind] option[selected]").val()).isEqualTo("show");
        assertThat(first.select("td .badge").eachText()).containsOnly("show");
        String next = first.selectFirst("[data-testid=next-page]").attr("href");
        assertThat(next).contains("kind=show", "cursor=");
        Document second = browser.page(next);
        List<Long> seen = new ArrayList<>();
        first.select("tr[data-tombstone]").forEach(r -> seen.add(Long.parseLong(r.attr("data-tombstone"))));
        second.select("tr[data-tombstone]").forEach(r -> seen.add(Long.parseLong(r.attr("data-tombstone"))));
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(added);
        assertThat(second.select("td").eachText()).anyMatch(t -> t.contains("account:<b>olga</b>"));
        assertThat(second.select("main b, main img, script:not([src])")).isEmpty();

        Document movies = browser.page("/admin/tombstones?kind=movie");
        assertThat(movies.select("tr[data-tombstone]")).hasSize(1);
        assertThat(browser.page("/admin/tombstones?kind=episode").select(".empty").text()).contains("No tombstones");
    }

    @Test
    void aBrokenKindOrCursorIsABadRequestShownAsText() {
        browser.signIn("eddie", TestAccounts.PASSWORD);
        HttpResponse<String> kind = browser.get("/admin/tombstones?kind=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        assertThat(kind.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(kind.body()).select("script:not([src])")).isEmpty();
        assertThat(browser.get("/admin/tombstones?cursor=not-a-cursor").statusCode()).isEqualTo(400);
        assertThat(browser.get("/admin/tombstones?kind=" + "x".repeat(20_000)).statusCode()).isEqualTo(400);
    }

    @Test
    void anEditorRestoresAfterConfirmingAndTheAuditSaysSo() {
        long id = movieTombstone();
        browser.signIn("eddie", TestAccounts.PASSWORD);
        Document page = browser.page("/admin/tombstones");
        var confirm = page.selectFirst("tr[data-tombstone=" + id + "] details.confirm");
        assertThat(confirm.text()).contains("next import brings", "back if its feed still lists it");
        var form = confirm.selectFirst("form");
        assertThat(form.attr("action")).isEqualTo("/admin/tombstones/" + id + "/restore");

        HttpResponse<String> restored = browser.post(form.attr("action"), AdminClient.form(
                "csrf", form.selectFirst("input[name=csrf]").val(), "label", form.selectFirst("input[name=label]").val()));
        assertThat(restored.statusCode()).isEqualTo(303);
        assertThat(tombstones()).noneMatch(t -> t.id() == id);
        Document after = browser.page("/admin/tombstones");
        assertThat(after.select(".flash").text()).startsWith("Restored “" + AdminServer.SCRIPT_TITLE + "”")
                .contains("next import brings it back");
        assertThat(after.select("main script:not([src])")).isEmpty();

        List<AuditEntry> audit = server.catalog.editing().listAudit(TestAccounts.caller("ada", Role.ADMIN),
                new AuditQuery("tombstone", id, null, null, null, PageRequest.first(10))).items();
        assertThat(audit).singleElement().satisfies(e -> {
            assertThat(e.actor().label()).isEqualTo("account:eddie");
            assertThat(e.before()).contains("Night Train");
        });
        // Restored: the next import brings the movie back.
        server.catalog.tasks().runNow(io.freecast.catalog.domain.TaskName.IMPORT_MOVIES);
        assertThat(browser.page("/admin/movies?q=night+train").select("[data-testid=title-link]").eachText())
                .containsExactly(AdminServer.SCRIPT_TITLE);
    }

    @Test
    void aRestoreWithoutOrWithAWrongCsrfTokenIsRefusedAndChangesNothing() {
        long id = movieTombstone();
        browser.signIn("eddie", TestAccounts.PASSWORD);
        assertThat(browser.post("/admin/tombstones/" + id + "/restore", AdminClient.form()).statusCode()).isEqualTo(403);
        assertThat(browser.post("/admin/tombstones/" + id + "/restore", AdminClient.form("csrf", "forged")).statusCode())
                .isEqualTo(403);
        assertThat(tombstones()).anyMatch(t -> t.id() == id);
    }

    @Test
    void aViewersForgedRestoreIsRefusedAndChangesNothing() {
        long id = movieTombstone();
        browser.signIn("vera", TestAccounts.PASSWORD);
        HttpResponse<String> forged = browser.post("/admin/tombstones/" + id + "/restore",
                AdminClient.form("csrf", browser.csrf(), "label", HOSTILE));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(forged.body()).select("main img, script:not([src])")).isEmpty();
        assertThat(tombstones()).anyMatch(t -> t.id() == id);
    }

    @Test
    void restoringATombstoneThatIsGoneIsANotFound() {
        browser.signIn("eddie", TestAccounts.PASSWORD);
        String csrf = browser.csrf();
        assertThat(browser.post("/admin/tombstones/999999/restore", AdminClient.form("csrf", csrf)).statusCode()).isEqualTo(404);
        assertThat(browser.post("/admin/tombstones/abc/restore", AdminClient.form("csrf", csrf)).statusCode()).isEqualTo(400);
        assertThat(browser.post("/admin/tombstones/" + "9".repeat(40) + "/restore", AdminClient.form("csrf", csrf)).statusCode())
                .isEqualTo(400);
    }

    @Test
    void theMovieListFiltersByLockedFields() {
        browser.signIn("eddie", TestAccounts.PASSWORD);
        server.catalog.editing().changeMovie(TestAccounts.caller("eddie", Role.EDITOR), 3, Versioned.any(),
                io.freecast.catalog.port.in.MovieFields.NONE.withImdbRating(io.freecast.catalog.port.in.FieldEdit.set(8.0)));
        Document locked = browser.page("/admin/movies?filter=locked_fields");
        assertThat(locked.select("[data-testid=title-link]").eachText()).containsExactly(AdminServer.PLAIN_TITLE);
        assertThat(locked.select("input[name=filter][value=locked_fields]").attr("checked")).isNotNull();
        assertThat(locked.selectFirst("input[data-testid=filter-locked]").hasAttr("checked")).isTrue();
        assertThat(browser.page("/admin/movies").selectFirst("input[data-testid=filter-locked]").hasAttr("checked")).isFalse();
        assertThat(browser.page("/admin/movies?filter=locked_fields&filter=rating_unknown").select("[data-testid=title-link]"))
                .isEmpty();
        assertThat(browser.page("/admin/shows?filter=locked_fields").select("[data-testid=title-link]")).isEmpty();
        HttpResponse<String> unknown = browser.get("/admin/movies?filter=%3Cb%3Elocked%3C%2Fb%3E");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(unknown.body()).select("main b")).isEmpty();
    }
}
