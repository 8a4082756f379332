package io.freecast.catalog.http.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.Catalog;
import io.freecast.catalog.domain.Actor;
import io.freecast.catalog.domain.AuditEntry;
import io.freecast.catalog.domain.AuditQuery;
import io.freecast.catalog.domain.Caller;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.Role;
import io.freecast.catalog.domain.Scope;
import io.freecast.catalog.http.server.CatalogHttpServer;
import io.freecast.catalog.jdbc.JdbcCatalogStore;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trustProxy} on a real Undertow server on loopback, with the real accounts' sign-in: requests come
 * over raw sockets bound to 127.0.0.2 (the trusted proxy) or 127.0.0.3 (anyone else), so the server sees
 * each one's true peer address. Only the trusted address may say "https" (the session cookie is then
 * {@code Secure}) or name the client (which the failed sign-ins' audit entries and their throttling use);
 * lists, repeated headers, garbage and huge values change nothing they should not, and every request is
 * still answered.
 */
class AdminTrustedProxyIT {

    private static final String PROXY = "127.0.0.2";
    private static final String STRANGER = "127.0.0.3";
    private static final String PASSWORD = "a password long enough for the rules";

    @TempDir
    Path dir;
    private TestDatabase database;
    private Catalog catalog;
    private CatalogHttpServer server;
    private final Caller operator = new Caller(Actor.operator("test"), Scope.ADMIN);

    @BeforeEach
    void start() {
        database = TestDatabases.sqlite(dir);
        JdbcCatalogStore store = database.open();
        catalog = Catalog.builder().storage(store).build();
        catalog.accounts().addAccount(operator, "ada", Role.ADMIN, PASSWORD);
        CatalogAdmin admin = CatalogAdmin.builder(catalog.queries(), store.overview(), catalog.tasks(),
                catalog.authentication()).editing(catalog.editing()).trustProxy(PROXY).build();
        server = CatalogHttpServer.create(catalog.queries(), config -> admin.mountOn(config.host("127.0.0.1").port(0)))
                .start();
    }

    @AfterEach
    void stop() {
        try {
            server.stop();
            catalog.close();
        } finally {
            database.close();
        }
    }

    /** One response's status line and headers, as the server sent them. */
    private record Answer(int status, List<String> headers) {

        String cookie() {
            return headers.stream().filter(h -> h.regionMatches(true, 0, "Set-Cookie:", 0, 11)).findFirst().orElse(null);
        }
    }

    /** Signs in as ada (or with a wrong password) over a socket from {@code from}, with extra header lines. */
    private Answer signIn(String from, String password, String... headerLines) throws IOException {
        String body = "name=ada&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder("POST /admin/sign-in HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(server.baseUri().getPort()).append("\r\n")
                .append("Content-Type: application/x-www-form-urlencoded\r\n")
                .append("Content-Length: ").append(body.length()).append("\r\n")
                .append("Connection: close\r\n");
        for (String line : headerLines) {
            request.append(line).append("\r\n");
        }
        request.append("\r\n").append(body);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", server.baseUri().getPort()), 5_000);
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return read(socket.getInputStream());
        }
    }

    private static Answer read(InputStream in) throws IOException {
        String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        String head = response.substring(0, Math.max(0, response.indexOf("\r\n\r\n")));
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        List<String> headers = new ArrayList<>(List.of(lines).subList(1, lines.length));
        return new Answer(status, headers);
    }

    private boolean secureCookie(Answer answer) {
        assertThat(answer.status()).as(answer.headers().toString()).isEqualTo(303);
        assertThat(answer.cookie()).contains("catalog_admin=", "HttpOnly", "SameSite=Strict");
        return answer.cookie().contains("; Secure");
    }

    @Test
    void httpsAnnouncedByTheTrustedProxyMakesTheCookieSecureAndFromAnyoneElseItDoesNot() throws IOException {
        assertThat(secureCookie(signIn(PROXY, PASSWORD, "X-Forwarded-Proto: https"))).isTrue();
        assertThat(secureCookie(signIn(PROXY, PASSWORD, "X-Forwarded-Proto: HTTPS"))).isTrue();
        assertThat(secureCookie(signIn(STRANGER, PASSWORD, "X-Forwarded-Proto: https"))).isFalse();
        assertThat(secureCookie(signIn(PROXY, PASSWORD))).isFalse();
        assertThat(secureCookie(signIn(PROXY, PASSWORD, "X-Forwarded-Proto: http"))).isFalse();
    }

    @Test
    void ofAListOrRepeatedHeadersOnlyTheValueTheProxyWroteLastCounts() throws IOException {
        assertThat(secureCookie(signIn(PROXY, PASSWORD, "X-Forwarded-Proto: http, https"))).isTrue();
        assertThat(secureCookie(signIn(PROXY, PASSWORD, "X-Forwarded-Proto: https, http"))).isFalse();
        assertThat(secureCookie(signIn(PROXY, PASSWORD, "X-Forwarded-Proto: https", "X-Forwarded-Proto: http"))).isFalse();
        // A client that sends the header itself through the proxy gains nothing over the proxy's own value.
        assertThat(secureCookie(signIn(STRANGER, PASSWORD, "X-Forwarded-Proto: https", "X-Forwarded-Proto: https"))).isFalse();
    }

    @Test
    void garbageAndHugeValuesAreNeitherHttpsNorAnAddressAndTheRequestIsStillAnswered() throws IOException {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (String value : List.of("", "<script>alert(1)</script>", "https;x=1", "ht\ttps", "https ".repeat(2_000),
                "h".repeat(60_000), "\u00e9https")) {
            Answer answer = signIn(PROXY, PASSWORD, "X-Forwarded-Proto: " + value,
                    "X-Forwarded-For: " + value);
            String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
            // Undertow's own parser refuses some header values (400) before the admin sees the request:
            // then no session at all. Otherwise the admin signs in, without Secure.
            assertThat(answer.status()).as(shown).isIn(303, 400);
            if (answer.status() == 303) {
                assertThat(secureCookie(answer)).as(shown).isFalse();
            } else {
                assertThat(answer.cookie()).as(shown).isNull();
            }
            seen.add(answer.status());
        }
        assertThat(seen).as("most garbage reaches the admin").contains(303);
    }

    @Test
    void onlyTheTrustedProxyNamesTheClientOfAFailedSignInAndNeverWithGarbage() throws IOException {
        assertThat(signIn(PROXY, "wrong password 1", "X-Forwarded-For: 198.51.100.1, 203.0.113.9").status()).isEqualTo(401);
        assertThat(signIn(STRANGER, "wrong password 2", "X-Forwarded-For: 203.0.113.10").status()).isEqualTo(401);
        assertThat(signIn(PROXY, "wrong password 3", "X-Forwarded-For: <script>" + "x".repeat(20_000)).status())
                .isEqualTo(401);
        List<String> actors = catalog.editing().listAudit(operator, new AuditQuery("login", null, null, null, null,
                PageRequest.first(50))).items().stream().map(AuditEntry::actor).map(Actor::label).toList();
        assertThat(actors).contains("anonymous:203.0.113.9", "anonymous:" + STRANGER, "anonymous:" + PROXY)
                .doesNotContain("anonymous:198.51.100.1", "anonymous:203.0.113.10")
                .allMatch(label -> label.length() < 60);
    }
}
