package io.freecast.catalog.http.server;

import static io.freecast.catalog.http.server.WriteApiServer.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.jdbc.testing.TableSnapshot;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile bodies sent to the write routes by an authorised editor: each is a 4xx problem+json naming what
 * is wrong, and the catalog's rows are exactly as they were (compared table by table, before and after).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileWritesIT {

    record Hostile(String name, String method, String path, byte[] body, String contentType, int status) {
        @Override
        public String toString() {
            return name + " → " + status;
        }
    }

    WriteApiServer server;
    long movieId;
    String movieTag;

    @BeforeAll
    void start(@TempDir Path dir) {
        server = WriteApiServer.start(TestDatabases.sqlite(dir), CatalogSeed.of(10, 2));
        movieId = server.api.get("/movies/?limit=1").json().get(0).get("id").asLong();
        movieTag = server.api.get("/movies/" + movieId).header("ETag").orElseThrow();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    Stream<Hostile> hostileBodies() {
        String patch = "/movies/" + movieId;
        return Stream.of(
                patch("not JSON", "this is not json", 400),
                patch("truncated JSON", "{\"title\": \"Heat", 400),
                patch("an array", "[{\"title\":\"x\"}]", 400),
                patch("a string", "\"title\"", 400),
                patch("null", "null", 400),
                patch("two objects", "{} {}", 400),
                patch("a key twice", "{\"title\":\"a\",\"title\":\"b\"}", 400),
                patch("deeply nested", "{\"title\":" + "[".repeat(50_000) + "]".repeat(50_000) + "}", 400),
                patch("nested object as a value", "{\"title\":{\"a\":{\"b\":1}}}", 422),
                patch("wrong types", "{\"title\":5,\"imdb_rating\":\"high\",\"release_year\":true}", 422),
                patch("unknown fields", "{\"titel\":\"x\",\"rating\":5}", 422),
                patch("an id in the body", "{\"id\":1,\"title\":\"x\"}", 422),
                patch("locked_fields in the body", "{\"locked_fields\":[]}", 422),
                patch("sources in a patch", "{\"sources\":[]}", 422),
                patch("a huge title", "{\"title\":\"" + "x".repeat(100_000) + "\"}", 422),
                patch("a NaN-like number", "{\"imdb_rating\":1e999}", 422),
                patch("thousands of members", members(5000), 400),
                new Hostile("10 MB", "PATCH", patch, bytes("{\"description\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}"),
                        "application/json", 413),
                new Hostile("no content type", "PATCH", patch, bytes("{\"title\":\"x\"}"), "none", 415),
                new Hostile("form data", "PATCH", patch, bytes("title=x"), "application/x-www-form-urlencoded", 415),
                new Hostile("latin-1 JSON", "PATCH", patch, "{\"title\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1),
                        "application/json; charset=iso-8859-1", 415),
                new Hostile("invalid UTF-8", "PATCH", patch, new byte[]{'{', '"', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
                        "application/json", 400),
                new Hostile("an id in a create", "POST", "/movies/", bytes("{\"id\":1,\"title\":\"x\"}"), "application/json", 422),
                new Hostile("a create without a title", "POST", "/movies/", bytes("{\"description\":\"x\"}"), "application/json", 422),
                new Hostile("a source with a bad URL", "POST", "/movies/", bytes(
                        "{\"title\":\"x\",\"sources\":[{\"url\":\"javascript:alert(1)\"}]}"), "application/json", 422),
                new Hostile("sources not an array", "POST", "/movies/", bytes("{\"title\":\"x\",\"sources\":{}}"), "application/json", 422),
                new Hostile("empty body", "POST", "/shows/", new byte[0], "application/json", 400),
                new Hostile("merge patch on a create", "POST", "/shows/", bytes("{\"title\":\"x\"}"), "application/merge-patch+json", 415));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileBodies")
    void eachIsA4xxProblemAndTheCatalogIsUnchanged(Hostile hostile) {
        Map<String, ?> before = TableSnapshot.of(server.database);

        ApiClient.Answer answer = server.api.sendBody(hostile.method(), hostile.path(), hostile.body(),
                bearer(server.editorToken, "Content-Type", hostile.contentType(), "If-Match", movieTag));

        WriteApiContract.assertProblem(answer, hostile.status());
        assertThat(answer.json().get("detail").asText()).hasSizeLessThan(600);
        if (hostile.status() == 422) {
            assertThat(answer.json().get("errors")).isNotEmpty();
        }
        assertThat(TableSnapshot.of(server.database)).isEqualTo(before);
        assertThat(server.api.get("/movies/" + movieId).header("ETag")).contains(movieTag);
    }

    @Test
    void theServerStillAnswersAfterwards() {
        hostileBodies().forEach(hostile -> server.api.sendBody(hostile.method(), hostile.path(), hostile.body(),
                bearer(server.editorToken, "Content-Type", hostile.contentType(), "If-Match", movieTag)));

        assertThat(server.api.get("/health").status()).isEqualTo(200);
        assertThat(server.api.get("/metrics").text().lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_count") && line.contains("status=\"5")))
                .isEmpty();
    }

    private Hostile patch(String name, String body, int status) {
        return new Hostile(name, "PATCH", "/movies/" + movieId, bytes(body), "application/merge-patch+json", status);
    }

    private static String members(int count) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",").append("\"m").append(i).append("\":1");
        }
        return json.append('}').toString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
