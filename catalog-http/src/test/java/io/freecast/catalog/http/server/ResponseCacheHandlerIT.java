package io.freecast.catalog.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The response cache's way in: hits answered on the IO thread, everything else passed on. */
class ResponseCacheHandlerIT {

    private static final byte[] BODY = "[{\"id\":1}]".getBytes(StandardCharsets.UTF_8);

    private final AtomicLong now = new AtomicLong();
    private final ResponseCache cache = new ResponseCache(Duration.ofSeconds(10), now::get);
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicInteger passedOn = new AtomicInteger();

    private HandlerServer serving() {
        return HandlerServer.serving(new ResponseCacheHandler(cache, "public, max-age=60",
                new MetricsResource(registry), null, new ConditionalGetHandler(new GzipHandler()), exchange -> {
                    passedOn.incrementAndGet();
                    ResponseSender.send(exchange, 200, "from the next handler".getBytes(StandardCharsets.UTF_8));
                }));
    }

    @Test
    void aStoredTargetIsAnsweredFromTheCacheWithItsHeadersAndNeverPassedOn() throws InterruptedException {
        cache.store("/movies/?limit=1", "/movies", "application/json", BODY, null, ETags.of(BODY),
                "</movies/?limit=1&cursor=a>; rel=\"next\"", "7", cache.generation());
        try (HandlerServer server = serving()) {
            ApiClient.Answer answer = server.api.get("/movies/?limit=1");

            assertThat(answer.body()).isEqualTo(BODY);
            assertThat(answer.contentType()).isEqualTo("application/json");
            assertThat(answer.header("Cache-Control")).contains("public, max-age=60");
            assertThat(answer.header("Link")).contains("</movies/?limit=1&cursor=a>; rel=\"next\"");
            assertThat(answer.header("X-Total-Count")).contains("7");
            assertThat(answer.header("ETag")).contains(ETags.of(BODY));
            assertThat(server.api.get("/movies/?limit=1", "If-None-Match", ETags.of(BODY)).status()).isEqualTo(304);
            assertThat(server.api.raw("HEAD", "/movies/?limit=1").body()).isEmpty();
            assertThat(passedOn).hasValue(0);
            assertThat(hits("GET", "200")).isEqualTo(1);
            assertThat(hits("GET", "304")).isEqualTo(1);
            assertThat(hits("HEAD", "200")).isEqualTo(1);
        }
    }

    @Test
    void anotherSpellingAnotherMethodOrAnExpiredEntryIsPassedOn() {
        cache.store("/movies/", "/movies", "application/json", BODY, null, ETags.of(BODY), null, null, cache.generation());
        try (HandlerServer server = serving()) {
            assertThat(server.api.get("/movies").text()).isEqualTo("from the next handler");
            assertThat(server.api.send("POST", "/movies/").text()).isEqualTo("from the next handler");
            assertThat(server.api.raw("GET", "/movies/;x").text()).isEqualTo("from the next handler");
            now.addAndGet(Duration.ofSeconds(10).toNanos());
            assertThat(server.api.get("/movies/").text()).isEqualTo("from the next handler");
            assertThat(passedOn).hasValue(4);
        }
    }

    /**
     * Requests of a method answered with a status from the cache. A hit is recorded just after its response
     * is written, so the client may read the response a moment before the server has counted it.
     */
    private long hits(String method, String status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            var timer = registry.find(MetricsResource.REQUESTS).tag("method", method).tag("route", "/movies")
                    .tag("status", status).timer();
            if (timer != null || System.nanoTime() > deadline) {
                return timer == null ? 0 : timer.count();
            }
            Thread.sleep(5);
        }
    }
}
