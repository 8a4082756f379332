package io.freecast.catalog.http.server;

import static io.freecast.catalog.http.server.WriteApiServer.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.freecast.catalog.jdbc.testing.TableSnapshot;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON write API over a real server and a real database: each write's statuses in order (201, 200,
 * 204, 428, 412, 422, 404), what each answer carries (Location, ETag, the current version), locks and
 * tombstones from the API's side, the audit trail, the response cache dropping what a write changed, and
 * two concurrent conditional changes of one movie: one wins, the other gets 412.
 */
abstract class WriteApiContract {

    static final String MERGE_PATCH = "application/merge-patch+json";

    WriteApiServer server;
    ApiClient api;

    abstract TestDatabase database(Path dir);

    @BeforeEach
    void start(@TempDir Path dir) {
        // A long-lived response cache: any stale answer after a write would be this node's cache's.
        server = WriteApiServer.start(database(dir), CatalogSeed.of(20, 4),
                config -> config.responseCacheTtl(Duration.ofSeconds(30)));
        api = server.api;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aMovieIsCreatedChangedUnlockedAndDeletedAnsweringEachStepsStatus() {
        ApiClient.Answer created = api.sendJson("POST", "/movies/", """
                {"title": "Heat", "release_year": 1995, "imdb_rating": 8.3,
                 "sources": [{"url": "https://cdn.example.com/heat.m3u8", "provider": "Tubi"}]}""",
                bearer(server.editorToken));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String location = created.header("Location").orElseThrow();
        assertThat(location).matches("/movies/\\d+");
        assertThat(created.json().get("title").asText()).isEqualTo("Heat");
        assertThat(created.json().get("sources")).hasSize(1);
        ApiClient.Answer read = api.get(location);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo(created.header("ETag"));
        String etag = read.header("ETag").orElseThrow();

        ApiClient.Answer unconditional = api.sendJson("PATCH", location, "{\"title\":\"Heat (1995)\"}",
                bearer(server.editorToken, "Content-Type", MERGE_PATCH));
        assertProblem(unconditional, 428);

        ApiClient.Answer changed = api.sendJson("PATCH", location, "{\"title\":\"Heat (1995)\",\"imdb_rating\":null}",
                bearer(server.editorToken, "Content-Type", MERGE_PATCH, "If-Match", etag));
        assertThat(changed.status()).as("%s", changed).isEqualTo(200);
        assertThat(changed.json().get("title").asText()).isEqualTo("Heat (1995)");
        assertThat(changed.json().get("imdb_rating").isNull()).isTrue();
        assertThat(texts(changed.json().get("locked_fields"))).contains("title", "imdb_rating");
        String changedTag = changed.header("ETag").orElseThrow();
        assertThat(changedTag).isNotEqualTo(etag);
        assertThat(api.get(location).header("ETag")).contains(changedTag);

        ApiClient.Answer stale = api.sendJson("PATCH", location, "{\"title\":\"Lost update\"}",
                bearer(server.editorToken, "Content-Type", MERGE_PATCH, "If-Match", etag));
        assertProblem(stale, 412);
        assertThat(stale.json().get("current").get("title").asText()).isEqualTo("Heat (1995)");
        assertThat(stale.header("ETag")).contains(changedTag);
        assertThat(api.get(location).json().get("title").asText()).isEqualTo("Heat (1995)");

        ApiClient.Answer unlocked = api.send("DELETE", location + "/locks/title",
                bearer(server.editorToken, "If-Match", changedTag));
        assertThat(unlocked.status()).as("%s", unlocked).isEqualTo(200);
        assertThat(texts(unlocked.json().get("locked_fields"))).doesNotContain("title").contains("imdb_rating");
        String unlockedTag = unlocked.header("ETag").orElseThrow();

        assertProblem(api.send("DELETE", location, bearer(server.editorToken, "If-Match", changedTag)), 412);
        assertProblem(api.send("DELETE", location, bearer(server.editorToken)), 428);
        assertThat(api.send("DELETE", location, bearer(server.editorToken, "If-Match", unlockedTag)).status())
                .isEqualTo(204);
        assertProblem(api.get(location), 404);
        assertProblem(api.send("DELETE", location, bearer(server.editorToken, "If-Match", unlockedTag)), 404);
    }

    @Test
    void aWriteIsSeenAtOnceThroughThisNodesResponseCache() {
        JsonNode movie = api.get("/movies/?limit=1").json().get(0);
        String path = "/movies/" + movie.get("id").asLong();
        String etag = api.get(path).header("ETag").orElseThrow();
        api.get("/movies/?limit=500");
        api.get(path + "/sources");

        ApiClient.Answer changed = api.sendJson("PATCH", path, "{\"title\":\"Renamed by hand\"}",
                bearer(server.editorToken, "If-Match", etag));

        assertThat(changed.status()).isEqualTo(200);
        assertThat(api.get(path).json().get("title").asText()).isEqualTo("Renamed by hand");
        assertThat(api.get("/movies/?limit=500").text()).contains("Renamed by hand");
    }

    @Test
    void everyBrokenRuleIsOneEntryOfOne422AndNothingChanges() {
        String path = "/movies/" + api.get("/movies/?limit=1").json().get(0).get("id").asLong();
        String etag = api.get(path).header("ETag").orElseThrow();
        var before = TableSnapshot.of(server.database);

        ApiClient.Answer invalid = api.sendJson("PATCH", path, """
                {"title": "", "imdb_rating": 11, "image": "ftp://example.com/a.jpg", "release_year": "1995",
                 "release_date": "2019-13-45"}""", bearer(server.editorToken, "If-Match", etag));

        assertProblem(invalid, 422);
        List<String> fields = new ArrayList<>();
        invalid.json().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("title", "imdb_rating", "image", "release_year", "release_date");
        assertThat(TableSnapshot.of(server.database)).isEqualTo(before);
        assertThat(api.get(path).header("ETag")).contains(etag);
    }

    @Test
    void aShowIsBuiltUpAndTakenDownOverTheApi() {
        ApiClient.Answer show = api.sendJson("POST", "/shows/", "{\"title\":\"Harbor Lights\"}", bearer(server.editorToken));
        assertThat(show.status()).as("%s", show).isEqualTo(201);
        String showPath = show.header("Location").orElseThrow();
        ApiClient.Answer season = api.sendJson("POST", showPath + "/seasons", "{\"number\":1,\"description\":\"First\"}",
                bearer(server.editorToken));
        assertThat(season.status()).as("%s", season).isEqualTo(201);
        String seasonPath = season.header("Location").orElseThrow();
        assertThat(seasonPath).matches("/seasons/\\d+");
        assertProblem(api.sendJson("POST", showPath + "/seasons", "{\"number\":1}", bearer(server.editorToken)), 422);
        ApiClient.Answer episode = api.sendJson("POST", seasonPath + "/episodes", "{\"number\":1,\"title\":\"Pilot\"}",
                bearer(server.editorToken));
        assertThat(episode.status()).as("%s", episode).isEqualTo(201);
        String episodePath = episode.header("Location").orElseThrow();
        ApiClient.Answer source = api.sendJson("POST", episodePath + "/sources",
                "{\"url\":\"https://cdn.example.com/harbor/1.m3u8\"}", bearer(server.editorToken));
        assertThat(source.status()).as("%s", source).isEqualTo(201);
        String sourcePath = source.header("Location").orElseThrow();
        assertThat(source.json().get("source_type").asText()).isEqualTo("playlist");

        ApiClient.Answer off = api.sendJson("PATCH", sourcePath, "{\"is_active\":false}",
                bearer(server.editorToken, "If-Match", api.get(sourcePath).header("ETag").orElseThrow()));
        assertThat(off.status()).as("%s", off).isEqualTo(200);
        assertThat(off.json().get("is_active").asBoolean()).isFalse();
        assertThat(texts(off.json().get("locked_fields"))).contains("is_active");
        ApiClient.Answer renamed = api.sendJson("PATCH", episodePath, "{\"title\":\"The Pilot\"}",
                bearer(server.editorToken, "If-Match", api.get(episodePath).header("ETag").orElseThrow()));
        assertThat(renamed.status()).as("%s", renamed).isEqualTo(200);
        ApiClient.Answer described = api.sendJson("PATCH", seasonPath, "{\"description\":null}",
                bearer(server.editorToken, "If-Match", api.get(seasonPath).header("ETag").orElseThrow()));
        assertThat(described.status()).as("%s", described).isEqualTo(200);
        assertThat(described.json().get("description").isNull()).isTrue();

        JsonNode tree = api.get(showPath).json();
        JsonNode treeEpisode = tree.get("seasons").get(0).get("episodes").get(0);
        assertThat(treeEpisode.get("title").asText()).isEqualTo("The Pilot");
        assertThat(treeEpisode.get("sources").get(0).get("is_active").asBoolean()).isFalse();
        assertThat(api.get(seasonPath).json()).isEqualTo(tree.get("seasons").get(0));
        assertThat(api.get(episodePath).json()).isEqualTo(treeEpisode);

        for (String path : List.of(sourcePath, episodePath, seasonPath, showPath)) {
            ApiClient.Answer deleted = api.send("DELETE", path,
                    bearer(server.editorToken, "If-Match", api.get(path).header("ETag").orElseThrow()));
            assertThat(deleted.status()).as("DELETE %s: %s", path, deleted).isEqualTo(204);
            assertProblem(api.get(path), 404);
        }
    }

    @Test
    void aFeedMovieDeletedByHandLeavesATombstoneThatCanBeRestored() {
        JsonNode movie = api.get("/movies/?limit=1").json().get(0);
        String path = "/movies/" + movie.get("id").asLong();
        assertThat(api.send("DELETE", path, bearer(server.editorToken, "If-Match",
                api.get(path).header("ETag").orElseThrow())).status()).isEqualTo(204);

        ApiClient.Answer tombstones = api.get("/tombstones?kind=movie", bearer(server.readToken));
        assertThat(tombstones.status()).as("%s", tombstones).isEqualTo(200);
        JsonNode tombstone = tombstones.json().get(0);
        assertThat(tombstone.get("label").asText()).isEqualTo(movie.get("title").asText());
        assertThat(tombstone.get("deleted_by").asText()).isEqualTo("token:eddie/tests");
        assertProblem(api.send("POST", "/tombstones/" + tombstone.get("id").asLong() + "/restore",
                bearer(server.readToken)), 403);

        ApiClient.Answer restored = api.send("POST", "/tombstones/" + tombstone.get("id").asLong() + "/restore",
                bearer(server.editorToken));

        assertThat(restored.status()).as("%s", restored).isEqualTo(204);
        assertThat(api.get("/tombstones?kind=movie", bearer(server.readToken)).json()).isEmpty();
        assertProblem(api.send("POST", "/tombstones/" + tombstone.get("id").asLong() + "/restore",
                bearer(server.editorToken)), 404);
    }

    @Test
    void theAuditTrailShowsWhoChangedWhatToAdminsOnly() {
        long id = api.get("/movies/?limit=1").json().get(0).get("id").asLong();
        String path = "/movies/" + id;
        api.sendJson("PATCH", path, "{\"title\":\"Audited\"}",
                bearer(server.editorToken, "If-Match", api.get(path).header("ETag").orElseThrow()));

        ApiClient.Answer audit = api.get("/audit?entity=movie&id=" + id, bearer(server.adminToken));

        assertThat(audit.status()).as("%s", audit).isEqualTo(200);
        JsonNode entry = null;
        for (JsonNode candidate : audit.json()) {
            if (candidate.get("field").asText().equals("title")) {
                entry = candidate;
            }
        }
        assertThat(entry).as("the title's entry in %s", audit).isNotNull();
        assertThat(entry.get("after").asText()).isEqualTo("Audited");
        assertThat(entry.get("actor").asText()).isEqualTo("token:eddie/tests");
        assertThat(entry.get("channel").asText()).isEqualTo("api");
        assertThat(api.get("/audit?actor=token:eddie/tests", bearer(server.adminToken)).json()).isNotEmpty();
        assertThat(api.get("/audit?actor=token:nobody/x", bearer(server.adminToken)).json()).isEmpty();
        assertProblem(api.get("/audit", bearer(server.editorToken)), 403);
        assertProblem(api.get("/audit?from=yesterday", bearer(server.adminToken)), 400);
    }

    @Test
    void twoConcurrentConditionalChangesOfOneMovieOneWinsTheOtherGets412() throws Exception {
        String path = "/movies/" + api.get("/movies/?limit=1").json().get(0).get("id").asLong();
        String etag = api.get(path).header("ETag").orElseThrow();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ApiClient.Answer>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (String title : List.of("First writer", "Second writer")) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return api.sendJson("PATCH", path, "{\"title\":\"" + title + "\"}",
                            bearer(server.editorToken, "If-Match", etag));
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            String winner = null;
            for (Future<ApiClient.Answer> answer : answers) {
                ApiClient.Answer a = answer.get();
                statuses.add(a.status());
                if (a.status() == 200) {
                    winner = a.json().get("title").asText();
                }
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 412);
            assertThat(api.get(path).json().get("title").asText()).isEqualTo(winner);
        }
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    static void assertProblem(ApiClient.Answer answer, int status) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(status);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.json().get("status").asInt()).isEqualTo(status);
        assertThat(answer.json().get("detail").asText()).isNotBlank();
    }
}
