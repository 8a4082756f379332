package io.freecast.catalog.http.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.domain.Actor;
import io.freecast.catalog.domain.Caller;
import io.freecast.catalog.domain.Channel;
import io.freecast.catalog.domain.EpisodeTree;
import io.freecast.catalog.domain.ItemKind;
import io.freecast.catalog.domain.LinkState;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.Scope;
import io.freecast.catalog.domain.SeasonTree;
import io.freecast.catalog.domain.ShowTree;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.domain.SourceOwner;
import io.freecast.catalog.domain.SourceType;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TombstoneQuery;
import io.freecast.catalog.domain.Versioned;
import io.freecast.catalog.port.in.EpisodeFields;
import io.freecast.catalog.port.in.FieldEdit;
import io.freecast.catalog.port.in.SeasonFields;
import io.freecast.catalog.port.in.SourceFields;
import io.freecast.catalog.port.out.SourceRepository.SourceCheck;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin's pages for a show's and a movie's children, against the real use-cases on a real SQLite catalog:
 * "check now" on a dead link (a real link check of a loopback server), a source changed inline, seasons and
 * episodes edited, and every delete through its confirmation page — each with its errors, conflicts, CSRF,
 * a viewer's refusal, and hostile input shown as text.
 */
class AdminChildEditingIT {

    private static final String HOSTILE = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>";
    private static final Caller OLGA = new Caller(Actor.account(99, "olga", Channel.API), Scope.EDIT);

    @TempDir
    Path dir;
    private AdminServer server;
    private AdminClient browser;
    private LinkTargets targets;

    @BeforeEach
    void start() {
        server = new AdminServer(dir, builder -> builder);
        browser = new AdminClient(server.server.baseUri());
        targets = new LinkTargets();
    }

    @AfterEach
    void stop() {
        targets.close();
        server.close();
    }

    private ShowTree show() {
        return server.catalog.queries().findShow(1).orElseThrow();
    }

    private Source source(long id) {
        return server.catalog.editing().findSource(id).orElseThrow();
    }

    /** A source on movie 3 pointing at the loopback server, failing twice already (still active): a dead link. */
    private Source failingSource(String path) {
        Source source = server.catalog.editing().createSource(OLGA, new SourceOwner.OfMovie(3),
                new SourceFields(FieldEdit.set(targets.url(path)), null, FieldEdit.set("Loop"), null));
        server.store.ports().sources().saveChecks(List.of(new SourceCheck(source.id(), true,
                new LinkState(Instant.parse("2026-12-01T06:00:00Z"), 503, 2, "server error: 503"))));
        return source(source.id());
    }

    /** The fields of a form on a page, as a browser would send them, with some changed. */
    private static Map<String, String> fields(Element form, String... changes) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Element input : form.select("input[name], textarea[name], select[name]")) {
            String value = switch (input.tagName()) {
                case "textarea" -> input.text();
                case "select" -> input.select("option[selected]").isEmpty() ? input.select("option").first().val()
                        : input.select("option[selected]").first().val();
                default -> input.val();
            };
            values.put(input.attr("name"), value);
        }
        for (int i = 0; i + 1 < changes.length; i += 2) {
            values.put(changes[i], changes[i + 1]);
        }
        return values;
    }

    private Element form(String path, String selector) {
        Element form = browser.page(path).selectFirst(selector);
        assertThat(form).as(selector + " on " + path).isNotNull();
        return form;
    }

    // ---- check now

    @Test
    void checkNowRecordsWhatTheLinkAnswersOnTheDeadLinksPageAndInTheAudit() {
        Source gone = failingSource("/gone.mp4");
        browser.signIn("eddie", TestAccounts.PASSWORD);
        Element check = form("/admin/dead-links", "form[action=/admin/sources/" + gone.id() + "/check]");

        HttpResponse<String> checked = browser.post("/admin/sources/" + gone.id() + "/check", fields(check));

        assertThat(checked.statusCode()).isEqualTo(303);
        assertThat(checked.headers().firstValue("Location")).hasValue("/admin/dead-links");
        assertThat(targets.requests.get()).isPositive();
        Source after = source(gone.id());
        assertThat(after.active()).isFalse();
        assertThat(after.check().lastStatus()).isEqualTo(404);
        assertThat(after.check().lastError()).isEqualTo("HTTP 404: the link is gone");
        Document page = browser.page("/admin/dead-links");
        assertThat(page.select(".flash").text()).contains("Source " + gone.id() + " checked", "HTTP 404", "inactive");
        Element row = page.selectFirst("tr[data-source=" + gone.id() + "]");
        assertThat(row.select(".badge").text()).isEqualTo("inactive");
        assertThat(row.select("td.num").eachText()).contains("404");

        browser.signIn("ada", TestAccounts.PASSWORD);
        Document auditPage = browser.page("/admin/audit?entity=source&entity_id=" + gone.id());
        assertThat(auditPage.select("table.audit tbody").text()).contains("account:eddie", "web", "last_status", "404",
                "is_active");
        assertThat(auditPage.select("table.audit a[href=/admin/sources/" + gone.id() + "]")).as("links to the source")
                .isNotEmpty();
    }

    @Test
    void checkNowBeyondThirtyAMinuteSaysWhenToComeBackAndProbesNothing() {
        Source gone = failingSource("/gone.mp4");
        browser.signIn("eddie", TestAccounts.PASSWORD);
        Element check = form("/admin/dead-links", "form[action=/admin/sources/" + gone.id() + "/check]");
        for (int i = 0; i < 30; i++) {
            browser.post("/admin/sources/" + gone.id() + "/check", fields(check));
        }
        int probed = targets.requests.get();

        HttpResponse<String> refused = browser.post("/admin/sources/" + gone.id() + "/check", fields(check));

        assertThat(refused.statusCode()).isEqualTo(303);
        assertThat(targets.requests.get()).isEqualTo(probed);
        assertThat(browser.page("/admin/dead-links").select(".flash").text())
                .contains("Not checked: more than 30 links checked by hand in a minute; try again in");
    }

    @Test
    void aDeadLinkThatAnswersAgainLeavesTheDeadLinksPage() {
        Source revived = failingSource("/ok.mp4");
        browser.signIn("ada", TestAccounts.PASSWORD);
        Element check = form("/admin/dead-links", "form[action=/admin/sources/" + revived.id() + "/check]");

        browser.post("/admin/sources/" + revived.id() + "/check", fields(check));

        assertThat(source(revived.id()).check()).satisfies(c -> {
            assertThat(c.lastStatus()).isEqualTo(200);
            assertThat(c.consecutiveFailures()).isZero();
            assertThat(c.lastError()).isNull();
        });
        Document page = browser.page("/admin/dead-links");
        assertThat(page.select(".flash").text()).contains("HTTP 200", "active");
        assertThat(page.select("tr[data-source=" + revived.id() + "]")).isEmpty();
    }

    @Test
    void checkNowWithoutOrWithAWrongTokenOrByAViewerIsRefusedAndProbesNothing() {
        Source gone = failingSource("/gone.mp4");
        browser.signIn("eddie", TestAccounts.PASSWORD);
        assertThat(browser.post("/admin/sources/" + gone.id() + "/check", Map.of()).statusCode()).isEqualTo(403);
        assertThat(browser.post("/admin/sources/" + gone.id() + "/check", Map.of("csrf", "x".repeat(43)))
                .statusCode()).isEqualTo(403);

        browser.signIn("vera", TestAccounts.PASSWORD);
        Document page = browser.page("/admin/dead-links");
        assertThat(page.select("form[action$=/check], [data-testid^=check-]")).isEmpty();
        HttpResponse<String> forged = browser.post("/admin/sources/" + gone.id() + "/check", Map.of("csrf", browser.csrf()));
        assertThat(forged.statusCode()).isEqualTo(403);

        assertThat(targets.requests.get()).isZero();
        assertThat(source(gone.id())).isEqualTo(gone);
        assertThat(browser.post("/admin/sources/999999/check", Map.of("csrf", browser.csrf())).statusCode())
                .isEqualTo(403);
        browser.signIn("eddie", TestAccounts.PASSWORD);
        assertThat(browser.post("/admin/sources/999999/check", Map.of("csrf", browser.csrf())).statusCode())
                .isEqualTo(404);
        assertThat(browser.post("/admin/sources/x/check", Map.of("csrf", browser.csrf())).statusCode()).isEqualTo(400);
    }

    // ---- a source changed inline

    @Test
    void aSourcesUrlTypeAndProviderAreChangedInlineOnItsMoviesPage() {
        browser.signIn("eddie", TestAccounts.PASSWORD);
        Source source = server.catalog.queries().findMovie(1).orElseThrow().sources().getFirst();
        Element form = form("/admin/movies/1", "form[data-testid=source-form-" + source.id() + "]");

        HttpResponse<String> saved = browser.post("/admin/sources/" + source.id(), fields(form,
                "url", "https://cdn.example.com/moved.mp4", "source_type", "direct", "provider", "By hand"));

        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location")).hasValue("/admin/movies/1");
        Source after = source(source.id());
        assertThat(after.url()).isEqualTo("https://cdn.example.com/moved.mp4");
        assertThat(source.type()).as("a .m3u8 from the feed").isEqualTo(SourceType.PLAYLIST);
        assertThat(after.type()).isEqualTo(SourceType.DIRECT);
        assertThat(after.provider()).isEqualTo("By hand");
        assertThat(after.lockedFields()).contains("source_type", "provider");
        assertThat(browser.page("/admin/movies/1").select(".flash").text()).isEqualTo("Source " + source.id() + " saved.");
    }

    @Test
    void anEpisodesSourceIsChangedInlineOnItsShowsPageAndOnlyTheChangedFieldIsLocked() {
        browser.signIn("eddie", TestAccounts.PASSWORD);
        Source source = show().seasons().getFirst().episodes().getFirst().sources().getFirst();
        Element form = form("/admin/shows/1", "form[data-testid=source-form-" + source.id() + "]");

        HttpResponse<String> saved = browser.post("/admin/sources/" + source.id(), fields(form, "provider", "Tubi"));

        assertThat(saved.headers().firstValue("Location")).hasValue("/admin/shows/1");
        assertThat(source(source.id()).provider()).isEqualTo("Tubi");
        assertThat(source(source.id()).lockedFields()).containsExactly("provider");
    }

    @Test
    void aBrokenInlineSourceEditReopensItsRowOnTheOwnersPageWithEachErrorNextToItsFieldAndSavesNothing() {
        browser.signIn("eddie", TestAccounts.PASSWORD);
        Source source = server.catalog.queries().findMovie(1).orElseThrow().sources().getFirst();
        String selector = "form[data-testid=source-form-" + source.id() + "]";
        Element form = form("/admin/movies/1", selector);

        HttpResponse<String> refused = browser.post("/admin/sources/" + source.id(), fields(form,
                "url", "javascript:alert(1)", "source_type", HOSTILE, "provider", "x".repeat(300)));

        assertThat(refused.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.select("[data-testid=item-title]").text()).as("the movie's own page").isEqualTo(AdminServer.SCRIPT_TITLE);
        Element row = page.selectFirst(selector);
        assertThat(row.parent().hasAttr("open")).as("the row's form is open").isTrue();
        for (String field : List.of("url", "source_type", "provider")) {
            assertThat(row.select("[data-testid=error-" + field + "]").text()).as(field).isNotBlank();
        }
        assertThat(row.select("input[name=url]").val()).isEqualTo("javascript:alert(1)");
        assertThat(row.select("select[name=source_type] option[selected]").val()).isEqualTo(HOSTILE);
        assertThat(row.select("input[name=provider]").val()).isEqualTo("x".repeat(300));
        assertThat(row.select("input[name=back]").val()).isEqualTo("/movies/1");
        assertThat(page.select("details.source-edit[open]")).as("only that row").hasSize(1);
        assertThat(page.select("script:not([src]), img[onerror], [onerror]")).isEmpty();
        assertThat(source(source.id())).isEqualTo(source);
    }

    @Test
    void aBrokenSourceEditFromAnEpisodesPageOrTheSourcesOwnPageStaysThere() {
        browser.signIn("eddie", TestAccounts.PASSWORD);
        EpisodeTree episode = show().seasons().getFirst().episodes().getFirst();
        Source source = episode.sources().getFirst();
        String selector = "form[data-testid=source-form-" + source.id() + "]";
        Element inline = form("/admin/episodes/" + episode.episode().id(), selector);
        HttpResponse<String> onEpisode = browser.post("/admin/sources/" + source.id(), fields(inline, "url", "ftp://x"));
        assertThat(onEpisode.statusCode()).isEqualTo(422);
        Element row = Jsoup.parse(onEpisode.body()).selectFirst(selector);
        assertThat(row.select("[data-testid=error-url]").text()).isNotBlank();
        assertThat(row.select("input[name=url]").val()).isEqualTo("ftp://x");

        Element own = form("/admin/sources/" + source.id(), "form[data-testid=source-form]");
        HttpResponse<String> onItsPage = browser.post("/admin/sources/" + source.id(), fields(own, "url", " "));
        assertThat(onItsPage.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(onItsPage.body());
        assertThat(page.select("form[data-testid=source-form] [data-testid=error-url]").text()).isNotBlank();
        assertThat(page.select("form[data-testid=source-form] input[name=back]").val()).isEqualTo("/sources/" + source.id());
        assertThat(source(source.id())).isEqualTo(source);
    }

    @Test
    void aStaleSourceEditIsAConflictShowingBothVersionsAndSavesNothing() {
        browser.signIn("eddie", TestAccounts.PASSWORD);
        Source source = server.catalog.queries().findMovie(1).orElseThrow().sources().getFirst();
        Element form = form("/admin/movies/1", "form[data-testid=source-form-" + source.id() + "]");
        server.catalog.editing().changeSource(OLGA, source.id(), Versioned.any(),
                SourceFields.NONE.withProvider(FieldEdit.set("Olga's")));

        HttpResponse<String> stale = browser.post("/admin/sources/" + source.id(), fields(form, "provider", "Eddie's"));

        assertThat(stale.statusCode()).isEqualTo(409);
        Document page = Jsoup.parse(stale.body());
        assertThat(page.select("[data-testid=yours-provider]").text()).isEqualTo("Eddie's");
        assertThat(page.select("[data-testid=theirs-provider]").text()).isEqualTo("Olga's");
        assertThat(source(source.id()).provider()).isEqualTo("Olga's");
    }

    // ---- seasons and episodes

    @Test
    void aSeasonIsEditedFromItsShowsPageAndABrokenOrDuplicateNumberIsShownNextToTheField() {
        browser.signIn("eddie", TestAccounts.PASSWORD);
        long seasonId = show().seasons().getFirst().season().id();
        Document showPage = browser.page("/admin/shows/1");
        assertThat(showPage.select("a[data-testid=edit-season-1]").attr("href")).isEqualTo("/admin/seasons/" + seasonId);
        server.catalog.editing().createSeason(OLGA, 1, new SeasonFields(FieldEdit.set(2), null));

        Element form = form("/admin/seasons/" + seasonId, "form[data-testid=edit-form]");
        HttpResponse<String> broken = browser.post("/admin/seasons/" + seasonId, fields(form, "number", "first"));
        assertThat(broken.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(broken.body()).select("[data-testid=error-number]").text()).isNotBlank();
        assertThat(Jsoup.parse(broken.body()).select("input[name=number]").val()).isEqualTo("first");
        HttpResponse<String> taken = browser.post("/admin/seasons/" + seasonId, fields(form, "number", "2"));
        assertThat(taken.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(taken.body()).select("[data-testid=error-number]").text()).contains("already");

        HttpResponse<String> saved = browser.post("/admin/seasons/" + seasonId, fields(form, "number", "3",
                "description", "The first, renumbered"));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location")).hasValue("/admin/shows/1");
        SeasonTree season = server.catalog.editing().findSeason(seasonId).orElseThrow();
        assertThat(season.season().number()).isEqualTo(3);
        assertThat(season.season().description()).isEqualTo("The first, renumbered");
        assertThat(browser.page("/admin/shows/1").select(".flash").text()).isEqualTo("Season 3 saved.");
    }

    @Test
    void anEpisodeIsEditedAndAStaleFormIsAConflictShowingBothVersions() {
        browser.signIn("eddie", TestAccounts.PASSWORD);
        EpisodeTree episode = show().seasons().getFirst().episodes().getFirst();
        long id = episode.episode().id();
        assertThat(browser.page("/admin/shows/1").select("a[data-testid=edit-episode-" + id + "]").attr("href"))
                .isEqualTo("/admin/episodes/" + id);
        Element form = form("/admin/episodes/" + id, "form[data-testid=edit-form]");

        HttpResponse<String> broken = browser.post("/admin/episodes/" + id, fields(form, "release_date", "2019-02-30",
                "number", "-1"));
        assertThat(broken.statusCode()).isEqualTo(422);
        Document errors = Jsoup.parse(broken.body());
        assertThat(errors.select("[data-testid=error-release_date]").text()).isNotBlank();
        assertThat(errors.select("[data-testid=error-number]").text()).isNotBlank();
        assertThat(errors.select("input[name=release_date]").val()).isEqualTo("2019-02-30");

        HttpResponse<String> saved = browser.post("/admin/episodes/" + id, fields(form, "title", "Pilot",
                "release_date", "2019-02-28", "description", "Where it starts"));
        assertThat(saved.statusCode()).isEqualTo(303);
        EpisodeTree after = server.catalog.editing().findEpisode(id).orElseThrow();
        assertThat(after.episode().title()).isEqualTo("Pilot");
        assertThat(after.episode().releaseDate()).hasToString("2019-02-28");
        assertThat(after.episode().lockedFields()).containsExactly("description", "release_date", "title");

        // The form above is now stale: someone saved after it was filled.
        HttpResponse<String> stale = browser.post("/admin/episodes/" + id, fields(form, "title", "Mine"));
        assertThat(stale.statusCode()).isEqualTo(409);
        Document conflict = Jsoup.parse(stale.body());
        assertThat(conflict.select("[data-testid=yours-title]").text()).isEqualTo("Mine");
        assertThat(conflict.select("[data-testid=theirs-title]").text()).isEqualTo("Pilot");
        assertThat(server.catalog.editing().findEpisode(id).orElseThrow().episode().title()).isEqualTo("Pilot");
    }

    @Test
    void anEpisodesPageAddsASourceAndALockedFieldOfAShowIsUnlocked() {
        browser.signIn("eddie", TestAccounts.PASSWORD);
        long id = show().seasons().getFirst().episodes().getFirst().episode().id();
        Element add = form("/admin/episodes/" + id, "form[data-testid=add-source]");
        HttpResponse<String> added = browser.post("/admin/episodes/" + id + "/sources", fields(add,
                "url", "https://cdn.example.com/s1e1-b.mp4"));
        assertThat(added.headers().firstValue("Location")).hasValue("/admin/episodes/" + id);
        assertThat(server.catalog.editing().findEpisode(id).orElseThrow().sources()).extracting(Source::url)
                .contains("https://cdn.example.com/s1e1-b.mp4");

        Element showForm = form("/admin/shows/1", "form[data-testid=edit-form]");
        browser.post("/admin/shows/1", fields(showForm, "title", "Renamed"));
        assertThat(show().show().lockedFields()).containsExactly("title");
        Element unlock = form("/admin/shows/1", "form[action=/admin/shows/1/unlock/title]");
        assertThat(browser.post("/admin/shows/1/unlock/title", fields(unlock)).statusCode()).isEqualTo(303);
        assertThat(show().show().lockedFields()).isEmpty();
    }

    // ---- deleting, after a confirmation

    @Test
    void deletingAFeedsSeasonListsWhatGoesSaysATombstoneKeepsItAwayAndAnImportDoesNotBringItBack() {
        browser.signIn("eddie", TestAccounts.PASSWORD);
        SeasonTree season = show().seasons().getFirst();
        Document confirm = browser.page("/admin/seasons/" + season.season().id() + "/delete");
        assertThat(confirm.select("h1").text()).contains("Delete season 1 of", AdminServer.SHOW_TITLE);
        assertThat(confirm.select("[data-testid=goes-episodes]").text()).isEqualTo("1 episodes");
        assertThat(confirm.select("[data-testid=goes-sources]").text()).isEqualTo("1 sources");
        assertThat(confirm.select("ul.goes li").eachText()).contains("S1E1 <svg onload=alert(1)>");
        assertThat(confirm.select("[data-testid=tombstone]").text()).contains("tombstone will keep the next import");
        assertThat(confirm.select("svg, [onload]")).isEmpty();

        deleteThrough(confirm, "/admin/seasons/" + season.season().id() + "/delete", "/admin/shows/1");

        assertThat(show().seasons()).isEmpty();
        assertThat(server.catalog.editing().listTombstones(TestAccounts.caller("ada", io.freecast.catalog.domain.Role.ADMIN),
                new TombstoneQuery(ItemKind.SEASON, PageRequest.firstPage())).items()).hasSize(1);
        server.catalog.tasks().runNow(TaskName.IMPORT_SHOWS);
        awaitTasks();
        assertThat(show().seasons()).as("the tombstone keeps the feed's season away").isEmpty();
    }

    @Test
    void deletingAShowListsItsSeasonsEpisodesAndSourcesWithCounts() {
        browser.signIn("eddie", TestAccounts.PASSWORD);
        Document confirm = browser.page("/admin/shows/1/delete");
        assertThat(confirm.select("[data-testid=goes-seasons]").text()).isEqualTo("1 seasons");
        assertThat(confirm.select("[data-testid=goes-episodes]").text()).isEqualTo("1 episodes");
        assertThat(confirm.select("[data-testid=goes-sources]").text()).isEqualTo("1 sources");
        assertThat(confirm.select("ul.goes li").eachText()).contains("Season 1 (1 episodes)");
        assertThat(confirm.select("[data-testid=tombstone]")).hasSize(1);

        deleteThrough(confirm, "/admin/shows/1/delete", "/admin/shows");

        assertThat(server.catalog.queries().findShow(1)).isEmpty();
    }

    @Test
    void deletingAnEpisodeOrASourceAddedByHandSaysNoTombstoneIsLeft() {
        SeasonTree season = server.catalog.editing().createSeason(OLGA, 1, new SeasonFields(FieldEdit.set(5), null));
        EpisodeTree episode = server.catalog.editing().createEpisode(OLGA, season.season().id(),
                new EpisodeFields(FieldEdit.set(1), FieldEdit.set("By hand"), null, null));
        Source source = server.catalog.editing().createSource(OLGA, new SourceOwner.OfEpisode(episode.episode().id()),
                new SourceFields(FieldEdit.set("https://cdn.example.com/hand.mp4"), null, null, null));
        browser.signIn("eddie", TestAccounts.PASSWORD);

        Document sourceConfirm = browser.page("/admin/sources/" + source.id() + "/delete");
        assertThat(sourceConfirm.select("[data-testid=no-tombstone]")).hasSize(1);
        assertThat(sourceConfirm.text()).contains("nothing else goes with it");
        deleteThrough(sourceConfirm, "/admin/sources/" + source.id() + "/delete", "/admin/shows/1");
        assertThat(server.catalog.editing().findSource(source.id())).isEmpty();

        Document episodeConfirm = browser.page("/admin/episodes/" + episode.episode().id() + "/delete");
        assertThat(episodeConfirm.select("[data-testid=no-tombstone]")).hasSize(1);
        deleteThrough(episodeConfirm, "/admin/episodes/" + episode.episode().id() + "/delete", "/admin/shows/1");
        assertThat(server.catalog.editing().findEpisode(episode.episode().id())).isEmpty();
    }

    @Test
    void aDeleteWithoutTheConfirmationOrItsTokenOrByAViewerChangesNothing() {
        browser.signIn("eddie", TestAccounts.PASSWORD);
        long seasonId = show().seasons().getFirst().season().id();
        Element form = form("/admin/seasons/" + seasonId + "/delete", "form[action$=/delete]");
        Map<String, String> confirmed = fields(form);
        assertThat(confirmed).containsEntry("confirm", "yes");

        for (String path : List.of("/admin/shows/1/delete", "/admin/seasons/" + seasonId + "/delete",
                "/admin/movies/1/delete", "/admin/sources/1/delete")) {
            Map<String, String> unconfirmed = new LinkedHashMap<>(confirmed);
            unconfirmed.remove("confirm");
            HttpResponse<String> notConfirmed = browser.post(path, unconfirmed);
            assertThat(notConfirmed.statusCode()).as(path).isEqualTo(303);
            assertThat(notConfirmed.headers().firstValue("Location")).as(path).hasValue(path);
            unconfirmed.put("confirm", "YES please");
            assertThat(browser.post(path, unconfirmed).headers().firstValue("Location")).as(path).hasValue(path);
        }
        Map<String, String> noToken = new LinkedHashMap<>(confirmed);
        noToken.remove("csrf");
        assertThat(browser.post("/admin/seasons/" + seasonId + "/delete", noToken).statusCode()).isEqualTo(403);
        Map<String, String> wrongToken = new LinkedHashMap<>(confirmed);
        wrongToken.put("csrf", "A".repeat(43));
        assertThat(browser.post("/admin/seasons/" + seasonId + "/delete", wrongToken).statusCode()).isEqualTo(403);

        browser.signIn("vera", TestAccounts.PASSWORD);
        Document viewersPage = browser.page("/admin/seasons/" + seasonId + "/delete");
        assertThat(viewersPage.select("form[action$=/delete], [data-testid=confirm-delete]")).isEmpty();
        assertThat(browser.page("/admin/shows/1").select("[data-testid^=delete], [data-testid^=edit-source]")).isEmpty();
        Map<String, String> forged = new LinkedHashMap<>(confirmed);
        forged.put("csrf", browser.csrf());
        assertThat(browser.post("/admin/seasons/" + seasonId + "/delete", forged).statusCode()).isEqualTo(403);

        assertThat(show().seasons()).hasSize(1);
        assertThat(server.catalog.queries().findShow(1)).isPresent();
        assertThat(server.catalog.queries().findMovie(1)).isPresent();
        assertThat(server.catalog.editing().findSource(1)).isPresent();
    }

    @Test
    void aViewerSeesSeasonEpisodeAndSourcePagesWithoutControlsAndItsForgedEditsAreRefused() {
        browser.signIn("vera", TestAccounts.PASSWORD);
        SeasonTree season = show().seasons().getFirst();
        EpisodeTree episode = season.episodes().getFirst();
        Source source = episode.sources().getFirst();
        for (String path : List.of("/admin/seasons/" + season.season().id(), "/admin/episodes/" + episode.episode().id(),
                "/admin/sources/" + source.id())) {
            Document page = browser.page(path);
            assertThat(page.select("[data-testid=save], [data-testid=delete], form[data-testid=add-source]")).as(path).isEmpty();
            assertThat(page.select("input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled])")).as(path).isEmpty();
            HttpResponse<String> forged = browser.post(path, Map.of("csrf", browser.csrf(), "number", "9", "title", "x",
                    "url", "https://cdn.example.com/forged.mp4"));
            assertThat(forged.statusCode()).as(path).isEqualTo(403);
        }
        assertThat(show()).isEqualTo(showBefore(season, episode, source));
    }

    private ShowTree showBefore(SeasonTree season, EpisodeTree episode, Source source) {
        ShowTree now = show();
        assertThat(now.seasons().getFirst().season()).isEqualTo(season.season());
        assertThat(now.seasons().getFirst().episodes().getFirst().episode()).isEqualTo(episode.episode());
        assertThat(source(source.id())).isEqualTo(source);
        return now;
    }

    // ---- hostile input

    @Test
    void hostileInputInEveryNewFieldIsStoredAndShownAsText() {
        browser.signIn("eddie", TestAccounts.PASSWORD);
        SeasonTree season = show().seasons().getFirst();
        long seasonId = season.season().id();
        long episodeId = season.episodes().getFirst().episode().id();
        Source source = season.episodes().getFirst().sources().getFirst();
        browser.post("/admin/seasons/" + seasonId, fields(form("/admin/seasons/" + seasonId, "form[data-testid=edit-form]"),
                "description", HOSTILE));
        browser.post("/admin/episodes/" + episodeId, fields(form("/admin/episodes/" + episodeId,
                "form[data-testid=edit-form]"), "title", HOSTILE, "description", HOSTILE));
        browser.post("/admin/sources/" + source.id(), fields(form("/admin/shows/1",
                "form[data-testid=source-form-" + source.id() + "]"), "provider", HOSTILE,
                "url", "https://cdn.example.com/x.mp4?q=%3Cscript%3E"));
        assertThat(server.catalog.editing().findEpisode(episodeId).orElseThrow().episode().title()).isEqualTo(HOSTILE);
        assertThat(source(source.id()).provider()).isEqualTo(HOSTILE);

        browser.signIn("ada", TestAccounts.PASSWORD);
        for (String path : List.of("/admin/shows/1", "/admin/seasons/" + seasonId, "/admin/episodes/" + episodeId,
                "/admin/shows/1/delete", "/admin/seasons/" + seasonId + "/delete",
                "/admin/episodes/" + episodeId + "/delete", "/admin/audit")) {
            Document page = browser.page(path);
            assertThat(page.select("script:not([src]), img[onerror], [onerror], svg, [onload]")).as(path).isEmpty();
            assertThat(page.text()).as(path).contains("<script>alert(1)</script>");
        }
        assertThat(browser.page("/admin/episodes/" + episodeId).select("input[name=title]").val()).isEqualTo(HOSTILE);
        assertThat(browser.page("/admin/sources/" + source.id() + "/delete")
                .select("script:not([src]), img[onerror], [onerror]")).isEmpty();
        Document sourcePage = browser.page("/admin/sources/" + source.id());
        assertThat(sourcePage.select("script:not([src]), img[onerror], [onerror]")).isEmpty();
        assertThat(sourcePage.select("input[name=provider]").val()).isEqualTo(HOSTILE);
    }

    @Test
    void hostileNumbersAndReturnPathsAreRefusedOrIgnoredAndShownAsText() {
        browser.signIn("eddie", TestAccounts.PASSWORD);
        long seasonId = show().seasons().getFirst().season().id();
        long episodeId = show().seasons().getFirst().episodes().getFirst().episode().id();
        for (String path : List.of("/admin/seasons/" + seasonId, "/admin/episodes/" + episodeId)) {
            HttpResponse<String> refused = browser.post(path, fields(form(path, "form[data-testid=edit-form]"),
                    "number", HOSTILE));
            assertThat(refused.statusCode()).as(path).isEqualTo(422);
            Document page = Jsoup.parse(refused.body());
            assertThat(page.select("input[name=number]").val()).as(path).isEqualTo(HOSTILE);
            assertThat(page.select("[data-testid=error-number]").text()).as(path).isNotBlank();
            assertThat(page.select("script:not([src]), img[onerror], [onerror]")).as(path).isEmpty();
        }
        // A return path is one of the admin's own pages, or the default: never another site, never script.
        Source gone = failingSource("/gone.mp4");
        for (String back : List.of("//evil.example/x", "https://evil.example/", "javascript:alert(1)", "/dead-links/../x",
                "/movies/1?x=<script>", HOSTILE)) {
            HttpResponse<String> checked = browser.post("/admin/sources/" + gone.id() + "/check",
                    Map.of("csrf", browser.csrf(), "back", back));
            assertThat(checked.headers().firstValue("Location")).as(back).hasValue("/admin/dead-links");
        }
        Source source = server.catalog.queries().findMovie(1).orElseThrow().sources().getFirst();
        HttpResponse<String> saved = browser.post("/admin/sources/" + source.id(), fields(form("/admin/movies/1",
                "form[data-testid=source-form-" + source.id() + "]"), "back", "//evil.example/", "provider", "P"));
        assertThat(saved.headers().firstValue("Location")).hasValue("/admin/movies/1");
    }

    private void deleteThrough(Document confirm, String action, String then) {
        Element form = confirm.selectFirst("form[action=" + action + "]");
        assertThat(form).as("the confirmation's form").isNotNull();
        HttpResponse<String> deleted = browser.post(action, fields(form));
        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(deleted.headers().firstValue("Location")).hasValue(then);
        assertThat(browser.page(then).select(".flash").text()).startsWith("Deleted");
    }

    private void awaitTasks() {
        try {
            server.catalog.tasks().awaitIdle(java.time.Duration.ofSeconds(20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
