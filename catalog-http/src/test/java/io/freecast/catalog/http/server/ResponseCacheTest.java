package io.freecast.catalog.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.domain.LinkState;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import io.freecast.catalog.port.out.SourceRepository.SourceCheck;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The micro-cache: a repeated request costs no SQL while fresh; a stale entry is read again. */
class ResponseCacheTest {

    @TempDir
    Path dir;

    @Test
    void aRepeatedRequestIsAnsweredWithoutTheDatabaseWhileFresh() {
        try (SeededServer server = SeededServer.start(TestDatabases.sqlite(dir), CatalogSeed.of(40, 5),
                config -> config.responseCacheTtl(Duration.ofMinutes(1)))) {
            ApiClient.Answer first = server.api.get("/movies/?limit=20");

            int statements = server.statementsDuring(() -> {
                for (int i = 0; i < 20; i++) {
                    ApiClient.Answer again = server.api.get("/movies/?limit=20", "Accept-Encoding", i % 2 == 0 ? "gzip" : "identity");
                    assertThat(again.body()).isEqualTo(first.body());
                    assertThat(again.header("Link")).isEqualTo(first.header("Link"));
                    assertThat(again.header("X-Total-Count")).isEqualTo(first.header("X-Total-Count"));
                }
                assertThat(server.api.get("/movies/?limit=20", "If-None-Match", first.header("ETag").orElseThrow())
                        .status()).isEqualTo(304);
            });

            assertThat(statements).isZero();
            assertThat(server.api.get("/metrics").text()).contains("route=\"/movies\",status=\"200\"");
        }
    }

    @Test
    void withoutTheCacheEveryRequestSeesTheLatestData() {
        try (SeededServer server = SeededServer.start(TestDatabases.sqlite(dir), CatalogSeed.of(5, 1))) {
            long movieId = server.api.get("/movies/?limit=1").json().get(0).get("id").asLong();
            Source source = server.store.queries().findMovieSources(movieId, io.freecast.catalog.domain.ActiveFilter.ALL)
                    .orElseThrow().getFirst();
            String before = server.api.get("/movies/" + movieId).text();

            server.store.sources().saveChecks(List.of(new SourceCheck(source.id(), !source.active(),
                    new LinkState(CatalogSeed.CHECKED_AT, 410, 0, "gone"))));

            assertThat(server.api.get("/movies/" + movieId).text()).isNotEqualTo(before);
        }
    }

    @Test
    void theCacheIsBounded() {
        ResponseCache cache = new ResponseCache(Duration.ofMinutes(10));
        for (int i = 0; i < ResponseCache.MAX_ENTRIES + 100; i++) {
            cache.put("/movies/" + i, "/movies/{id}", "application/json", new byte[10], null, "\"t\"", null, null);
        }

        assertThat(cache.size()).isEqualTo(ResponseCache.MAX_ENTRIES);
        assertThat(cache.find("/movies/" + (ResponseCache.MAX_ENTRIES + 50))).isNull();
        cache.put("/big", "/movies", "application/json", new byte[ResponseCache.MAX_BODY_BYTES + 1], null, "\"t\"", null, null);
        assertThat(cache.find("/big")).isNull();
    }

    @Test
    void anExpiredEntryIsForgottenAndMakesRoom() throws InterruptedException {
        ResponseCache cache = new ResponseCache(Duration.ofMillis(1));
        for (int i = 0; i < ResponseCache.MAX_ENTRIES; i++) {
            cache.put("/movies/" + i, "/movies/{id}", "application/json", new byte[10], null, "\"t\"", null, null);
        }
        Thread.sleep(5);

        cache.put("/movies/new", "/movies/{id}", "application/json", new byte[10], null, "\"t\"", null, null);
        assertThat(cache.size()).isLessThan(ResponseCache.MAX_ENTRIES);
        assertThat(cache.find("/movies/1")).isNull();
    }
}
