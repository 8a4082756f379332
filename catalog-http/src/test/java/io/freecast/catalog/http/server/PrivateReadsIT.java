package io.freecast.catalog.http.server;

import static io.freecast.catalog.http.server.WriteApiServer.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.jdbc.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Private reads: every catalog read needs a token of at least the {@code read} scope, is never served from
 * the shared response cache, and says {@code Cache-Control: private}; health, metrics and the API's
 * documentation stay open. Public reads (the default) need nothing.
 */
class PrivateReadsIT {

    @Test
    void everyCatalogReadNeedsAReadToken(@TempDir Path dir) {
        try (WriteApiServer server = WriteApiServer.start(TestDatabases.sqlite(dir), CatalogSeed.of(5, 2),
                config -> config.privateReads(true).responseCacheTtl(Duration.ofSeconds(30)))) {
            ApiClient api = server.api;
            long movieId = api.get("/movies/", bearer(server.readToken)).json().get(0).get("id").asLong();
            for (String path : new String[]{"/movies/", "/movies/" + movieId, "/shows/", "/tasks", "/movies/" + movieId + "/sources"}) {
                WriteApiContract.assertProblem(api.get(path), 401);
                ApiClient.Answer answer = api.get(path, bearer(server.readToken));
                assertThat(answer.status()).as(path).isEqualTo(200);
                assertThat(answer.header("Cache-Control")).as(path).hasValueSatisfying(
                        value -> assertThat(value).doesNotContain("public"));
                if (!path.equals("/tasks")) {
                    assertThat(answer.header("Cache-Control")).as(path).contains("private, no-cache");
                    assertThat(answer.header("ETag")).as(path).isPresent();
                }
            }
            WriteApiContract.assertProblem(api.get("/movies/"), 401);
            for (String open : new String[]{"/health", "/metrics", "/openapi.json", "/docs"}) {
                assertThat(api.get(open).status()).as(open).isEqualTo(200);
            }
        }
    }

    @Test
    void readsArePublicByDefault(@TempDir Path dir) {
        try (WriteApiServer server = WriteApiServer.start(TestDatabases.sqlite(dir), CatalogSeed.of(5, 2))) {
            assertThat(server.api.get("/movies/").status()).isEqualTo(200);
            assertThat(server.api.get("/movies/").header("Cache-Control")).hasValueSatisfying(
                    value -> assertThat(value).startsWith("public"));
        }
    }
}
