package io.freecast.catalog.http.server;

import static io.freecast.catalog.http.server.WriteApiServer.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.jdbc.testing.TableSnapshot;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may do what, for every write route: without a token nothing (401 with {@code WWW-Authenticate}); a
 * {@code read} token writes nothing (403); an {@code edit} token edits the catalog but manages no account
 * or token, reads no audit trail and runs no task; an {@code admin} token from the token store runs tasks,
 * as the bootstrap token does. Refusals change nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WriteScopesIT {

    /** A write route with a body good enough to get past the scope check. */
    record Write(String method, String path, String body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    WriteApiServer server;
    ApiClient api;
    long movieId;
    long showId;
    long seasonId;
    long episodeId;
    long sourceId;

    @BeforeAll
    void start(@TempDir Path dir) {
        server = WriteApiServer.start(TestDatabases.sqlite(dir), CatalogSeed.of(5, 2));
        api = server.api;
        movieId = api.get("/movies/?limit=1").json().get(0).get("id").asLong();
        var show = api.get("/shows/?limit=500").json().get(0);
        showId = show.get("id").asLong();
        seasonId = show.get("seasons").get(0).get("id").asLong();
        var episode = show.get("seasons").get(0).get("episodes").get(0);
        episodeId = episode.get("id").asLong();
        sourceId = episode.get("sources").get(0).get("id").asLong();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    List<Write> catalogWrites() {
        String title = "{\"title\":\"x\"}";
        return List.of(
                new Write("POST", "/movies/", title),
                new Write("PATCH", "/movies/" + movieId, title),
                new Write("DELETE", "/movies/" + movieId, null),
                new Write("POST", "/movies/" + movieId + "/sources", "{\"url\":\"https://cdn.example.com/x.mp4\"}"),
                new Write("DELETE", "/movies/" + movieId + "/locks/title", null),
                new Write("POST", "/shows/", title),
                new Write("PATCH", "/shows/" + showId, title),
                new Write("DELETE", "/shows/" + showId, null),
                new Write("POST", "/shows/" + showId + "/seasons", "{\"number\":90}"),
                new Write("DELETE", "/shows/" + showId + "/locks/title", null),
                new Write("PATCH", "/seasons/" + seasonId, "{\"description\":\"x\"}"),
                new Write("DELETE", "/seasons/" + seasonId, null),
                new Write("POST", "/seasons/" + seasonId + "/episodes", "{\"number\":90}"),
                new Write("DELETE", "/seasons/" + seasonId + "/locks/description", null),
                new Write("PATCH", "/episodes/" + episodeId, title),
                new Write("DELETE", "/episodes/" + episodeId, null),
                new Write("POST", "/episodes/" + episodeId + "/sources", "{\"url\":\"https://cdn.example.com/y.mp4\"}"),
                new Write("DELETE", "/episodes/" + episodeId + "/locks/title", null),
                new Write("PATCH", "/sources/" + sourceId, "{\"is_active\":false}"),
                new Write("DELETE", "/sources/" + sourceId, null),
                new Write("POST", "/sources/" + sourceId + "/check", null),
                new Write("DELETE", "/sources/" + sourceId + "/locks/is_active", null),
                new Write("POST", "/tombstones/1/restore", null));
    }

    List<Write> adminWrites() {
        return List.of(
                new Write("POST", "/accounts", "{\"name\":\"mallory\",\"role\":\"admin\",\"password\":\"long enough password\"}"),
                new Write("PATCH", "/accounts/alice", "{\"enabled\":false}"),
                new Write("POST", "/tokens", "{\"user\":\"eddie\",\"name\":\"more\",\"scope\":\"edit\"}"),
                new Write("DELETE", "/tokens/1", null),
                new Write("POST", "/tasks/import-movies/runs", null));
    }

    List<Write> adminReads() {
        return List.of(new Write("GET", "/audit", null), new Write("GET", "/accounts", null),
                new Write("GET", "/accounts/alice", null), new Write("GET", "/tokens", null));
    }

    @Test
    void withoutATokenEveryWriteIs401AndNothingChanges() {
        Map<String, ?> before = TableSnapshot.of(server.database);
        for (Write write : concat(catalogWrites(), adminWrites(), adminReads(), List.of(new Write("GET", "/tombstones", null)))) {
            ApiClient.Answer answer = send(write, null);
            WriteApiContract.assertProblem(answer, 401);
            assertThat(answer.header("WWW-Authenticate")).as("%s", write).hasValueSatisfying(
                    challenge -> assertThat(challenge).startsWith("Bearer"));
        }
        assertThat(TableSnapshot.of(server.database)).isEqualTo(before);
    }

    @Test
    void aReadTokenWritesNothing() {
        Map<String, ?> before = TableSnapshot.of(server.database);
        for (Write write : concat(catalogWrites(), adminWrites(), adminReads())) {
            ApiClient.Answer answer = send(write, server.readToken);
            assertThat(answer.status()).as("%s: %s", write, answer).isEqualTo(403);
            assertThat(answer.json().get("detail").asText()).contains("scope");
        }
        assertThat(TableSnapshot.of(server.database)).isEqualTo(before);
        assertThat(api.get("/tombstones", bearer(server.readToken)).status()).isEqualTo(200);
    }

    @Test
    void anEditorEditsTheCatalogButManagesNoAccountOrTokenAndRunsNoTask() {
        Map<String, ?> before = TableSnapshot.of(server.database);
        for (Write write : concat(adminWrites(), adminReads())) {
            ApiClient.Answer answer = send(write, server.editorToken);
            assertThat(answer.status()).as("%s: %s", write, answer).isEqualTo(403);
        }
        assertThat(TableSnapshot.of(server.database)).isEqualTo(before);
        for (Write write : catalogWrites()) {
            ApiClient.Answer answer = send(write, server.editorToken);
            assertThat(answer.status()).as("%s: %s", write, answer).isNotIn(401, 403);
        }
    }

    @Test
    void anAdminTokenFromTheStoreRunsTasksAsTheBootstrapTokenDoes() {
        ApiClient.Answer byStoredToken = api.send("POST", "/tasks/import-movies/runs", bearer(server.adminToken));
        ApiClient.Answer byBootstrap = api.send("POST", "/tasks/import-shows/runs", bearer(WriteApiServer.BOOTSTRAP_TOKEN));

        assertThat(byStoredToken.status()).as("%s", byStoredToken).isEqualTo(202);
        assertThat(byBootstrap.status()).as("%s", byBootstrap).isEqualTo(202);
        assertThat(api.get("/accounts", bearer(server.adminToken)).status()).isEqualTo(200);
        assertThat(api.get("/audit", bearer(WriteApiServer.BOOTSTRAP_TOKEN)).status()).isEqualTo(200);
    }

    private ApiClient.Answer send(Write write, String token) {
        String[] headers = token == null ? new String[]{"If-Match", "\"x\""} : bearer(token, "If-Match", "\"x\"");
        if (write.body() == null) {
            return api.send(write.method(), write.path(), headers);
        }
        return api.sendJson(write.method(), write.path(), write.body(), headers);
    }

    @SafeVarargs
    private static List<Write> concat(List<Write>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
