package io.freecast.catalog.http.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freecast.catalog.domain.Account;
import io.freecast.catalog.domain.ApiToken;
import io.freecast.catalog.domain.AuditEntry;
import io.freecast.catalog.domain.AuditQuery;
import io.freecast.catalog.domain.Caller;
import io.freecast.catalog.domain.Channel;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.Role;
import io.freecast.catalog.domain.Scope;
import io.freecast.catalog.jdbc.testing.HeldImport;
import io.freecast.catalog.port.in.AuthenticationFailedException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
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
 * The accounts and API tokens pages over a real server and SQLite catalog, through the real account and
 * token use-cases: admins only; the core's rules shown next to their fields; a token's value shown once;
 * every change audited; hostile input in every field shown as text; forged and token-less forms refused.
 */
class AdminAccessPagesIT {

    private static final String HOSTILE = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>";
    private static final String PASSWORD = "twelve or more characters, surely";

    @TempDir
    Path dir;
    private AdminServer server;
    private AdminClient browser;
    private final Caller ada = TestAccounts.caller("ada", Role.ADMIN);

    @BeforeEach
    void start() {
        server = new AdminServer(dir, builder -> builder);
        browser = new AdminClient(server.server.baseUri());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private List<Account> accounts() {
        return server.catalog.accounts().listAccounts(ada);
    }

    private List<ApiToken> tokens() {
        return server.catalog.apiTokens().listTokens(ada, null);
    }

    private List<AuditEntry> audit(String entity) {
        return server.catalog.editing().listAudit(ada, new AuditQuery(entity, null, null, null, null,
                PageRequest.first(100))).items();
    }

    private static void assertNoMarkupFrom(Document page) {
        assertThat(page.select("script:not([src])")).isEmpty();
        assertThat(page.select("main img, main b")).isEmpty();
    }

    /** A form the storage did not take because an import held it: 503, one line above the form saying so. */
    private static Document refusedAsBusy(HttpResponse<String> refused, String whatIsKept) {
        assertThat(refused.statusCode()).isEqualTo(503);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.select("[data-testid=not-saved]").text())
                .startsWith("not saved: the SQLite database is busy with a bulk write (an import), for ")
                .endsWith("; " + whatIsKept);
        return page;
    }

    @Test
    void anAdminAddsAnAccountUnderTheCoresRulesAndThePasswordIsNeverShownBack() {
        browser.signIn("ada", TestAccounts.PASSWORD);
        String csrf = browser.csrf();
        HttpResponse<String> tooShort = browser.post("/admin/accounts", AdminClient.form("csrf", csrf, "name", "olga",
                "role", "editor", "password", "too short", "password_again", "too short"));
        assertThat(tooShort.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(tooShort.body());
        assertThat(page.select("[data-testid=error-password]").text()).contains("at least 12");
        assertThat(page.select("input[name=name]").val()).isEqualTo("olga");
        assertThat(page.select("select[name=role] option[selected]").val()).isEqualTo("editor");
        assertThat(tooShort.body()).doesNotContain("too short");

        HttpResponse<String> differ = browser.post("/admin/accounts", AdminClient.form("csrf", csrf, "name", "olga",
                "role", "editor", "password", PASSWORD, "password_again", PASSWORD + "!"));
        assertThat(differ.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(differ.body()).select("[data-testid=error-password_again]").text()).contains("differ");
        assertThat(differ.body()).doesNotContain(PASSWORD);
        assertThat(accounts()).isEmpty();

        HttpResponse<String> added = browser.post("/admin/accounts", AdminClient.form("csrf", csrf, "name", "olga",
                "role", "editor", "password", PASSWORD, "password_again", PASSWORD));
        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(accounts()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("olga");
            assertThat(a.role()).isEqualTo(Role.EDITOR);
            assertThat(a.enabled()).isTrue();
        });
        Document list = browser.page("/admin/accounts");
        assertThat(list.select(".flash").text()).contains("olga", "editor");
        assertThat(list.select("tr[data-account=olga] select[name=role] option[selected]").val()).isEqualTo("editor");
        assertThat(list.html()).doesNotContain(PASSWORD);
        assertThat(server.catalog.authentication().signIn("olga", PASSWORD, "127.0.0.1", Channel.WEB).scope())
                .isEqualTo(Scope.EDIT);
        assertThat(audit("account")).anySatisfy(e -> assertThat(e.actor().label()).isEqualTo("account:ada"));
        assertThat(audit("account")).noneMatch(e -> String.valueOf(e.after()).contains(PASSWORD));
    }

    @Test
    void anAccountAddedWhileAnImportHoldsTheDatabaseIsRefusedAsBusyKeepingTheNameAndRoleButNotThePassword()
            throws Exception {
        browser.signIn("ada", TestAccounts.PASSWORD); // signing in writes too: before the import holds the writer
        String csrf = browser.csrf();
        Map<String, String> form = AdminClient.form("csrf", csrf, "name", "olga", "role", "editor",
                "password", PASSWORD, "password_again", PASSWORD);
        HttpResponse<String> refused;
        // An import's transaction held open, its writes made: on SQLite it holds the one writer until it commits.
        try (HeldImport importing = HeldImport.start(server.store, List.of())) {
            refused = browser.post("/admin/accounts", form);
            importing.commit();
        }

        Document page = refusedAsBusy(refused, "the name and role are kept below; type the password again");
        assertThat(page.select("input[name=name]").val()).isEqualTo("olga");
        assertThat(page.select("select[name=role] option[selected]").val()).isEqualTo("editor");
        assertThat(page.select("input[type=password]")).allSatisfy(input -> assertThat(input.val()).isEmpty());
        assertThat(refused.body()).doesNotContain(PASSWORD);
        assertThat(accounts()).isEmpty();
        // The same form once the import has committed: added.
        assertThat(browser.post("/admin/accounts", form).statusCode()).isEqualTo(303);
        assertThat(accounts()).extracting(Account::name).containsExactly("olga");
    }

    @Test
    void hostileInputInEveryAccountFieldIsRefusedAndShownAsText() {
        browser.signIn("ada", TestAccounts.PASSWORD);
        HttpResponse<String> response = browser.post("/admin/accounts", AdminClient.form("csrf", browser.csrf(),
                "name", HOSTILE, "role", HOSTILE, "password", HOSTILE, "password_again", HOSTILE));
        assertThat(response.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("[data-testid=error-name]").text()).isNotBlank();
        assertThat(page.select("[data-testid=error-role]").text()).contains("viewer, editor or admin");
        assertThat(page.select("input[name=name]").val()).isEqualTo(HOSTILE.strip());
        assertThat(page.select("input[type=password]").eachAttr("value")).allMatch(String::isEmpty);
        assertNoMarkupFrom(page);
        assertThat(accounts()).isEmpty();

        assertThat(browser.get("/admin/accounts/" + java.net.URLEncoder.encode(HOSTILE, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20")).statusCode()).isIn(400, 404);
        assertThat(browser.get("/admin/accounts/" + "a".repeat(5_000)).statusCode()).isEqualTo(400);
    }

    @Test
    void anAdminChangesARoleDisablesEnablesAndSetsAPasswordEachAudited() {
        server.catalog.accounts().addAccount(ada, "root", Role.ADMIN, PASSWORD);
        server.catalog.accounts().addAccount(ada, "olga", Role.VIEWER, PASSWORD);
        browser.signIn("ada", TestAccounts.PASSWORD);
        String csrf = browser.csrf();

        assertThat(browser.post("/admin/accounts/olga/role", AdminClient.form("csrf", csrf, "role", "editor")).statusCode())
                .isEqualTo(303);
        assertThat(server.catalog.accounts().getAccount(ada, "olga").role()).isEqualTo(Role.EDITOR);
        assertThat(browser.post("/admin/accounts/olga/role", AdminClient.form("csrf", csrf, "role", HOSTILE)).statusCode())
                .isEqualTo(400);
        assertThat(browser.post("/admin/accounts/olga/enabled", AdminClient.form("csrf", csrf, "enabled", "false")).statusCode())
                .isEqualTo(303);
        assertThat(server.catalog.accounts().getAccount(ada, "olga").enabled()).isFalse();
        assertThat(browser.page("/admin/accounts").select("tr[data-account=olga]").text()).contains("disabled");
        browser.post("/admin/accounts/olga/enabled", AdminClient.form("csrf", csrf, "enabled", "true", "from", "detail"));
        assertThat(server.catalog.accounts().getAccount(ada, "olga").enabled()).isTrue();

        // The last enabled admin stays: the core refuses, the page says so, nothing changes.
        browser.post("/admin/accounts/root/enabled", AdminClient.form("csrf", csrf, "enabled", "false"));
        assertThat(server.catalog.accounts().getAccount(ada, "root").enabled()).isTrue();
        assertThat(browser.page("/admin/accounts").select(".flash").text()).startsWith("Not changed");

        Document detail = browser.page("/admin/accounts/olga");
        assertThat(detail.select("[data-testid=account-name]").text()).isEqualTo("olga");
        HttpResponse<String> weak = browser.post("/admin/accounts/olga/password", AdminClient.form("csrf", csrf,
                "password", "olga", "password_again", "olga"));
        assertThat(weak.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(weak.body()).select("[data-testid=error-password]").text()).isNotBlank();
        String fresh = "another long password " + HOSTILE;
        assertThat(browser.post("/admin/accounts/olga/password", AdminClient.form("csrf", csrf, "password", fresh,
                "password_again", fresh)).statusCode()).isEqualTo(303);
        assertThat(server.catalog.authentication().signIn("olga", fresh, "127.0.0.1", Channel.WEB)).isNotNull();
        assertThat(audit("account")).extracting(AuditEntry::field).contains("role", "enabled", "password");
        assertThat(audit("account")).noneMatch(e -> String.valueOf(e.after()).contains("another long password"));
        assertThat(browser.get("/admin/accounts/nobody").statusCode()).isEqualTo(404);
    }

    @Test
    void aNewTokensValueIsShownOnceAndThenNeverAgain() {
        server.catalog.accounts().addAccount(ada, "olga", Role.EDITOR, PASSWORD);
        browser.signIn("ada", TestAccounts.PASSWORD);
        HttpResponse<String> created = browser.post("/admin/tokens", AdminClient.form("csrf", browser.csrf(),
                "user", "olga", "name", "deploy " + HOSTILE, "scope", "edit", "expires", "2099-01-31"));
        assertThat(created.statusCode()).isEqualTo(201);
        Document page = Jsoup.parse(created.body());
        String secret = page.select("[data-testid=token-secret]").val();
        assertThat(secret).startsWith("cat_").hasSizeGreaterThan(40);
        assertThat(page.select("[data-testid=issued]").text()).contains("Copy it now", "only time it is shown");
        assertThat(page.select("[data-testid=token-label]").eachText()).containsExactly("deploy " + HOSTILE);
        assertNoMarkupFrom(page);
        Caller asToken = server.catalog.authentication().authenticateToken(secret, "127.0.0.1", Channel.API);
        assertThat(asToken.scope()).isEqualTo(Scope.EDIT);

        ApiToken token = tokens().getFirst();
        assertThat(token.expiresAt()).isEqualTo(java.time.Instant.parse("2099-01-31T00:00:00Z"));
        for (String path : List.of("/admin/tokens", "/admin/tokens?user=olga", "/admin/accounts", "/admin/audit", "/admin/")) {
            assertThat(browser.get(path).body()).as(path).doesNotContain(secret);
        }
        assertThat(audit("token")).isNotEmpty().noneMatch(e -> (e.before() + " " + e.after()).contains(secret));
    }

    @Test
    void aTokenCreatedWhileAnImportHoldsTheDatabaseIsRefusedAsBusyKeepingWhatWasTypedAndIssuingNothing()
            throws Exception {
        server.catalog.accounts().addAccount(ada, "olga", Role.EDITOR, PASSWORD);
        browser.signIn("ada", TestAccounts.PASSWORD);
        Map<String, String> form = AdminClient.form("csrf", browser.csrf(),
                "user", "olga", "name", "deploy " + HOSTILE, "scope", "edit", "expires", "2099-01-31");
        HttpResponse<String> refused;
        // An import's transaction held open, its writes made: on SQLite it holds the one writer until it commits.
        try (HeldImport importing = HeldImport.start(server.store, List.of())) {
            refused = browser.post("/admin/tokens", form);
            importing.commit();
        }

        Document page = refusedAsBusy(refused, "what you typed is kept below");
        Element kept = page.selectFirst("form[data-testid=new-token]");
        assertThat(kept.select("select[name=user] option[selected]").val()).isEqualTo("olga");
        assertThat(kept.select("input[name=name]").val()).isEqualTo("deploy " + HOSTILE);
        assertThat(kept.select("select[name=scope] option[selected]").val()).isEqualTo("edit");
        assertThat(kept.select("input[name=expires]").val()).isEqualTo("2099-01-31");
        assertThat(page.select("[data-testid=token-secret], [data-testid=issued]")).isEmpty();
        assertNoMarkupFrom(page);
        assertThat(tokens()).isEmpty();
        // The same form once the import has committed: issued.
        assertThat(browser.post("/admin/tokens", form).statusCode()).isEqualTo(201);
        assertThat(tokens()).singleElement().satisfies(t -> assertThat(t.label()).isEqualTo("deploy " + HOSTILE));
    }

    @Test
    void theCoresTokenRulesAreShownNextToTheirFields() {
        server.catalog.accounts().addAccount(ada, "vic", Role.VIEWER, PASSWORD);
        browser.signIn("ada", TestAccounts.PASSWORD);
        String csrf = browser.csrf();
        HttpResponse<String> tooBroad = browser.post("/admin/tokens", AdminClient.form("csrf", csrf, "user", "vic",
                "name", "x", "scope", "admin", "expires", "2001-01-01"));
        assertThat(tooBroad.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(tooBroad.body());
        assertThat(page.select("[data-testid=error-scope]").text()).contains("at most read");
        assertThat(page.select("[data-testid=error-expires]").text()).contains("future");
        assertThat(page.select("[data-testid=token-secret]")).isEmpty();

        HttpResponse<String> hostile = browser.post("/admin/tokens", AdminClient.form("csrf", csrf, "user", HOSTILE,
                "name", "", "scope", HOSTILE, "expires", HOSTILE));
        assertThat(hostile.statusCode()).isEqualTo(422);
        Document hostilePage = Jsoup.parse(hostile.body());
        assertThat(hostilePage.select("[data-testid=error-scope]").text()).isNotBlank();
        assertThat(hostilePage.select("[data-testid=error-expires]").text()).isNotBlank();
        assertNoMarkupFrom(hostilePage);
        HttpResponse<String> nobody = browser.post("/admin/tokens", AdminClient.form("csrf", csrf, "user", "nobody",
                "name", "x", "scope", "read"));
        assertThat(Jsoup.parse(nobody.body()).select("[data-testid=error-user]").text()).isNotBlank();
        assertThat(browser.post("/admin/tokens", AdminClient.form("csrf", csrf, "user", "vic", "name", "x".repeat(60_000),
                "scope", "read")).statusCode()).isEqualTo(422);
        assertThat(tokens()).isEmpty();
    }

    @Test
    void revokingATokenRefusesItFromTheNextRequestOn() {
        server.catalog.accounts().addAccount(ada, "olga", Role.EDITOR, PASSWORD);
        String secret = server.catalog.apiTokens().createToken(ada,
                new io.freecast.catalog.domain.NewToken("olga", "ci", Scope.READ, null)).secret();
        long id = tokens().getFirst().id();
        browser.signIn("ada", TestAccounts.PASSWORD);
        Document list = browser.page("/admin/tokens?user=olga");
        assertThat(list.select("tr[data-token=" + id + "] [data-testid=token-status]").text()).isEqualTo("active");
        var form = list.selectFirst("tr[data-token=" + id + "] form");
        HttpResponse<String> revoked = browser.post(form.attr("action"), AdminClient.form(
                "csrf", form.selectFirst("input[name=csrf]").val(), "user", "olga"));
        assertThat(revoked.statusCode()).isEqualTo(303);
        assertThat(revoked.headers().firstValue("Location").orElseThrow()).isEqualTo("/admin/tokens?user=olga");
        Document after = browser.page("/admin/tokens?user=olga");
        assertThat(after.select("tr[data-token=" + id + "] [data-testid=token-status]").text()).isEqualTo("revoked");
        assertThat(after.select("tr[data-token=" + id + "] form")).isEmpty();
        assertThat(after.select(".flash").text()).contains("Revoked token #" + id);
        assertThatThrownBy(() -> server.catalog.authentication().authenticateToken(secret, "127.0.0.1", Channel.API))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThat(browser.post("/admin/tokens/999999/revoke", AdminClient.form("csrf", browser.csrf())).statusCode())
                .isEqualTo(404);
    }

    @Test
    void editorsAndViewersSeeNoAccountOrTokenControlsAndTheirForgedFormsAreRefused() {
        server.catalog.accounts().addAccount(ada, "olga", Role.EDITOR, PASSWORD);
        for (String who : List.of("eddie", "vera")) {
            AdminClient person = new AdminClient(server.server.baseUri());
            person.signIn(who, TestAccounts.PASSWORD);
            Document dashboard = person.page("/admin/");
            assertThat(dashboard.select("a[href=/admin/accounts], a[href=/admin/tokens]")).as(who).isEmpty();
            assertThat(person.get("/admin/accounts").statusCode()).as(who).isEqualTo(403);
            assertThat(person.get("/admin/tokens").statusCode()).as(who).isEqualTo(403);
            assertThat(person.get("/admin/accounts/olga").statusCode()).as(who).isEqualTo(403);
            String csrf = person.csrf();
            for (Map.Entry<String, Map<String, String>> forged : Map.of(
                    "/admin/accounts", AdminClient.form("csrf", csrf, "name", "mallory", "role", "admin",
                            "password", PASSWORD, "password_again", PASSWORD),
                    "/admin/accounts/olga/role", AdminClient.form("csrf", csrf, "role", "admin"),
                    "/admin/accounts/olga/enabled", AdminClient.form("csrf", csrf, "enabled", "false"),
                    "/admin/accounts/olga/password", AdminClient.form("csrf", csrf, "password", PASSWORD + "x",
                            "password_again", PASSWORD + "x"),
                    "/admin/tokens", AdminClient.form("csrf", csrf, "user", "olga", "name", "x", "scope", "edit")).entrySet()) {
                HttpResponse<String> response = person.post(forged.getKey(), forged.getValue());
                assertThat(response.statusCode()).as(who + " " + forged.getKey()).isEqualTo(403);
                assertThat(response.body()).doesNotContain("cat_");
            }
        }
        Account olga = server.catalog.accounts().getAccount(ada, "olga");
        assertThat(olga.role()).isEqualTo(Role.EDITOR);
        assertThat(olga.enabled()).isTrue();
        assertThat(accounts()).hasSize(1);
        assertThat(tokens()).isEmpty();
        assertThat(server.catalog.authentication().signIn("olga", PASSWORD, "127.0.0.1", Channel.WEB)).isNotNull();
    }

    @Test
    void accountAndTokenFormsWithoutOrWithAWrongCsrfTokenAreRefusedAndChangeNothing() {
        server.catalog.accounts().addAccount(ada, "olga", Role.EDITOR, PASSWORD);
        server.catalog.apiTokens().createToken(ada, new io.freecast.catalog.domain.NewToken("olga", "ci", Scope.READ, null));
        long id = tokens().getFirst().id();
        browser.signIn("ada", TestAccounts.PASSWORD);
        for (String csrf : new String[] {null, "wrong", ""}) {
            for (Map.Entry<String, Map<String, String>> post : Map.of(
                    "/admin/accounts", AdminClient.form("name", "mallory", "role", "admin", "password", PASSWORD,
                            "password_again", PASSWORD),
                    "/admin/accounts/olga/role", AdminClient.form("role", "admin"),
                    "/admin/accounts/olga/enabled", AdminClient.form("enabled", "false"),
                    "/admin/tokens", AdminClient.form("user", "olga", "name", "x", "scope", "edit"),
                    "/admin/tokens/" + id + "/revoke", AdminClient.form()).entrySet()) {
                Map<String, String> form = new java.util.LinkedHashMap<>(post.getValue());
                if (csrf != null) {
                    form.put("csrf", csrf);
                }
                HttpResponse<String> response = browser.post(post.getKey(), form);
                assertThat(response.statusCode()).as(post.getKey() + " csrf=" + csrf).isEqualTo(403);
            }
        }
        assertThat(accounts()).extracting(Account::name).containsExactly("olga");
        assertThat(server.catalog.accounts().getAccount(ada, "olga").role()).isEqualTo(Role.EDITOR);
        assertThat(server.catalog.accounts().getAccount(ada, "olga").enabled()).isTrue();
        assertThat(tokens()).singleElement().satisfies(t -> assertThat(t.revokedAt()).isNull());
    }
}
