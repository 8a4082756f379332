package io.freecast.catalog.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken, hostile and huge requests: each one is answered with a 4xx {@code application/problem+json}
 * naming what is wrong (and which parameter), none reaches the catch-all (no 5xx is ever counted), and
 * the catalog still answers normally afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileRequestsIT {

    SeededServer server;
    ApiClient api;

    @BeforeAll
    void startServer(@TempDir Path dir) {
        server = SeededServer.start(TestDatabases.sqlite(dir), CatalogSeed.of(30, 10));
        api = server.api;
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    /**
     * @param raw       sent over a plain socket, exactly as written (java.net.URI refuses some of these)
     * @param parameter the parameter the problem must name, or {@code null}
     */
    record Hostile(String method, String target, boolean raw, int status, String parameter) {
        @Override
        public String toString() {
            String shown = target.length() > 80 ? target.substring(0, 80) + "…(" + target.length() + " chars)" : target;
            return method + " " + shown + " → " + status + (parameter == null ? "" : " " + parameter);
        }
    }

    static Hostile get(String target, int status, String parameter) {
        return new Hostile("GET", target, false, status, parameter);
    }

    static Hostile raw(String method, String target, int status, String parameter) {
        return new Hostile(method, target, true, status, parameter);
    }

    static String cursor(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static Stream<Hostile> hostileRequests() {
        return Stream.of(
                // ids: not numbers, not positive, too big
                get("/movies/abc", 400, "id"),
                get("/movies/0", 400, "id"),
                get("/movies/-1", 400, "id"),
                get("/movies/9223372036854775808", 400, "id"),
                get("/shows/99999999999999999999999999999", 400, "id"),
                get("/movies/1.5", 400, "id"),
                get("/movies/1e3", 400, "id"),
                get("/movies/0x1F", 400, "id"),
                get("/shows/%20", 400, "id"),
                get("/shows/episodes/abc/sources", 400, "id"),
                get("/episodes/1%2F2/sources", 400, "id"),
                get("/movies/%2561", 400, "id"),
                get("/movies/..%2F..%2Fetc%2Fpasswd", 400, "id"),
                get("/shows/1;DROP%20TABLE%20show/seasons", 400, null),
                get("/shows/1%3BDROP%20TABLE%20show/seasons", 400, "id"),
                // control characters and bytes that are not UTF-8
                get("/movies/1%00", 400, null),
                get("/movies/?q=%00", 400, "q"),
                get("/movies/?q=abc%0D%0ASet-Cookie:%20x=1", 400, "q"),
                get("/movies/%C3%28", 400, null),
                get("/movies/%C0%AF", 400, null),
                get("/movies/?q=%FF", 400, "q"),
                raw("GET", "/movies/\u00e9", 400, null),
                // malformed percent escapes, which Undertow's parser would refuse with a bare 400 of its own
                // (RequestLineGuard checks the line first and answers as RequestTarget would)
                raw("GET", "/movies/?cursor=%%%", 400, "cursor"),
                raw("GET", "/movies/?q=%G1", 400, "q"),
                raw("GET", "/movies/?q=%E0%A4%A", 400, "q"),
                raw("GET", "/movies/%zz", 400, null),
                raw("GET", "/movies/%", 400, null),
                // limit
                get("/movies/?limit=0", 400, "limit"),
                get("/movies/?limit=-5", 400, "limit"),
                get("/movies/?limit=501", 400, "limit"),
                get("/movies/?limit=99999999999999999999", 400, "limit"),
                get("/movies/?limit=ten", 400, "limit"),
                get("/movies/?limit=", 400, "limit"),
                get("/movies/?limit=1&limit=2", 400, "limit"),
                get("/shows/1/episodes?limit=1e2", 400, "limit"),
                // sort
                get("/movies/?sort=bogus", 400, "sort"),
                get("/movies/?sort=title;DROP%20TABLE%20movie", 400, "sort"),
                get("/movies/?sort=--title", 400, "sort"),
                get("/shows/?sort=release_year", 400, "sort"),
                get("/movies/?sort=TITLE", 400, "sort"),
                // cursors: garbage, empty, huge, forged
                get("/movies/?cursor=xyz", 400, "cursor"),
                get("/movies/?cursor=", 400, "cursor"),
                get("/movies/?cursor=" + "A".repeat(3000), 400, "cursor"),
                get("/movies/?sort=imdb_rating&cursor=" + cursor("a\nimdb_rating\n5\n+abc"), 400, "cursor"),
                get("/movies/?sort=release_date&cursor=" + cursor("a\nrelease_date\n5\n+2020-13-45"), 400, "cursor"),
                get("/movies/?sort=release_year&cursor=" + cursor("b\nrelease_year\n5\n+1' OR '1'='1"), 400, "cursor"),
                get("/movies/?cursor=" + cursor("a\nid\n-7\n-"), 400, "cursor"),
                get("/movies/?sort=id&cursor=" + cursor("a\ntitle\n5\n+x"), 400, "cursor"),
                get("/shows/1/episodes?cursor=" + cursor("a\nid\n5\n-"), 400, "cursor"),
                get("/shows/1/episodes?cursor=" + cursor("a\nseason,number\n5\n+x:y"), 400, "cursor"),
                get("/shows/1/episodes?cursor=" + cursor("b\nseason,number\n5\n-"), 400, "cursor"),
                // search, filters
                get("/movies/?q=" + "x".repeat(201), 400, "q"),
                get("/movies/1/sources?active=yes", 400, "active"),
                get("/movies/1/sources?active=true&active=false", 400, "active"),
                get("/episodes/1/sources?active=TRUE", 400, "active"),
                get("/shows/1/episodes?season=0", 400, "season"),
                get("/shows/1/episodes?season=-1", 400, "season"),
                get("/shows/1/episodes?season=2147483648", 400, "season"),
                // huge targets and too many parameters
                get("/movies/?q=" + "x".repeat(20_000), 414, null),
                get("/movies/?" + "a=1&".repeat(12_000), 414, null),
                get("/movies/?" + "a=1&".repeat(65), 400, null),
                // paths that are not the API's, traversal
                get("/nothing", 404, null),
                get("/shows//1", 404, null),
                get("/shows/1/episodes/extra", 404, null),
                get("/docs/..%2F..%2Fpom.xml", 404, null),
                get("/docs/application.properties", 404, null),
                raw("GET", "/../../etc/passwd", 404, null),
                raw("GET", "/docs/%2e%2e/%2e%2e/etc/passwd", 404, null),
                raw("GET", "/docs/../../../etc/passwd", 404, null),
                // writes and unknown methods
                new Hostile("POST", "/movies/", false, 405, null),
                new Hostile("PUT", "/shows/1", false, 405, null),
                new Hostile("DELETE", "/movies/1", false, 405, null),
                new Hostile("PATCH", "/episodes/1/sources", false, 405, null),
                raw("BREW", "/movies/1", 405, null),
                raw("TRACE", "/movies/", 405, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileRequests")
    void eachIsA4xxProblemNamingWhatIsWrong(Hostile request) {
        ApiClient.Answer answer = request.raw() ? api.raw(request.method(), request.target())
                : api.send(request.method(), request.target());

        assertThat(answer.status()).as("%s answered %s", request, answer).isEqualTo(request.status());
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.header("Cache-Control")).contains("no-store");
        JsonNode problem = answer.json();
        assertThat(problem.get("type").asText()).isEqualTo("about:blank");
        assertThat(problem.get("status").asInt()).isEqualTo(request.status());
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank().hasSizeLessThan(400);
        if (request.parameter() != null) {
            assertThat(problem.get("parameter").asText()).isEqualTo(request.parameter());
            assertThat(problem.get("detail").asText()).contains(request.parameter());
        }
        if (request.status() == 405) {
            assertThat(answer.header("Allow")).contains("GET, HEAD, OPTIONS");
        }
        assertThat(serverErrorsCounted()).as("no request may reach the catch-all").isEmpty();
    }

    @Test
    void thereAreAtLeastThirtyOfThem() {
        assertThat(hostileRequests().count()).isGreaterThanOrEqualTo(30);
    }

    @Test
    void theCatalogStillAnswersAfterwards() {
        hostileRequests().filter(request -> !request.raw()).forEach(request -> api.send(request.method(), request.target()));

        assertThat(api.get("/movies/?limit=500").json().size()).isEqualTo(30);
        assertThat(api.get("/health").status()).isEqualTo(200);
    }

    private List<String> serverErrorsCounted() {
        return api.get("/metrics").text().lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_count") && line.contains("status=\"5"))
                .toList();
    }
}
