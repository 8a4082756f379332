package io.freecast.catalog.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.domain.LinkState;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import io.freecast.catalog.port.out.SourceRepository.SourceCheck;
import java.nio.file.Path;
import io.freecast.catalog.jdbc.testing.TableSnapshot;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The micro-cache: a repeated request costs no SQL while fresh; past half its TTL an entry is refreshed once
 * in the background while it is still served; past its TTL it is never served.
 */
class ResponseCacheIT {

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
            Source source = server.store.ports().queries().findMovieSources(movieId, io.freecast.catalog.domain.ActiveFilter.ALL)
                    .orElseThrow().getFirst();
            String before = server.api.get("/movies/" + movieId).text();

            server.store.ports().sources().saveChecks(List.of(new SourceCheck(source.id(), !source.active(),
                    new LinkState(CatalogSeed.CHECKED_AT, 410, 0, "gone"))));

            assertThat(server.api.get("/movies/" + movieId).text()).isNotEqualTo(before);
        }
    }

    @Test
    void theCacheIsBounded() {
        ResponseCache cache = new ResponseCache(Duration.ofMinutes(10), System::nanoTime);
        for (int i = 0; i < ResponseCache.MAX_ENTRIES + 100; i++) {
            cache.store("/movies/" + i, "/movies/{id}", "application/json", new byte[10], null, "\"t\"", null, null, cache.generation());
        }

        assertThat(cache.size()).isEqualTo(ResponseCache.MAX_ENTRIES);
        assertThat(cache.find("/movies/" + (ResponseCache.MAX_ENTRIES + 50))).isNull();
        cache.store("/big", "/movies", "application/json", new byte[ResponseCache.MAX_BODY_BYTES + 1], null, "\"t\"", null, null, cache.generation());
        assertThat(cache.find("/big")).isNull();
    }

    @Test
    void anExpiredEntryIsForgottenAndMakesRoom() throws InterruptedException {
        ResponseCache cache = new ResponseCache(Duration.ofMillis(1), System::nanoTime);
        for (int i = 0; i < ResponseCache.MAX_ENTRIES; i++) {
            cache.store("/movies/" + i, "/movies/{id}", "application/json", new byte[10], null, "\"t\"", null, null, cache.generation());
        }
        Thread.sleep(5);

        cache.store("/movies/new", "/movies/{id}", "application/json", new byte[10], null, "\"t\"", null, null, cache.generation());
        assertThat(cache.size()).isLessThan(ResponseCache.MAX_ENTRIES);
        assertThat(cache.find("/movies/1")).isNull();
    }

    @Test
    void makingRoomTakesOnlyTheExpiredEntriesOldestFirst() {
        ResponseCache cache = new ResponseCache(TTL, now::get);
        for (int i = 0; i < ResponseCache.MAX_ENTRIES / 2; i++) {
            cache.store("/movies/old" + i, "/movies/{id}", "application/json", new byte[10], null, "\"t\"", null, null, cache.generation());
        }
        advance(TTL.dividedBy(2));
        for (int i = 0; i < ResponseCache.MAX_ENTRIES / 2; i++) {
            cache.store("/movies/new" + i, "/movies/{id}", "application/json", new byte[10], null, "\"t\"", null, null, cache.generation());
        }
        assertThat(cache.size()).isEqualTo(ResponseCache.MAX_ENTRIES);

        advance(TTL.dividedBy(2));
        cache.store("/movies/newest", "/movies/{id}", "application/json", new byte[10], null, "\"t\"", null, null, cache.generation());

        assertThat(cache.size()).as("the older half expired and was dropped; the younger half and the newest stay")
                .isEqualTo(ResponseCache.MAX_ENTRIES / 2 + 1);
        assertThat(cache.find("/movies/new0")).isNotNull();
        assertThat(cache.find("/movies/newest")).isNotNull();
    }

    @Test
    void entriesDroppedByWritesDoNotPileUpInsideTheCache() {
        ResponseCache cache = new ResponseCache(TTL, now::get);
        for (int round = 0; round < 3 * ResponseCache.MAX_QUEUED / 100; round++) {
            cache.invalidate(List.of("/movies"));
            for (int i = 0; i < 100; i++) {
                cache.store("/movies/" + i, "/movies/{id}", "application/json", new byte[10], null, "\"t\"", null, null, cache.generation());
            }
        }

        assertThat(cache.queued()).as("the age queue holds at most its bound, though nothing expired")
                .isLessThanOrEqualTo(ResponseCache.MAX_QUEUED + 1);
        assertThat(cache.size()).isEqualTo(100);
    }

    @Test
    void anEntrysGzipFormIsMadeWhenFirstAskedForAndOnlyOnce() throws java.io.IOException {
        ResponseCache cache = new ResponseCache(TTL, now::get);
        byte[] body = "{\"title\":\"Harbor\"}".repeat(100).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ResponseCache.Entry entry = cache.store("/movies/1", "/movies/{id}", "application/json", body, null,
                ETags.of(body), null, null, cache.generation());
        long bytesCounted = entry.size();

        assertThat(entry.compressed()).as("not compressed before a client asks").isFalse();
        byte[] gzipped = entry.gzipped();
        assertThat(entry.compressed()).isTrue();
        assertThat(entry.gzipped()).as("made once").isSameAs(gzipped);
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped))) {
            assertThat(in.readAllBytes()).isEqualTo(body);
        }
        assertThat(entry.size()).as("counted as it was stored, gzip form included").isEqualTo(bytesCounted)
                .isGreaterThanOrEqualTo(body.length + gzipped.length);

        ResponseCache.Entry small = cache.store("/movies/2", "/movies/{id}", "application/json", new byte[10], null,
                "\"t\"", null, null, cache.generation());
        assertThat(small.gzipped()).as("too small to be worth it").isNull();
    }

    @Test
    void aHitAskingForGzipGetsTheFormOfTheBodyAMissWithoutGzipStored() {
        try (SeededServer server = SeededServer.start(TestDatabases.sqlite(dir), CatalogSeed.of(40, 5),
                config -> config.responseCacheTtl(Duration.ofMinutes(1)))) {
            ApiClient.Answer plain = server.api.get("/movies/?limit=20", "Accept-Encoding", "identity");

            int statements = server.statementsDuring(() -> {
                ApiClient.Answer gzipped = server.api.get("/movies/?limit=20", "Accept-Encoding", "gzip");
                assertThat(gzipped.header("Content-Encoding")).contains("gzip");
                assertThat(gzipped.header("ETag")).contains(ETags.gzipped(plain.header("ETag").orElseThrow()));
                assertThat(gzipped.rawBody()).as("sent compressed").hasSizeLessThan(plain.body().length);
                assertThat(gzipped.body()).as("un-gzipped by the client").isEqualTo(plain.body());
            });

            assertThat(statements).as("answered from the cache").isZero();
        }
    }

    private static final Duration TTL = Duration.ofMinutes(1);

    /** A clock the test turns by hand, so entry ages never depend on how fast the test runs. */
    private final AtomicLong now = new AtomicLong();

    private SeededServer serverWithHandTurnedCache() {
        return SeededServer.start(TestDatabases.sqlite(dir), CatalogSeed.of(5, 1),
                config -> config.responseCacheTtl(TTL).responseCacheClock(now::get));
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    /** Marks every source of a movie dead, as a link check would: the movie's JSON changes. */
    private static void killSources(SeededServer server, long movieId) {
        List<SourceCheck> checks = server.store.ports().queries()
                .findMovieSources(movieId, io.freecast.catalog.domain.ActiveFilter.ALL).orElseThrow().stream()
                .map(source -> new SourceCheck(source.id(), false, new LinkState(CatalogSeed.CHECKED_AT, 410, 0, "gone")))
                .toList();
        server.store.ports().sources().saveChecks(checks);
    }

    /** Repeats the request until the answer satisfies {@code done} (the background refresh has landed). */
    private static ApiClient.Answer awaitAnswer(SeededServer server, String path, Predicate<ApiClient.Answer> done)
            throws InterruptedException {
        for (int attempt = 0; attempt < 500; attempt++) {
            ApiClient.Answer answer = server.api.get(path);
            if (done.test(answer)) {
                return answer;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the cached answer of " + path + " was never refreshed");
    }

    @Test
    void anEntryIsRefreshedOnceAfterHalfItsTtlAndNeverServedPastIt() {
        ResponseCache cache = new ResponseCache(TTL, now::get);
        cache.store("/movies/1", "/movies/{id}", "application/json", new byte[10], null, "\"a\"", null, null, cache.generation());
        ResponseCache.Entry entry = cache.find("/movies/1");

        advance(TTL.dividedBy(2).minusNanos(1));
        assertThat(cache.claimRefresh(entry)).as("younger than half the TTL").isFalse();
        advance(Duration.ofNanos(1));
        assertThat(cache.claimRefresh(entry)).as("the first to find it past half its TTL").isTrue();
        assertThat(cache.claimRefresh(entry)).as("only once").isFalse();
        assertThat(cache.find("/movies/1")).isSameAs(entry);

        advance(TTL.dividedBy(2).minusNanos(1));
        assertThat(cache.find("/movies/1")).as("one nanosecond before its TTL ends").isSameAs(entry);
        advance(Duration.ofNanos(1));
        assertThat(cache.find("/movies/1")).as("the refresh never came: not served past the TTL").isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void aStaleEntryIsServedWhileOneBackgroundRefreshReplacesIt() throws InterruptedException {
        try (SeededServer server = serverWithHandTurnedCache()) {
            long movieId = server.api.get("/movies/?limit=1").json().get(0).get("id").asLong();
            String path = "/movies/" + movieId;
            ApiClient.Answer before = server.api.get(path);
            killSources(server, movieId);

            assertThat(server.api.get(path).text()).as("fresh: the cached bytes").isEqualTo(before.text());
            advance(TTL.dividedBy(2));
            assertThat(server.api.get(path).text()).as("stale: still the cached bytes, refresh started")
                    .isEqualTo(before.text());
            ApiClient.Answer after = awaitAnswer(server, path, answer -> !answer.text().equals(before.text()));

            assertThat(after.text()).contains("\"last_status\":410").doesNotContain("\"is_active\":true");
            assertThat(after.header("ETag")).isNotEqualTo(before.header("ETag"));
            assertThat(server.api.get(path, "If-None-Match", before.header("ETag").orElseThrow()).status())
                    .as("the old tag no longer matches").isEqualTo(200);
            assertThat(server.api.get(path, "If-None-Match", after.header("ETag").orElseThrow()).status())
                    .isEqualTo(304);
            assertThat(server.statementsDuring(() -> server.api.get(path))).as("the refreshed entry is served")
                    .isZero();
        }
    }

    @Test
    void anEntryPastItsTtlIsNeverServedEvenWithoutARefresh() {
        try (SeededServer server = serverWithHandTurnedCache()) {
            long movieId = server.api.get("/movies/?limit=1").json().get(0).get("id").asLong();
            String path = "/movies/" + movieId;
            String before = server.api.get(path).text();
            killSources(server, movieId);

            // No request came during the second half of its TTL, so no refresh ran.
            advance(TTL);
            int statements = server.statementsDuring(() -> assertThat(server.api.get(path).text())
                    .isNotEqualTo(before).contains("\"last_status\":410"));

            assertThat(statements).as("read from the database").isPositive();
        }
    }

    @Test
    void aRefreshThatFindsTheItemGoneDropsTheEntry() throws InterruptedException {
        try (SeededServer server = serverWithHandTurnedCache()) {
            long movieId = server.api.get("/movies/?limit=1").json().get(0).get("id").asLong();
            String path = "/movies/" + movieId;
            assertThat(server.api.get(path).status()).isEqualTo(200);
            TableSnapshot.execute(server.database, "DELETE FROM movie WHERE id = " + movieId);

            advance(TTL.dividedBy(2));
            assertThat(server.api.get(path).status()).as("stale: still the cached answer").isEqualTo(200);

            assertThat(awaitAnswer(server, path, answer -> answer.status() != 200).status()).isEqualTo(404);
        }
    }

    @Test
    void aWriteDropsTheEntriesUnderItsPrefixesAndOnlyThose() {
        ResponseCache cache = new ResponseCache(Duration.ofMinutes(1), () -> 0L);
        for (String target : List.of("/movies/", "/movies/1", "/movies/1/sources?active=true", "/shows/2", "/health")) {
            cache.store(target, target, "application/json", new byte[]{1}, null, "\"t\"", null, null, cache.generation());
        }

        cache.invalidate(List.of("/movies"));

        assertThat(cache.find("/movies/")).isNull();
        assertThat(cache.find("/movies/1")).isNull();
        assertThat(cache.find("/movies/1/sources?active=true")).isNull();
        assertThat(cache.find("/shows/2")).isNotNull();
        assertThat(cache.find("/health")).isNotNull();
    }

    @Test
    void aResponseBuiltBeforeAWriteIsNotStoredAfterIt() {
        ResponseCache cache = new ResponseCache(Duration.ofMinutes(1), () -> 0L);
        long requestBegan = cache.generation();

        cache.invalidate(List.of("/movies"));
        cache.store("/movies/1", "/movies/{id}", "application/json", new byte[]{1}, null, "\"old\"", null, null,
                requestBegan);

        assertThat(cache.find("/movies/1")).isNull();
        cache.store("/movies/1", "/movies/{id}", "application/json", new byte[]{2}, null, "\"new\"", null, null,
                cache.generation());
        assertThat(cache.find("/movies/1").etag()).isEqualTo("\"new\"");
    }
}
