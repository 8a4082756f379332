package io.freecast.catalog.http.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.domain.Actor;
import io.freecast.catalog.domain.Caller;
import io.freecast.catalog.domain.Channel;
import io.freecast.catalog.domain.MovieTree;
import io.freecast.catalog.domain.Scope;
import io.freecast.catalog.domain.ShowTree;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.domain.Versioned;
import io.freecast.catalog.jdbc.testing.HeldImport;
import io.freecast.catalog.port.in.FieldEdit;
import io.freecast.catalog.port.in.MovieFields;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin's forms against the real editing use-cases on a real SQLite catalog: saving, per-field
 * errors that keep what was typed, conflicts, sources, seasons and episodes, locks, deleting, the audit
 * trail — and hostile input in every field shown back as text.
 */
class AdminEditingIT {

    private static final String HOSTILE = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>";

    @TempDir
    Path dir;
    private AdminServer server;
    private AdminClient browser;

    @BeforeEach
    void start() {
        server = new AdminServer(dir, builder -> builder);
        browser = new AdminClient(server.server.baseUri());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private MovieTree movie(long id) {
        return server.catalog.queries().findMovie(id).orElseThrow();
    }

    /** The movie form's fields as the page filled them, with some changed. */
    private Map<String, String> movieForm(long id, String... changes) {
        Document page = browser.page("/admin/movies/" + id);
        Map<String, String> form = new java.util.LinkedHashMap<>();
        for (var input : page.select("form[data-testid=edit-form] input, form[data-testid=edit-form] textarea")) {
            form.put(input.attr("name"), input.tagName().equals("textarea") ? input.text() : input.val());
        }
        for (int i = 0; i + 1 < changes.length; i += 2) {
            form.put(changes[i], changes[i + 1]);
        }
        return form;
    }

    @Test
    void anEditorChangesATitleAndTheApiAndTheAuditShowIt() {
        browser.signIn("eddie", TestAccounts.PASSWORD);
        HttpResponse<String> saved = browser.post("/admin/movies/3", movieForm(3, "title", "The Silent Harbour"));
        assertThat(saved.statusCode()).isEqualTo(303);
        Document page = browser.page("/admin/movies/3");
        assertThat(page.select("[data-testid=item-title]").text()).isEqualTo("The Silent Harbour");
        assertThat(page.select(".flash").text()).isEqualTo("Saved.");
        assertThat(page.select("[data-testid=unlock-title]")).hasSize(1);
        assertThat(movie(3).movie().lockedFields()).containsExactly("title");
        assertThat(browser.get("/movies/3").body()).contains("\"title\":\"The Silent Harbour\"");

        browser.signIn("ada", TestAccounts.PASSWORD);
        Document audit = browser.page("/admin/audit?entity=movie&entity_id=3");
        assertThat(audit.select("table.audit tbody tr").text()).contains("account:eddie", "web", "title",
                AdminServer.PLAIN_TITLE, "The Silent Harbour");
        assertThat(audit.select("table.audit a[href=/admin/movies/3]")).isNotEmpty();
    }

    @Test
    void onlyTheFieldsChangedInTheFormAreSavedAndLocked() {
        browser.signIn("eddie", TestAccounts.PASSWORD);
        browser.post("/admin/movies/3", movieForm(3, "imdb_rating", "8.5"));
        assertThat(movie(3).movie().lockedFields()).containsExactly("imdb_rating");
        assertThat(movie(3).movie().imdbRating().value()).isEqualTo(8.5);
    }

    @Test
    void everyBrokenRuleIsShownNextToItsFieldKeepingWhatWasTyped() {
        browser.signIn("eddie", TestAccounts.PASSWORD);
        MovieTree before = movie(3);
        HttpResponse<String> response = browser.post("/admin/movies/3", movieForm(3, "title", " ",
                "imdb_rating", "11", "release_date", "2019-13-45", "image", "ftp://x", "release_year", "soon"));
        assertThat(response.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(response.body());
        for (String field : List.of("title", "imdb_rating", "release_date", "image", "release_year")) {
            assertThat(page.select("[data-testid=error-" + field + "]").text()).as(field).isNotBlank();
        }
        assertThat(page.select("input[name=imdb_rating]").val()).isEqualTo("11");
        assertThat(page.select("input[name=release_date]").val()).isEqualTo("2019-13-45");
        assertThat(movie(3)).isEqualTo(before);
    }

    @Test
    void aSaveWhileAnImportHoldsTheDatabaseIsRefusedAsBusyKeepingWhatWasTypedAndSavesOnceAgainAfter()
            throws Exception {
        browser.signIn("eddie", TestAccounts.PASSWORD); // signing in writes too: before the import holds the writer
        Map<String, String> form = movieForm(3, "title", "Typed during an import", "description", HOSTILE);
        MovieTree before = movie(3);
        HttpResponse<String> refused;
        // An import's transaction held open, its writes made: on SQLite it holds the one writer until it commits.
        try (HeldImport importing = HeldImport.start(server.store, List.of())) {
            refused = browser.post("/admin/movies/3", form);
            importing.commit();
        }

        assertThat(refused.statusCode()).isEqualTo(503);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.select(".form-error").text()).startsWith("not saved: the SQLite database is busy with a bulk "
                + "write (an import), for ").endsWith("; what you typed is kept below");
        assertThat(page.select("input[name=title]").val()).isEqualTo("Typed during an import");
        assertThat(page.select("textarea[name=description]").text()).isEqualTo(HOSTILE);
        assertThat(movie(3)).isEqualTo(before);
        // The kept form, sent again once the import has committed, saves.
        Map<String, String> kept = new java.util.LinkedHashMap<>(form);
        kept.put("version", page.select("input[name=version]").val());
        assertThat(browser.post("/admin/movies/3", kept).statusCode()).isEqualTo(303);
        assertThat(movie(3).movie().title()).isEqualTo("Typed during an import");
    }

    @Test
    void aStaleFormIsAConflictShowingBothVersionsAndSavesNothing() {
        browser.signIn("eddie", TestAccounts.PASSWORD);
        Map<String, String> form = movieForm(3, "title", "Mine");
        Caller other = new Caller(Actor.account(99, "olga", Channel.API), Scope.EDIT);
        server.catalog.editing().changeMovie(other, 3, Versioned.any(),
                MovieFields.NONE.withTitle(FieldEdit.set("Theirs")));
        HttpResponse<String> response = browser.post("/admin/movies/3", form);
        assertThat(response.statusCode()).isEqualTo(409);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("[data-testid=conflict]")).hasSize(1);
        assertThat(page.select("[data-testid=yours-title]").text()).isEqualTo("Mine");
        assertThat(page.select("[data-testid=theirs-title]").text()).isEqualTo("Theirs");
        assertThat(movie(3).movie().title()).isEqualTo("Theirs");
    }

    @Test
    void sourcesAreDeactivatedAddedAndRemovedInline() {
        browser.signIn("eddie", TestAccounts.PASSWORD);
        Source source = movie(1).sources().getFirst();
        Document page = browser.page("/admin/movies/1");
        var toggle = page.selectFirst("[data-testid=toggle-" + source.id() + "]").parent();
        HttpResponse<String> off = browser.post("/admin/sources/" + source.id() + "/active", Map.of(
                "csrf", toggle.select("input[name=csrf]").val(), "version", toggle.select("input[name=version]").val(),
                "active", "false", "back", "/movies/1"));
        assertThat(off.statusCode()).isEqualTo(303);
        assertThat(off.headers().firstValue("Location")).hasValue("/admin/movies/1");
        assertThat(movie(1).sources().getFirst().active()).isFalse();
        assertThat(browser.page("/admin/dead-links").select("tr[data-source=" + source.id() + "]")).hasSize(1);

        String csrf = browser.csrf();
        assertThat(browser.post("/admin/movies/1/sources", Map.of("csrf", csrf, "url", "https://cdn.example.com/new.m3u8",
                "provider", "Hand")).statusCode()).isEqualTo(303);
        assertThat(movie(1).sources()).extracting(Source::url).contains("https://cdn.example.com/new.m3u8");
        HttpResponse<String> bad = browser.post("/admin/movies/1/sources", Map.of("csrf", csrf, "url", "javascript:alert(1)"));
        assertThat(bad.statusCode()).isEqualTo(303);
        assertThat(browser.page("/admin/movies/1").select(".flash").text()).startsWith("Source not added");

        Source added = movie(1).sources().stream().filter(s -> s.url().endsWith("new.m3u8")).findFirst().orElseThrow();
        assertThat(browser.post("/admin/sources/" + added.id() + "/delete", Map.of("csrf", csrf,
                "version", Versions.of(added), "confirm", "yes")).statusCode()).isEqualTo(303);
        assertThat(movie(1).sources()).extracting(Source::id).doesNotContain(added.id());
    }

    @Test
    void aSeasonAndAnEpisodeWithItsSourceAreAddedToAShow() {
        browser.signIn("eddie", TestAccounts.PASSWORD);
        String csrf = browser.csrf();
        assertThat(browser.post("/admin/shows/1/seasons", Map.of("csrf", csrf, "number", "2", "description", "More"))
                .statusCode()).isEqualTo(303);
        ShowTree show = server.catalog.queries().findShow(1).orElseThrow();
        long seasonId = show.seasons().getLast().season().id();
        assertThat(browser.post("/admin/seasons/" + seasonId + "/episodes", Map.of("csrf", csrf, "number", "1",
                "title", "Return", "release_date", "2021-01-02", "source_url", "https://cdn.example.com/s2e1.m3u8"))
                .statusCode()).isEqualTo(303);
        show = server.catalog.queries().findShow(1).orElseThrow();
        var episode = show.seasons().getLast().episodes().getFirst();
        assertThat(episode.episode().title()).isEqualTo("Return");
        assertThat(episode.sources()).extracting(Source::url).containsExactly("https://cdn.example.com/s2e1.m3u8");
        assertThat(browser.page("/admin/shows/1").select(".flash").text()).isEqualTo("Episode 1 added.");
        // A duplicate number is refused with the reason, and nothing is added.
        browser.post("/admin/seasons/" + seasonId + "/episodes", Map.of("csrf", csrf, "number", "1"));
        assertThat(browser.page("/admin/shows/1").select(".flash").text()).startsWith("Episode not added");
        assertThat(server.catalog.queries().findShow(1).orElseThrow().seasons().getLast().episodes()).hasSize(1);
    }

    @Test
    void unlockingAFieldLetsImportsSetItAgain() {
        browser.signIn("eddie", TestAccounts.PASSWORD);
        browser.post("/admin/movies/3", movieForm(3, "title", "Mine"));
        String version = browser.page("/admin/movies/3").select("form[action$=/unlock/title] input[name=version]").val();
        assertThat(browser.post("/admin/movies/3/unlock/title", Map.of("csrf", browser.csrf(), "version", version))
                .statusCode()).isEqualTo(303);
        assertThat(movie(3).movie().lockedFields()).isEmpty();
    }

    @Test
    void deletingAsksFirstListsWhatGoesAndSaysATombstoneKeepsItAway() {
        browser.signIn("eddie", TestAccounts.PASSWORD);
        Document confirm = browser.page("/admin/movies/1/delete");
        assertThat(confirm.text()).contains("#", "tombstone");
        assertThat(confirm.select("ul.goes li")).hasSize(movie(1).sources().size());
        HttpResponse<String> deleted = browser.post("/admin/movies/1/delete", Map.of(
                "csrf", confirm.select("input[name=csrf]").val(), "version", confirm.select("input[name=version]").val(),
                "confirm", confirm.select("input[name=confirm]").val()));
        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(server.catalog.queries().findMovie(1)).isEmpty();
        assertThat(browser.get("/admin/movies/1").statusCode()).isEqualTo(404);
    }

    @Test
    void hostileInputInEveryFieldIsStoredAndShownAsText() {
        browser.signIn("eddie", TestAccounts.PASSWORD);
        browser.post("/admin/movies/3", movieForm(3, "title", HOSTILE, "description", HOSTILE));
        browser.post("/admin/movies/3/sources", Map.of("csrf", browser.csrf(), "url", "https://cdn.example.com/x.mp4",
                "provider", HOSTILE));
        browser.post("/admin/shows/1/seasons", Map.of("csrf", browser.csrf(), "number", "7", "description", HOSTILE));
        browser.signIn("ada", TestAccounts.PASSWORD);
        for (String path : List.of("/admin/movies/3", "/admin/movies?q=script", "/admin/shows/1", "/admin/audit")) {
            Document page = browser.page(path);
            assertThat(page.select("script:not([src]), img[onerror], [onerror]")).as(path).isEmpty();
            assertThat(page.text()).as(path).contains("<script>alert(1)</script>");
        }
        assertThat(browser.page("/admin/movies/3").select("[data-testid=item-title]").text()).isEqualTo(HOSTILE);
    }

    @Test
    void aViewersForgedEditIsRefusedAndChangesNothing() {
        browser.signIn("vera", TestAccounts.PASSWORD);
        MovieTree before = movie(3);
        HttpResponse<String> forged = browser.post("/admin/movies/3", Map.of("csrf", browser.csrf(),
                "version", Versions.of(before), "title", "Forged"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(browser.post("/admin/sources/1/active", Map.of("csrf", browser.csrf(), "active", "false"))
                .statusCode()).isEqualTo(403);
        assertThat(movie(3)).isEqualTo(before);
        assertThat(browser.page("/admin/shows/1").select("form[data-testid^=add-]")).isEmpty();
    }

    @Test
    void theAuditPageIsForAdminsAndFilters() {
        browser.signIn("eddie", TestAccounts.PASSWORD);
        browser.post("/admin/movies/3", movieForm(3, "title", "Edited"));
        assertThat(browser.get("/admin/audit").statusCode()).isEqualTo(403);
        browser.signIn("ada", TestAccounts.PASSWORD);
        assertThat(browser.page("/admin/audit?actor=account:eddie").select("table.audit tbody tr").text()).contains("Edited");
        assertThat(browser.page("/admin/audit?actor=account:nobody").select("td.empty")).hasSize(1);
        assertThat(browser.get("/admin/audit?from=yesterday").statusCode()).isEqualTo(400);
        assertThat(browser.get("/admin/audit?entity_id=x").statusCode()).isEqualTo(400);
    }
}
