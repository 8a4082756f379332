package io.freecast.catalog.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.port.out.StorageUnavailableException;
import io.undertow.server.HttpHandler;
import io.undertow.util.Headers;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Error mapping ({@link ProblemHandler}) and problem rendering ({@link ProblemWriter}). */
class ProblemHandlerIT {

    private static HandlerServer serving(HttpHandler failing) {
        return HandlerServer.serving(new WorkerDispatchHandler(
                new ProblemHandler(new ProblemWriter(CatalogHttpServer.objectMapper()), failing)));
    }

    @Test
    void anApiProblemIsAnsweredWithItsStatusDetailParameterAndHeaders() {
        try (HandlerServer server = serving(exchange -> {
            throw ApiProblem.badParameter("limit", "limit must be between 1 and 500").header("X-Hint", "smaller");
        })) {
            ApiClient.Answer answer = server.api.get("/movies/?limit=0");

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.contentType()).isEqualTo("application/problem+json");
            assertThat(answer.header("Cache-Control")).contains("no-store");
            assertThat(answer.header("X-Hint")).contains("smaller");
            assertThat(answer.json().get("type").asText()).isEqualTo("about:blank");
            assertThat(answer.json().get("title").asText()).isEqualTo("Bad Request");
            assertThat(answer.json().get("detail").asText()).isEqualTo("limit must be between 1 and 500");
            assertThat(answer.json().get("parameter").asText()).isEqualTo("limit");
            assertThat(answer.json().get("instance").asText()).isEqualTo("/movies/");
        }
    }

    @Test
    void storageThatCannotBeUsedNowIsA503WithRetryAfterInWholeSeconds() {
        try (HandlerServer server = serving(exchange -> {
            throw new StorageUnavailableException("the database is unavailable (connection refused); try again in 2 s",
                    Duration.ofMillis(1500), null);
        })) {
            ApiClient.Answer answer = server.api.get("/movies/1");

            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.contentType()).isEqualTo("application/problem+json");
            assertThat(answer.header("Retry-After")).contains("2");
            assertThat(answer.header("Cache-Control")).contains("no-store");
            assertThat(answer.json().get("title").asText()).isEqualTo("Service Unavailable");
            assertThat(answer.json().get("detail").asText())
                    .isEqualTo("the database is unavailable (connection refused); try again in 2 s");
        }
    }

    @Test
    void storageUnavailableWrappedByAnotherLayerIsStillA503() {
        try (HandlerServer server = serving(exchange -> {
            throw new IllegalStateException("a layer that wraps", new StorageUnavailableException(
                    "the database cannot take writes now (disk full); try again in 10 s", Duration.ofSeconds(10), null));
        })) {
            ApiClient.Answer answer = server.api.get("/movies/1");

            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.header("Retry-After")).contains("10");
            assertThat(answer.text()).doesNotContain("a layer that wraps").contains("disk full");
        }
    }

    @Test
    void anyOtherFailureIsA500ThatSaysNothingAboutIt() {
        try (HandlerServer server = serving(exchange -> {
            throw new IllegalStateException("secret internals");
        })) {
            ApiClient.Answer answer = server.api.get("/movies/1");

            assertThat(answer.status()).isEqualTo(500);
            assertThat(answer.text()).doesNotContain("secret internals", "IllegalStateException");
            assertThat(answer.json().get("detail").asText()).contains("the failure was logged");
        }
    }

    @Test
    void aProblemReplacesWhatTheResponseHadBegunToSay() {
        try (HandlerServer server = serving(exchange -> {
            exchange.getResponseHeaders().put(Headers.ETAG, "\"abc\"");
            exchange.getResponseHeaders().put(ResponseHeaders.LINK, "</movies/?cursor=x>; rel=\"next\"");
            exchange.getResponseHeaders().put(Headers.CONTENT_ENCODING, "gzip");
            throw ApiProblem.notFound("gone");
        })) {
            ApiClient.Answer answer = server.api.get("/movies/1");

            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.header("ETag")).isEmpty();
            assertThat(answer.header("Link")).isEmpty();
            assertThat(answer.header("Content-Encoding")).isEmpty();
        }
    }

    @Test
    void aPathTooLongToEchoIsLeftOutOfTheProblem() {
        String path = "/" + "a".repeat(ProblemWriter.MAX_INSTANCE_LENGTH + 1);
        try (HandlerServer server = serving(exchange -> {
            throw ApiProblem.notFound("gone");
        })) {
            assertThat(server.api.get(path).json().has("instance")).isFalse();
        }
    }
}
