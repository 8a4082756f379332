package io.freecast.catalog.http.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.domain.TaskName;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every admin page and form over a real server and a real SQLite catalog imported from a hostile feed,
 * read as HTML: what is shown, what is refused, and that no stored markup ever becomes markup.
 */
class AdminPagesIT {

    @TempDir
    Path dir;
    private AdminServer server;
    private AdminClient browser;

    @BeforeEach
    void start() {
        server = new AdminServer(dir, builder -> builder.trustProxy("127.0.0.2"));
        browser = new AdminClient(server.server.baseUri());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theRootLinksToTheAdminAndTheApiDocuments() {
        Document root = browser.page("/");
        assertThat(root.select("a").eachAttr("href")).contains("/admin/", "/docs", "/openapi.json");
    }

    @Test
    void everyPageButSignInSendsAStrangerToSignIn() {
        for (String path : List.of("/admin/", "/admin/movies", "/admin/shows/1", "/admin/dead-links", "/admin/tasks",
                "/admin/runs/1", "/admin/audit")) {
            HttpResponse<String> response = browser.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(303);
            assertThat(response.headers().firstValue("Location").orElseThrow()).startsWith("/admin/sign-in?next=");
        }
        assertThat(browser.get("/admin/sign-in").statusCode()).isEqualTo(200);
    }

    @Test
    void signingInSetsAStrictHttpOnlyCookieAndAWrongPasswordSaysNothingAboutTheAccount() {
        HttpResponse<String> unknown = browser.signIn("nobody", "whatever");
        HttpResponse<String> wrong = browser.signIn("ada", "wrong password");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(text(unknown, ".form-error")).isEqualTo(text(wrong, ".form-error"));
        assertThat(wrong.body()).doesNotContain("wrong password");

        HttpResponse<String> ok = browser.signIn("ada", TestAccounts.PASSWORD);
        assertThat(ok.statusCode()).isEqualTo(303);
        String cookie = ok.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Strict", "Path=/admin").doesNotContain("Secure");
        assertThat(browser.page("/admin/").select("[data-testid=user]").text()).isEqualTo("ada");
    }

    @Test
    void theCookieIsSecureOnlyWhenTheTrustedProxySaysHttps() {
        // From 127.0.0.1, which is not the trusted proxy: the header is ignored.
        HttpResponse<String> untrusted = browser.post("/admin/sign-in",
                AdminClient.form("name", "ada", "password", TestAccounts.PASSWORD), "X-Forwarded-Proto", "https");
        assertThat(untrusted.headers().firstValue("Set-Cookie").orElseThrow()).doesNotContain("Secure");
    }

    @Test
    void repeatedFailuresAreThrottled() {
        for (int i = 0; i < 5; i++) {
            browser.signIn("eddie", "nope " + i);
        }
        HttpResponse<String> throttled = browser.signIn("eddie", TestAccounts.PASSWORD);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(text(throttled, ".form-error")).contains("Too many failed attempts");
    }

    @Test
    void markupInStoredTitlesIsShownAsTextOnEveryPage() {
        browser.signIn("ada", TestAccounts.PASSWORD);
        Document list = browser.page("/admin/movies");
        assertThat(list.select("[data-testid=title-link]").eachText()).contains(AdminServer.SCRIPT_TITLE, AdminServer.IMG_TITLE);
        for (String path : List.of("/admin/", "/admin/movies", "/admin/movies?q=night", "/admin/movies/1", "/admin/movies/2",
                "/admin/shows", "/admin/shows/1", "/admin/dead-links", "/admin/tasks", "/admin/tasks/import-movies",
                "/admin/runs/1", "/admin/audit")) {
            Document page = browser.page(path);
            assertThat(page.select("script:not([src])")).as(path).isEmpty();
            assertThat(page.select("img[onerror], svg, b, i")).as(path).isEmpty();
            assertThat(page.select("[onload], [onerror]")).as(path).isEmpty();
        }
        Document movie = browser.page("/admin/movies/1");
        assertThat(movie.select("[data-testid=item-title]").text()).isEqualTo(AdminServer.SCRIPT_TITLE);
        assertThat(movie.select("input[name=title]").val()).isEqualTo(AdminServer.SCRIPT_TITLE);
        Document show = browser.page("/admin/shows/1");
        assertThat(show.select("[data-testid=item-title]").text()).isEqualTo(AdminServer.SHOW_TITLE);
    }

    @Test
    void listsSearchSortFilterAndPage() {
        browser.signIn("vera", TestAccounts.PASSWORD);
        assertThat(titles("/admin/movies?q=harbor")).containsExactlyInAnyOrder(AdminServer.IMG_TITLE, AdminServer.PLAIN_TITLE);
        assertThat(titles("/admin/movies?sort=-imdb_rating").getFirst()).isEqualTo(AdminServer.SCRIPT_TITLE);
        assertThat(titles("/admin/movies?filter=rating_unknown")).contains(AdminServer.IMG_TITLE)
                .doesNotContain(AdminServer.SCRIPT_TITLE, AdminServer.PLAIN_TITLE);
        assertThat(titles("/admin/movies?filter=inactive_sources")).containsExactly(AdminServer.IMG_TITLE);
        assertThat(titles("/admin/movies?filter=inactive_sources&filter=rating_unknown&q=quiet")).containsExactly(AdminServer.IMG_TITLE);
        assertThat(titles("/admin/shows?filter=inactive_sources")).isEmpty();
        assertThat(browser.get("/admin/movies?sort=bogus").statusCode()).isEqualTo(400);
        assertThat(browser.get("/admin/movies?cursor=garbage").statusCode()).isEqualTo(400);
        assertThat(browser.get("/admin/movies/abc").statusCode()).isEqualTo(400);
        assertThat(browser.get("/admin/movies/999999").statusCode()).isEqualTo(404);
        assertThat(browser.get("/admin/nothing-here").statusCode()).isEqualTo(404);
        assertThat(browser.get("/admin/assets/../../etc/passwd").statusCode()).isEqualTo(404);
        assertThat(browser.get("/admin/assets/admin.css").statusCode()).isEqualTo(200);
    }

    @Test
    void aFilteredListAndTheDeadLinksBeyondTheCapSayMoreThanItsNumber() {
        server.store.ports().movies().upsertAll(java.util.stream.IntStream.range(0, 1_001)
                .mapToObj(i -> io.freecast.catalog.testing.Drafts.movie("bulk" + i, "Bulk " + i)).toList());
        browser.signIn("vera", TestAccounts.PASSWORD);
        assertThat(browser.page("/admin/movies?filter=rating_unknown").select("h1 .muted").text())
                .isEqualTo("more than 1000");
        assertThat(browser.page("/admin/movies?filter=rating_unknown&q=bulk+1").select("h1 .muted").text())
                .as("1, 10–19, 100–199, 1000: counted").isEqualTo("112");
        assertThat(browser.page("/admin/dead-links").select("h1 .muted").text()).as("a handful: counted")
                .matches("[0-9]+");

        try (var connection = server.database.connect(); var statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE source SET is_active = 0");
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        assertThat(browser.page("/admin/dead-links").select("h1 .muted").text()).isEqualTo("more than 1000");
    }

    @Test
    void theDashboardCountsTheCatalogAndListsTheTasks() {
        browser.signIn("vera", TestAccounts.PASSWORD);
        Document dashboard = browser.page("/admin/");
        assertThat(dashboard.select("[data-testid=count-movies]").text()).isEqualTo("3");
        assertThat(dashboard.select("[data-testid=count-shows]").text()).isEqualTo("1");
        assertThat(dashboard.select("tr[data-task]").eachAttr("data-task"))
                .containsExactly("import-shows", "import-movies", "update-ratings", "validate-sources",
                        "update-imdb-ratings", "update-kinopoisk-ratings");
    }

    @Test
    void aRunsReportListsItsCountsAndRejections() {
        browser.signIn("vera", TestAccounts.PASSWORD);
        Document run = browser.page("/admin/runs/1");
        assertThat(run.text()).contains("import-movies", "succeeded", "rejected");
        assertThat(run.select("table tbody tr").text()).contains("no usable title");
    }

    @Test
    void aFormWithoutOrWithAWrongCsrfTokenIsRefusedAndChangesNothing() {
        browser.signIn("ada", TestAccounts.PASSWORD);
        long runsBefore = runs();
        assertThat(browser.post("/admin/tasks/update-ratings/run", AdminClient.form()).statusCode()).isEqualTo(403);
        assertThat(browser.post("/admin/tasks/update-ratings/run", AdminClient.form("csrf", "forged")).statusCode()).isEqualTo(403);
        assertThat(runs()).isEqualTo(runsBefore);
    }

    @Test
    void aFormFromAnotherSiteIsRefused() {
        browser.signIn("ada", TestAccounts.PASSWORD);
        String csrf = browser.csrf();
        HttpResponse<String> response = browser.post("/admin/tasks/update-ratings/run", AdminClient.form("csrf", csrf),
                "Origin", "https://evil.example");
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void anAdminRunsATaskAndSeesItsRun() throws InterruptedException {
        browser.signIn("ada", TestAccounts.PASSWORD);
        assertThat(browser.page("/admin/tasks").select("[data-testid=run-update-ratings]")).hasSize(1);
        long before = runs();
        HttpResponse<String> run = browser.post("/admin/tasks/update-ratings/run", AdminClient.form("csrf", browser.csrf()));
        assertThat(run.statusCode()).isEqualTo(303);
        assertThat(run.headers().firstValue("Location")).hasValue("/admin/tasks/update-ratings");
        server.catalog.tasks().awaitIdle(Duration.ofSeconds(10));
        assertThat(runs()).isEqualTo(before + 1);
        assertThat(browser.page("/admin/tasks/update-ratings").select("[data-testid=run-link]")).hasSize(1);
    }

    @Test
    void aViewerSeesNoControlsAndAForgedPostIsRefused() {
        browser.signIn("vera", TestAccounts.PASSWORD);
        Document tasks = browser.page("/admin/tasks");
        assertThat(tasks.select("form[action*=/run]")).isEmpty();
        Document movie = browser.page("/admin/movies/1");
        assertThat(movie.select("[data-testid=save], [data-testid=delete], form[action*=/sources]")).isEmpty();
        assertThat(movie.select("input[name=title]").hasAttr("disabled")).isTrue();
        long before = runs();
        HttpResponse<String> forged = browser.post("/admin/tasks/import-movies/run", AdminClient.form("csrf", browser.csrf()));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(runs()).isEqualTo(before);
    }

    @Test
    void signingOutEndsTheSession() {
        browser.signIn("eddie", TestAccounts.PASSWORD);
        String csrf = browser.csrf();
        HttpResponse<String> out = browser.post("/admin/sign-out", AdminClient.form("csrf", csrf));
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
        assertThat(browser.get("/admin/").statusCode()).isEqualTo(303);
    }

    @Test
    void aDisabledAccountsSessionEndsAtTheNextCheck() throws java.io.IOException {
        server.close();
        server = new AdminServer(java.nio.file.Files.createDirectories(dir.resolve("again")),
                builder -> builder.recheckEvery(Duration.ZERO));
        browser = new AdminClient(server.server.baseUri());
        browser.signIn("eddie", TestAccounts.PASSWORD);
        assertThat(browser.get("/admin/").statusCode()).isEqualTo(200);
        server.accounts.disable("eddie");
        assertThat(browser.get("/admin/").statusCode()).isEqualTo(303);
    }

    @Test
    void malformedAndHugeInputIsA400() {
        browser.signIn("ada", TestAccounts.PASSWORD);
        assertThat(browser.get("/admin/movies?q=%00").statusCode()).isEqualTo(400);
        assertThat(browser.get("/admin/movies?q=%C3%28").statusCode()).isEqualTo(400);
        assertThat(browser.get("/admin/movies?q=" + "a".repeat(300)).statusCode()).isEqualTo(400);
        String huge = "x".repeat(AdminHandler.MAX_FORM_BYTES + 10);
        assertThat(browser.post("/admin/sign-out", AdminClient.form("csrf", huge)).statusCode()).isEqualTo(400);
    }

    private List<String> titles(String path) {
        return browser.page(path).select("[data-testid=title-link]").eachText();
    }

    private long runs() {
        long total = 0;
        for (TaskName task : TaskName.values()) {
            total += server.catalog.tasks().listRuns(task, io.freecast.catalog.domain.PageRequest.firstPage()).total();
        }
        return total;
    }

    private static String text(HttpResponse<String> response, String selector) {
        Element element = org.jsoup.Jsoup.parse(response.body()).selectFirst(selector);
        return element == null ? "" : element.text();
    }
}
