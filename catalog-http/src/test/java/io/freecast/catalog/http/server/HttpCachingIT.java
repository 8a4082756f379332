package io.freecast.catalog.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.jdbc.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** ETag and 304, Cache-Control, gzip, HEAD and OPTIONS, on the real server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpCachingIT {

    SeededServer server;
    ApiClient api;
    long movieId;

    @BeforeAll
    void startServer(@TempDir Path dir) {
        server = SeededServer.start(TestDatabases.sqlite(dir), CatalogSeed.of(120, 20),
                config -> config.cacheMaxAge(Duration.ofSeconds(30)));
        api = server.api;
        movieId = api.get("/movies/?limit=1").json().get(0).get("id").asLong();
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyCatalogReadCarriesAStrongETagAndCacheControl() {
        for (String path : List.of("/movies/", "/movies/" + movieId, "/movies/" + movieId + "/sources", "/shows/",
                "/openapi.json", "/docs")) {
            ApiClient.Answer answer = api.get(path);
            assertThat(answer.header("ETag")).as(path).hasValueSatisfying(tag ->
                    assertThat(tag).startsWith("\"").endsWith("\"").doesNotStartWith("W/"));
            assertThat(answer.header("Cache-Control")).as(path).isPresent();
            assertThat(answer.header("Vary")).contains("Accept-Encoding");
        }
        assertThat(api.get("/movies/").header("Cache-Control")).contains("public, max-age=30");
    }

    @Test
    void theSameBodyHasTheSameTagAndIfNoneMatchGets304WithoutABody() {
        ApiClient.Answer first = api.get("/movies/" + movieId);
        String etag = first.header("ETag").orElseThrow();

        assertThat(api.get("/movies/" + movieId).header("ETag")).contains(etag);
        ApiClient.Answer revalidated = api.get("/movies/" + movieId, "If-None-Match", etag);
        assertThat(revalidated.status()).isEqualTo(304);
        assertThat(revalidated.body()).isEmpty();
        assertThat(revalidated.header("ETag")).contains(etag);
        assertThat(api.get("/movies/" + movieId, "If-None-Match", "\"x\", " + etag).status()).isEqualTo(304);
        assertThat(api.get("/movies/" + movieId, "If-None-Match", "W/" + etag).status()).isEqualTo(304);
        assertThat(api.get("/movies/" + movieId, "If-None-Match", "*").status()).isEqualTo(304);
    }

    @Test
    void aStaleOrForeignTagGetsTheFullBody() {
        ApiClient.Answer answer = api.get("/movies/" + movieId, "If-None-Match", "\"not-this-one\"");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("id").asLong()).isEqualTo(movieId);
    }

    @Test
    void anotherPageHasAnotherTag() {
        assertThat(api.get("/movies/?limit=5").header("ETag"))
                .isNotEqualTo(api.get("/movies/?limit=6").header("ETag"));
    }

    @Test
    void bigBodiesAreGzippedForClientsThatAcceptItAndOnlyThen() {
        ApiClient.Answer plain = api.get("/movies/?limit=100");
        ApiClient.Answer gzipped = api.get("/movies/?limit=100", "Accept-Encoding", "gzip, deflate");

        assertThat(plain.header("Content-Encoding")).isEmpty();
        assertThat(gzipped.header("Content-Encoding")).contains("gzip");
        assertThat(gzipped.body()).isEqualTo(plain.body());
        assertThat(gzipped.rawBody().length).isLessThan(plain.rawBody().length / 3);
        assertThat(gzipped.header("Content-Length")).contains(Integer.toString(gzipped.rawBody().length));
        assertThat(gzipped.header("ETag")).isNotEqualTo(plain.header("ETag"));
        assertThat(api.get("/movies/?limit=100", "Accept-Encoding", "gzip;q=0").header("Content-Encoding")).isEmpty();
        // A client holding either form revalidates with either tag.
        assertThat(api.get("/movies/?limit=100", "If-None-Match", gzipped.header("ETag").orElseThrow()).status())
                .isEqualTo(304);
        assertThat(api.get("/movies/?limit=100", "Accept-Encoding", "gzip",
                "If-None-Match", plain.header("ETag").orElseThrow()).status()).isEqualTo(304);
    }

    @Test
    void smallBodiesAreNotWorthCompressing() {
        ApiClient.Answer small = api.get("/movies/" + movieId + "/sources", "Accept-Encoding", "gzip");

        assertThat(small.rawBody().length).isLessThanOrEqualTo(Compression.THRESHOLD_BYTES);
        assertThat(small.header("Content-Encoding")).isEmpty();
    }

    @Test
    void headAnswersTheHeadersOfGetWithoutTheBody() {
        ApiClient.Answer get = api.get("/movies/?limit=3");
        ApiClient.Answer head = api.raw("HEAD", "/movies/?limit=3");

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.header("ETag")).isEqualTo(get.header("ETag"));
        assertThat(head.header("Content-Length")).contains(Integer.toString(get.body().length));
        assertThat(head.header("X-Total-Count")).isEqualTo(get.header("X-Total-Count"));
    }

    @Test
    void optionsListsTheAllowedMethodsForCors() {
        ApiClient.Answer options = api.send("OPTIONS", "/movies/" + movieId);

        assertThat(options.status()).isEqualTo(204);
        assertThat(options.header("Allow")).contains("GET, HEAD, OPTIONS");
        assertThat(options.header("Access-Control-Allow-Origin")).contains("*");
        assertThat(api.get("/movies/").header("Access-Control-Expose-Headers")).hasValueSatisfying(
                exposed -> assertThat(exposed).contains("Link", "X-Total-Count", "ETag"));
    }

    @Test
    void errorsAndOperationalEndpointsAreNeverStored() {
        assertThat(api.get("/movies/999999").header("Cache-Control")).contains("no-store");
        assertThat(api.get("/health").header("Cache-Control")).contains("no-store");
        assertThat(api.get("/metrics").header("Cache-Control")).contains("no-store");
        assertThat(api.get("/health").header("ETag")).isEmpty();
    }
}
